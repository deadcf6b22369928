package bryt.surveys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A closed cycle's comments, their review by the two sides and their release. Comments
 * carry no response id and no date (V23); approvals are on the cycle, never on a comment
 * (V33).
 */
@Repository
class CommentRepository {

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the cycle's row, so that two reviewers' redactions and approvals of one cycle
	 * follow each other (an approval never misses a redaction made at the same moment).
	 */
	void lock(long cycleId) {
		this.jdbc.sql("select id from survey_cycle where id = :cycle for update")
			.param("cycle", cycleId)
			.query(Long.class)
			.optional();
	}

	/**
	 * The cycle's comments with their current text (the reviewed one, else the original),
	 * in the order of their random ids, which says nothing about who wrote when.
	 */
	List<StoredComment> comments(long cycleId, String language) {
		return this.jdbc.sql("""
				select c.id, c.unit_id, c.item_key, coalesce(c.redacted, c.text) as current,
					c.redacted is not null as reviewed,
					coalesce(i.text ->> :lang, i.text ->> 'en', i.text ->> 'sv', c.item_key) as question
				from survey_comment c join survey_cycle y on y.id = c.cycle_id
					left join survey_item i on i.instrument_id = y.instrument_id and i.key = c.item_key
				where c.cycle_id = :cycle order by c.id
				""")
			.param("cycle", cycleId)
			.param("lang", language)
			.query((rs, row) -> new StoredComment(rs.getObject("id", UUID.class), rs.getLong("unit_id"),
					rs.getString("item_key"), rs.getString("question"), rs.getString("current"),
					rs.getBoolean("reviewed")))
			.list();
	}

	/** Writes a comment's reviewed text; false if the cycle has no such comment. */
	boolean redact(long cycleId, UUID commentId, String text) {
		return this.jdbc.sql("update survey_comment set redacted = :text where id = :id and cycle_id = :cycle")
			.param("text", text)
			.param("id", commentId)
			.param("cycle", cycleId)
			.update() == 1;
	}

	/**
	 * Overwrites a comment's original text (and any reviewed text) at once: for a
	 * personal identity number, which must not be kept even until the release.
	 */
	void replaceOriginal(UUID commentId, String text) {
		this.jdbc.sql("update survey_comment set text = :text, redacted = null where id = :id")
			.param("text", text)
			.param("id", commentId)
			.update();
	}

	Map<CommentSide, Approval> approvals(long cycleId) {
		Map<CommentSide, Approval> approvals = new EnumMap<>(CommentSide.class);
		this.jdbc.sql("select side, approved_by, approved_at from survey_comment_approval where cycle_id = :cycle")
			.param("cycle", cycleId)
			.query((rs) -> {
				approvals.put(CommentSide.valueOf(rs.getString("side")), new Approval(rs.getString("approved_by"),
						rs.getObject("approved_at", java.time.OffsetDateTime.class).toInstant()));
			});
		return approvals;
	}

	void approve(long cycleId, CommentSide side, String reviewer, Instant at) {
		this.jdbc.sql("""
				insert into survey_comment_approval (cycle_id, side, approved_by, approved_at)
				values (:cycle, :side, :reviewer, :at)
				on conflict (cycle_id, side) do update set approved_by = excluded.approved_by,
					approved_at = excluded.approved_at
				""")
			.param("cycle", cycleId)
			.param("side", side.name())
			.param("reviewer", reviewer)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/**
	 * The employee side's approvals of single units (F3's per-unit approval): by the unit
	 * the comments are shown under.
	 */
	Map<Long, Approval> unitApprovals(long cycleId) {
		Map<Long, Approval> approvals = new java.util.HashMap<>();
		this.jdbc.sql("""
				select unit_id, approved_by, approved_at from survey_comment_unit_approval where cycle_id = :cycle
				""").param("cycle", cycleId).query((rs) -> {
			approvals.put(rs.getLong("unit_id"), new Approval(rs.getString("approved_by"),
					rs.getObject("approved_at", java.time.OffsetDateTime.class).toInstant()));
		});
		return approvals;
	}

	/** An employee-side approval of the comments shown under one unit. */
	void approveUnit(long cycleId, long unitId, String reviewer, Instant at) {
		this.jdbc.sql("""
				insert into survey_comment_unit_approval (cycle_id, unit_id, approved_by, approved_at)
				values (:cycle, :unit, :reviewer, :at)
				on conflict (cycle_id, unit_id) do update set approved_by = excluded.approved_by,
					approved_at = excluded.approved_at
				""")
			.param("cycle", cycleId)
			.param("unit", unitId)
			.param("reviewer", reviewer)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/** Takes the employee side's approval of one unit back (its text changed). */
	void withdrawUnit(long cycleId, long unitId) {
		this.jdbc.sql("delete from survey_comment_unit_approval where cycle_id = :cycle and unit_id = :unit")
			.param("cycle", cycleId)
			.param("unit", unitId)
			.update();
	}

	/**
	 * The organisation's closed cycles whose comments wait for review (not released),
	 * oldest first.
	 */
	List<Long> awaitingCycles(long organisationId) {
		return this.jdbc.sql("""
				select y.id from survey_cycle y
				where y.organisation_id = :org and y.status = 'closed'
					and exists (select 1 from survey_comment c where c.cycle_id = y.id)
					and not exists (select 1 from survey_comment_release r where r.cycle_id = y.id)
				order by y.closes_on, y.id
				""").param("org", organisationId).query(Long.class).list();
	}

	/** Takes a side's approval back; true if there was one. */
	boolean withdraw(long cycleId, CommentSide side) {
		return this.jdbc.sql("delete from survey_comment_approval where cycle_id = :cycle and side = :side")
			.param("cycle", cycleId)
			.param("side", side.name())
			.update() == 1;
	}

	/**
	 * Whether a closed cycle of the organisation has comments that wait for review,
	 * leaving out the cycles of the organisation's instrument with the key given (null:
	 * none left out).
	 */
	boolean awaitingReview(long organisationId, String exceptInstrumentKey) {
		return this.jdbc.sql("""
				select exists (select 1 from survey_comment c join survey_cycle y on y.id = c.cycle_id
					join survey_instrument i on i.id = y.instrument_id
					where y.organisation_id = :org
					and (cast(:except as text) is null or i.organisation_id is distinct from :org
						or i.key <> cast(:except as text))
					and not exists (select 1 from survey_comment_release r where r.cycle_id = c.cycle_id))
				""").param("org", organisationId).param("except", exceptInstrumentKey).query(Boolean.class).single();
	}

	Optional<Instant> released(long cycleId) {
		return this.jdbc.sql("select released_at from survey_comment_release where cycle_id = :cycle")
			.param("cycle", cycleId)
			.query((rs, row) -> rs.getObject("released_at", java.time.OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Releases the cycle's comments: the reviewed text replaces the original, which is
	 * not kept; comments outside every group that may show comments (never reviewed,
	 * never to be shown) are deleted with their original text.
	 */
	void release(long cycleId, Collection<UUID> reviewed, Instant at) {
		List<UUID> keep = new ArrayList<>(reviewed);
		if (keep.isEmpty()) {
			this.jdbc.sql("delete from survey_comment where cycle_id = :cycle").param("cycle", cycleId).update();
		}
		else {
			this.jdbc.sql("delete from survey_comment where cycle_id = :cycle and not (id in (:keep))")
				.param("cycle", cycleId)
				.param("keep", keep)
				.update();
		}
		// The released text keeps each removal's label, never the words it replaced.
		for (StoredComment comment : comments(cycleId, "en")) {
			this.jdbc.sql("update survey_comment set text = :text, redacted = null where id = :id")
				.param("text", CommentText.released(comment.text(), comment.reviewed()))
				.param("id", comment.id())
				.update();
		}
		this.jdbc.sql("insert into survey_comment_release (cycle_id, released_at) values (:cycle, :at)")
			.param("cycle", cycleId)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/**
	 * A comment as stored: its random id (for the reviewers' forms only, never shown on
	 * the released page), its unit, the question it answers and its current text.
	 *
	 * @param reviewed whether a reviewer removed something (the text then marks each
	 * removal's label, see {@link CommentText})
	 */
	record StoredComment(UUID id, long unitId, String itemKey, String question, String text, boolean reviewed) {
	}

	/** A side's approval: who (staff, not a respondent) and when. */
	record Approval(String reviewer, Instant at) {
	}

}
