package bryt.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The action plans' rows ({@code survey_action}, {@code survey_action_comment}). */
@Repository
class ActionPlanRepository {

	private final JdbcClient jdbc;

	ActionPlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisation's actions, by unit, due date and id, each with its comments. */
	List<SurveyAction> findAll(long organisationId) {
		Map<Long, List<SurveyAction.Comment>> comments = new HashMap<>();
		this.jdbc.sql("""
				select m.action_id, m.side, m.author, m.written_at, m.text
				from survey_action_comment m join survey_action a on a.id = m.action_id
				where a.organisation_id = :org
				order by m.written_at, m.id
				""")
			.param("org", organisationId)
			.query((RowCallbackHandler) (rs) -> comments
				.computeIfAbsent(rs.getLong("action_id"), (id) -> new ArrayList<>())
				.add(comment(rs)));
		return this.jdbc.sql("""
				select id, cycle_id, unit_id, area_key, title, owner, due_on, status, created_by
				from survey_action where organisation_id = :org
				order by unit_id, due_on, id
				""").param("org", organisationId).query((rs, n) -> action(rs, comments)).list();
	}

	/**
	 * One action of the organisation with its comments, by id: one query, the action's
	 * columns on each of its comments' rows (or on one row without a comment).
	 */
	Optional<SurveyAction> find(long organisationId, long id) {
		Map<Long, List<SurveyAction.Comment>> comments = new HashMap<>();
		List<SurveyAction> found = new ArrayList<>();
		this.jdbc.sql("""
				select a.id, a.cycle_id, a.unit_id, a.area_key, a.title, a.owner, a.due_on, a.status, a.created_by,
					m.side, m.author, m.written_at, m.text
				from survey_action a left join survey_action_comment m on m.action_id = a.id
				where a.organisation_id = :org and a.id = :id
				order by m.written_at, m.id
				""").param("org", organisationId).param("id", id).query((RowCallbackHandler) (rs) -> {
			List<SurveyAction.Comment> of = comments.computeIfAbsent(rs.getLong("id"), (key) -> new ArrayList<>());
			if (found.isEmpty()) {
				found.add(action(rs, Map.of()));
			}
			if (rs.getString("side") != null) {
				of.add(comment(rs));
			}
		});
		return found.stream()
			.findFirst()
			.map((a) -> new SurveyAction(a.id(), a.cycleId(), a.unitId(), a.areaKey(), a.title(), a.owner(), a.dueOn(),
					a.status(), a.createdBy(), List.copyOf(comments.get(a.id()))));
	}

	/** The organisation's cycles an action may belong to: every one, newest first. */
	List<CycleOption> cycles(long organisationId) {
		return this.jdbc.sql("""
				select id, program, opens_on, closes_on from survey_cycle
				where organisation_id = :org and program in ('annual', 'pulse')
				order by opens_on desc, id desc
				""")
			.param("org", organisationId)
			.query((rs, n) -> new CycleOption(rs.getLong("id"), rs.getString("program"),
					rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class)))
			.list();
	}

	long insert(long organisationId, long cycleId, long unitId, String areaKey, String title, String owner,
			LocalDate dueOn, String createdBy) {
		return this.jdbc.sql("""
				insert into survey_action (organisation_id, cycle_id, unit_id, area_key, title, owner, due_on, status,
					created_by)
				values (:org, :cycle, :unit, :area, :title, :owner, :due, 'PLANNED', :by)
				returning id
				""")
			.param("org", organisationId)
			.param("cycle", cycleId)
			.param("unit", unitId)
			.param("area", areaKey)
			.param("title", title)
			.param("owner", owner)
			.param("due", dueOn)
			.param("by", createdBy)
			.query(Long.class)
			.single();
	}

	/** Whether the unit already has an action for the area in the cycle. */
	boolean hasActionFor(long organisationId, long cycleId, long unitId, String areaKey) {
		return this.jdbc.sql("""
				select exists (select 1 from survey_action
					where organisation_id = :org and cycle_id = :cycle and unit_id = :unit and area_key = :area)
				""")
			.param("org", organisationId)
			.param("cycle", cycleId)
			.param("unit", unitId)
			.param("area", areaKey)
			.query(Boolean.class)
			.single();
	}

	void updateStatus(long organisationId, long id, ActionStatus status) {
		this.jdbc.sql("update survey_action set status = :status where organisation_id = :org and id = :id")
			.param("status", status.name())
			.param("org", organisationId)
			.param("id", id)
			.update();
	}

	void insertComment(long actionId, SurveyAction.Side side, String author, Instant at, String text) {
		this.jdbc.sql("""
				insert into survey_action_comment (action_id, side, author, written_at, text)
				values (:action, :side, :author, :at, :text)
				""")
			.param("action", actionId)
			.param("side", side.name())
			.param("author", author)
			.param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
			.param("text", text)
			.update();
	}

	private static SurveyAction.Comment comment(ResultSet rs) throws SQLException {
		return new SurveyAction.Comment(SurveyAction.Side.valueOf(rs.getString("side")), rs.getString("author"),
				rs.getObject("written_at", OffsetDateTime.class).toInstant(), rs.getString("text"));
	}

	private static SurveyAction action(ResultSet rs, Map<Long, List<SurveyAction.Comment>> comments)
			throws SQLException {
		long id = rs.getLong("id");
		return new SurveyAction(id, rs.getLong("cycle_id"), rs.getLong("unit_id"), rs.getString("area_key"),
				rs.getString("title"), rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
				ActionStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				List.copyOf(comments.getOrDefault(id, List.of())));
	}

	/** A cycle as the action form offers it. */
	record CycleOption(long id, String program, LocalDate opensOn, LocalDate closesOn) {
	}

}
