package bryt.surveys;

import java.time.LocalDate;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cycles, their unit snapshots, invitations and recipients. */
@Repository
class CycleRepository {

	private static final String CYCLE_COLUMNS = """
			c.id, c.organisation_id, c.program, c.instrument_id, c.opens_on, c.closes_on, c.status, c.invited,
			c.reminded, c.without_address, coalesce(i.name ->> 'en', i.key) as instrument_name, i.name ->> 'sv' as instrument_sv,
			i.name ->> 'da' as instrument_da
			""";

	private final JdbcClient jdbc;

	CycleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The instruments an organisation may run: Bryt's own and its imported ones. */
	List<Instrument> instruments(long organisationId, String language) {
		return this.jdbc.sql("""
				select id, coalesce(name ->> :lang, name ->> 'en', key) as name from survey_instrument
				where organisation_id is null or organisation_id = :org order by organisation_id nulls first, key
				""")
			.param("org", organisationId)
			.param("lang", language)
			.query((rs, row) -> new Instrument(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	boolean instrumentVisible(long organisationId, long instrumentId) {
		return this.jdbc.sql("""
				select exists (select 1 from survey_instrument
					where id = :id and (organisation_id is null or organisation_id = :org))
				""").param("id", instrumentId).param("org", organisationId).query(Boolean.class).single();
	}

	/**
	 * Whether the instrument is Bryt's own exit survey, which only the exit stages run.
	 * (An organisation's imported pack says nothing of what it is for, and a pack may ask
	 * the leaving reasons in a pulse; only Bryt's own is known to be the exit survey's.)
	 */
	boolean exitInstrument(long instrumentId) {
		return this.jdbc.sql("""
				select exists (select 1 from survey_instrument
					where id = :id and organisation_id is null and key = :exit)
				""").param("id", instrumentId).param("exit", Instruments.EXIT).query(Boolean.class).single();
	}

	long createCycle(long organisationId, CycleProgram program, long instrumentId, LocalDate opensOn,
			LocalDate closesOn) {
		return this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, :program, :instrument, :opens, :closes, 'open') returning id
				""")
			.param("org", organisationId)
			.param("program", program.key())
			.param("instrument", instrumentId)
			.param("opens", opensOn)
			.param("closes", closesOn)
			.query(Long.class)
			.single();
	}

	void setInvited(long cycleId, int invited) {
		this.jdbc.sql("update survey_cycle set invited = :invited where id = :id")
			.param("invited", invited)
			.param("id", cycleId)
			.update();
	}

	void addGroup(long cycleId, long unitId, Long parentUnitId, String name, int invited) {
		this.jdbc.sql("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				values (:cycle, :unit, :parent, :name, :invited)
				""")
			.param("cycle", cycleId)
			.param("unit", unitId)
			.param("parent", parentUnitId)
			.param("name", name)
			.param("invited", invited)
			.update();
	}

	/** One invitation; the caller writes them in a shuffled order. */
	void addInvitation(long cycleId, byte[] tokenHmac, long unitId, String tenureBand) {
		this.jdbc
			.sql("""
					insert into survey_invitation (token_hmac, cycle_id, unit_id, tenure_band) values (:hmac, :cycle, :unit, :tenure)
					""")
			.param("hmac", tokenHmac)
			.param("cycle", cycleId)
			.param("unit", unitId)
			.param("tenure", tenureBand)
			.update();
	}

	/** The recipients, in one statement, in staff-id order (never the invitations'). */
	void addRecipients(long cycleId, Collection<Long> staffIds) {
		this.jdbc.sql("""
				insert into survey_recipient (cycle_id, staff_id)
				select :cycle, staff_id from unnest(:staff) as s(staff_id) order by staff_id
				""").param("cycle", cycleId).param("staff", staffIds.toArray(Long[]::new)).update();
	}

	List<Long> recipients(long cycleId) {
		return this.jdbc.sql("select staff_id from survey_recipient where cycle_id = :cycle order by staff_id")
			.param("cycle", cycleId)
			.query(Long.class)
			.list();
	}

	/**
	 * Staff who were invited to an annual survey or a pulse that opens fewer than
	 * {@code gapDays} days before or after {@code opensOn}.
	 */
	Set<Long> recentlyInvited(long organisationId, LocalDate opensOn, int gapDays) {
		return Set.copyOf(this.jdbc.sql("""
				select distinct r.staff_id from survey_recipient r join survey_cycle c on c.id = r.cycle_id
				where c.organisation_id = :org and c.program in ('annual', 'pulse') and c.status <> 'cancelled'
					and c.opens_on > :from and c.opens_on < :to
				""")
			.param("org", organisationId)
			.param("from", opensOn.minusDays(gapDays))
			.param("to", opensOn.plusDays(gapDays))
			.query(Long.class)
			.list());
	}

	List<Cycle> cycles(long organisationId) {
		return this.jdbc.sql("select " + CYCLE_COLUMNS + """
				from survey_cycle c join survey_instrument i on i.id = c.instrument_id
				where c.organisation_id = :org order by c.opens_on desc, c.id desc
				""").param("org", organisationId).query(CycleRepository::cycle).list();
	}

	Optional<Cycle> cycle(long cycleId) {
		return this.jdbc.sql("select " + CYCLE_COLUMNS + """
				from survey_cycle c join survey_instrument i on i.id = c.instrument_id where c.id = :id
				""").param("id", cycleId).query(CycleRepository::cycle).optional();
	}

	/** Open cycles whose closing date has passed. */
	List<Long> dueToClose(LocalDate today) {
		return this.jdbc.sql("select id from survey_cycle where status = 'open' and closes_on < :today order by id")
			.param("today", today)
			.query(Long.class)
			.list();
	}

	void close(long cycleId) {
		this.jdbc.sql("update survey_cycle set status = 'closed' where id = :id and status = 'open'")
			.param("id", cycleId)
			.update();
	}

	/**
	 * Open annual and pulse cycles that have not been reminded and have reached half
	 * their time (the day after opening for short cycles).
	 */
	List<Cycle> dueForReminder(LocalDate today) {
		return this.jdbc.sql("select " + CYCLE_COLUMNS + """
				from survey_cycle c join survey_instrument i on i.id = c.instrument_id
				where c.status = 'open' and not c.reminded and c.program in ('annual', 'pulse')
					and :today <= c.closes_on
					and :today >= c.opens_on + greatest(1, (c.closes_on - c.opens_on) / 2)
				order by c.id
				""").param("today", today).query(CycleRepository::cycle).list();
	}

	/**
	 * Ends a cycle early or cancels it, as one writer at a time against the answers being
	 * written: waits until every answer of the cycle in flight has committed
	 * ({@link AnswerRepository#claim} holds the shared lock), and keeps new ones out
	 * until the caller's transaction ends. An advisory lock writes nothing on a row, so
	 * no answer's transaction id is left on the cycle.
	 */
	void lockAgainstAnswers(long cycleId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:ns), cast(:cycle as integer))")
			.param("ns", ANSWERS_LOCK)
			.param("cycle", cycleId)
			.query()
			.singleRow();
	}

	/** The namespace of the advisory lock between answers and a cycle's end. */
	static final String ANSWERS_LOCK = "bryt surveys answers";

	/** An open cycle closed early: it ends on the day given. */
	boolean closeEarly(long cycleId, LocalDate today) {
		return this.jdbc
			.sql("""
					update survey_cycle set closes_on = least(closes_on, :today) where id = :id and status = 'open' and opens_on <= :today
					""")
			.param("today", today)
			.param("id", cycleId)
			.update() == 1;
	}

	/**
	 * Cancels an open cycle: its held answers and comments go (no partial release), and
	 * its used marks, so that every link of it says it was cancelled.
	 */
	boolean cancel(long cycleId) {
		int cancelled = this.jdbc.sql("update survey_cycle set status = 'cancelled' where id = :id and status = 'open'")
			.param("id", cycleId)
			.update();
		if (cancelled == 1) {
			this.jdbc.sql("delete from survey_held_response where cycle_id = :id").param("id", cycleId).update();
			this.jdbc.sql("delete from survey_used_code where cycle_id = :id").param("id", cycleId).update();
		}
		return cancelled == 1;
	}

	/**
	 * The units of the cycle's snapshot that had someone invited (the units a
	 * representative must cover to be told of the cycle's end).
	 */
	java.util.Set<Long> invitedUnits(long cycleId) {
		return java.util.Set
			.copyOf(this.jdbc.sql("select unit_id from survey_group where cycle_id = :cycle and invited > 0")
				.param("cycle", cycleId)
				.query(Long.class)
				.list());
	}

	/** Who ended a cycle before its closing day, and when (staff, never a respondent). */
	void ended(long cycleId, String action, String endedBy, java.time.Instant at) {
		this.jdbc.sql("""
				insert into survey_cycle_end (cycle_id, action, ended_by, ended_at) values (:cycle, :action, :by, :at)
				""")
			.param("cycle", cycleId)
			.param("action", action)
			.param("by", endedBy)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/** The cycles of an organisation that were ended early or cancelled, by cycle. */
	Map<Long, Ended> endings(long organisationId) {
		Map<Long, Ended> endings = new HashMap<>();
		this.jdbc.sql("""
				select e.cycle_id, e.action, e.ended_by, e.ended_at from survey_cycle_end e
				join survey_cycle c on c.id = e.cycle_id where c.organisation_id = :org
				""").param("org", organisationId).query((rs) -> {
			endings.put(rs.getLong("cycle_id"), new Ended(rs.getString("action"), rs.getString("ended_by"),
					rs.getObject("ended_at", java.time.OffsetDateTime.class).toInstant()));
		});
		return endings;
	}

	void markReminded(long cycleId) {
		this.jdbc.sql("update survey_cycle set reminded = true where id = :id").param("id", cycleId).update();
	}

	private static Cycle cycle(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Cycle(rs.getLong("id"), rs.getLong("organisation_id"), CycleProgram.of(rs.getString("program")),
				rs.getLong("instrument_id"), rs.getObject("opens_on", LocalDate.class),
				rs.getObject("closes_on", LocalDate.class), rs.getString("status"), rs.getInt("invited"),
				rs.getBoolean("reminded"), names(rs), rs.getInt("without_address"));
	}

	/** The instrument's name by language, English (else its key) for any other. */
	private static Map<String, String> names(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, String> names = new HashMap<>();
		names.put("en", rs.getString("instrument_name"));
		for (String language : List.of("sv", "da")) {
			String name = rs.getString("instrument_" + language);
			if (name != null) {
				names.put(language, name);
			}
		}
		return names;
	}

	record Instrument(long id, String name) {
	}

	/**
	 * @param action {@code closed_early} or {@code cancelled}
	 * @param endedBy the account's display name and username
	 */
	record Ended(String action, String endedBy, java.time.Instant at) {
	}

}
