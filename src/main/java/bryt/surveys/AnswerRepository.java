package bryt.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The respondent's side: an invitation found by its token's HMAC, the instrument's items
 * in a language, and a response written with nothing that points back.
 */
@Repository
class AnswerRepository {

	private final JdbcClient jdbc;

	AnswerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An unused invitation's cycle; empty for an unknown or used token alike. */
	Optional<Long> unusedInvitationCycle(byte[] tokenHmac, byte[] usedMark) {
		return this.jdbc.sql("""
				select cycle_id from survey_invitation
				where token_hmac = :hmac and not used
					and not exists (select 1 from survey_used_code where mark = :mark)
				""").param("hmac", tokenHmac).param("mark", usedMark).query(Long.class).optional();
	}

	/** The cycle of a used invitation. */
	Optional<Long> usedInvitationCycle(byte[] tokenHmac, byte[] usedMark) {
		return this.jdbc.sql("""
				select cycle_id from survey_invitation
				where token_hmac = :hmac
					and (used or exists (select 1 from survey_used_code where mark = :mark))
				""").param("hmac", tokenHmac).param("mark", usedMark).query(Long.class).optional();
	}

	/**
	 * Marks an unused invitation of an open cycle used and gives what the answer carries;
	 * empty when the token is unknown, used or its cycle is not taking answers today. The
	 * invitation's row is only read, never written or locked: the mark goes into
	 * {@code survey_used_code} (V39), whose key makes a second, concurrent post wait and
	 * then find the code used. Nothing the answer's transaction writes shares a
	 * transaction id with the invitation.
	 */
	Optional<Claimed> claim(byte[] tokenHmac, byte[] usedMark, LocalDate today) {
		// A cycle ended early or cancelled at this moment waits for this answer (held
		// and released with the others, or deleted), and one ended before is seen as
		// such below (CycleRepository.lockAgainstAnswers).
		Optional<Long> cycle = this.jdbc.sql("select cycle_id from survey_invitation where token_hmac = :hmac")
			.param("hmac", tokenHmac)
			.query(Long.class)
			.optional();
		if (cycle.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("select pg_advisory_xact_lock_shared(hashtext(:ns), cast(:cycle as integer))")
			.param("ns", CycleRepository.ANSWERS_LOCK)
			.param("cycle", cycle.get())
			.query()
			.singleRow();
		Optional<Claimed> claimed = this.jdbc.sql("""
				select i.cycle_id, c.instrument_id, c.program, i.unit_id, i.tenure_band, i.age_band
				from survey_invitation i join survey_cycle c on c.id = i.cycle_id
				where i.token_hmac = :hmac and not i.used and c.status = 'open'
					and :today between c.opens_on and c.closes_on
				""")
			.param("hmac", tokenHmac)
			.param("today", today)
			.query((rs, row) -> new Claimed(rs.getLong("cycle_id"), rs.getLong("instrument_id"),
					CycleProgram.of(rs.getString("program")), rs.getLong("unit_id"), rs.getString("tenure_band"),
					rs.getString("age_band")))
			.optional();
		if (claimed.isEmpty()) {
			return claimed;
		}
		int marked = this.jdbc
			.sql("insert into survey_used_code (mark, cycle_id) values (:mark, :cycle) on conflict do nothing")
			.param("mark", usedMark)
			.param("cycle", claimed.get().cycleId())
			.update();
		return (marked == 1) ? claimed : Optional.empty();
	}

	/** Holds a response until its cycle closes ({@link #release}). */
	void hold(UUID id, Claimed claimed) {
		this.jdbc.sql("""
				insert into survey_held_response (id, cycle_id, unit_id, tenure_band, age_band)
				values (:id, :cycle, :unit, :tenure, :age)
				""")
			.param("id", id)
			.param("cycle", claimed.cycleId())
			.param("unit", claimed.unitId())
			.param("tenure", claimed.tenureBand())
			.param("age", claimed.ageBand())
			.update();
	}

	/**
	 * Holds a response's answers in one statement (one round trip however many items: the
	 * demo data writes some 10,000 of them at start-up).
	 * @param values chosen values by item key
	 */
	void holdAnswers(UUID heldId, Map<String, List<Integer>> values) {
		List<String> items = new ArrayList<>();
		List<Integer> chosen = new ArrayList<>();
		values.forEach((item, given) -> given.forEach((value) -> {
			items.add(item);
			chosen.add(value);
		}));
		if (items.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into survey_held_answer (held_id, item_key, value)
				select :id, a.item, a.value from unnest(:items::text[], :values::int[]) as a(item, value)
				""")
			.param("id", heldId)
			.param("items", items.toArray(String[]::new))
			.param("values", chosen.toArray(Integer[]::new))
			.update();
	}

	void holdComment(UUID heldId, String itemKey, String text) {
		this.jdbc.sql("insert into survey_held_comment (held_id, item_key, text) values (:id, :item, :text)")
			.param("id", heldId)
			.param("item", itemKey)
			.param("text", text)
			.update();
	}

	/**
	 * Writes a cycle's held answers into the result tables and deletes them: responses
	 * under new random ids in a random order, their answers with them, comments apart
	 * with ids of their own in another random order; all in the caller's transaction, so
	 * every row written carries the same transaction id. (PostgreSQL runs each
	 * data-modifying part of a {@code with} to completion whether or not it is read, and
	 * checks the answers' key to their response at the end of the statement.) Returns how
	 * many responses were released.
	 */
	int release(long cycleId) {
		int released = this.jdbc.sql("""
				with released as materialized (
					select id as held_id, gen_random_uuid() as new_id, random() as place
					from survey_held_response where cycle_id = :cycle
				), responses as (
					insert into survey_response (id, cycle_id, unit_id, tenure_band, age_band)
					select r.new_id, h.cycle_id, h.unit_id, h.tenure_band, h.age_band
					from survey_held_response h join released r on r.held_id = h.id
					order by r.place
					returning 1
				), answers as (
					insert into survey_answer (response_id, item_key, value)
					select r.new_id, a.item_key, a.value
					from survey_held_answer a join released r on r.held_id = a.held_id
					order by r.place, a.item_key, a.value
					returning 1
				)
				select count(*) from responses
				""").param("cycle", cycleId).query(Integer.class).single();
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				select gen_random_uuid(), h.cycle_id, h.unit_id, c.item_key, c.text
				from survey_held_comment c join survey_held_response h on h.id = c.held_id
				where h.cycle_id = :cycle
				order by random()
				""").param("cycle", cycleId).update();
		this.jdbc.sql("delete from survey_held_response where cycle_id = :cycle").param("cycle", cycleId).update();
		return released;
	}

	/**
	 * Gives every held response of a cycle a new id, its answers and comments following
	 * (V39's cascades): all of them then carry this transaction's id, so none tells which
	 * answer was held when. For the exit stages, whose invitations and private addresses
	 * are written by day for a few leavers; an annual cycle's thousands of answers are
	 * not rewritten on every answer.
	 */
	void remix(long cycleId) {
		this.jdbc.sql("update survey_held_response set id = gen_random_uuid() where cycle_id = :cycle")
			.param("cycle", cycleId)
			.update();
	}

	/** How many answers a cycle holds, not yet released. */
	int held(long cycleId) {
		return this.jdbc.sql("select count(*) from survey_held_response where cycle_id = :cycle")
			.param("cycle", cycleId)
			.query(Integer.class)
			.single();
	}

	/**
	 * An instrument's items in a language (else English, else Swedish, else any), areas
	 * in order, with their scale's labels.
	 */
	List<AnswerItem> items(long instrumentId, String language) {
		List<AnswerItem> items = new ArrayList<>();
		this.jdbc.sql("""
				select i.key, i.kind, a.key as area_key,
					coalesce(a.name ->> :lang, a.name ->> 'en', a.name ->> 'sv') as area_name,
					coalesce(i.text ->> :lang, i.text ->> 'en', i.text ->> 'sv') as text,
					(select array_agg(l.label order by l.n) from jsonb_array_elements_text(
						coalesce(s.labels -> :lang, s.labels -> 'en', s.labels -> 'sv')) with ordinality as l(label, n))
						as labels
				from survey_item i join survey_area a on a.instrument_id = i.instrument_id and a.key = i.area_key
					left join survey_scale s on s.instrument_id = i.instrument_id and s.key = i.scale_key
				where i.instrument_id = :instrument order by a.position, i.position, i.key
				""").param("instrument", instrumentId).param("lang", language).query((rs) -> {
			java.sql.Array array = rs.getArray("labels");
			List<String> labels = (array != null) ? List.of((String[]) array.getArray()) : List.of();
			items.add(new AnswerItem(rs.getString("key"), AnswerItem.Kind.of(rs.getString("kind")),
					rs.getString("area_key"), rs.getString("area_name"), rs.getString("text"), labels));
		});
		return items;
	}

	/**
	 * @param instrumentId the instrument whose items the answer page shows
	 * @param program the cycle's program
	 */
	record Claimed(long cycleId, long instrumentId, CycleProgram program, long unitId, String tenureBand,
			String ageBand) {
	}

}
