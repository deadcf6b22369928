package bryt.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The exit survey's cycles, who was invited to its first stage, and private addresses.
 */
@Repository
class ExitRepository {

	/**
	 * An answered first-stage invitation that has not given an address yet (answered
	 * before V39: {@code used}; since: its mark in {@code survey_used_code}).
	 */
	private static final String PENDING = """
			select c.organisation_id, i.unit_id, i.tenure_band, i.exit_send_on
			from survey_invitation i join survey_cycle c on c.id = i.cycle_id
			where i.token_hmac = :hmac and c.program = 'exit_first' and i.exit_send_on is not null
				and (i.used or exists (select 1 from survey_used_code u where u.mark = :mark))
			""";

	private final JdbcClient jdbc;

	ExitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Bryt's own exit instrument. */
	Optional<Long> exitInstrument() {
		return this.jdbc.sql("select id from survey_instrument where organisation_id is null and key = :key")
			.param("key", Instruments.EXIT)
			.query(Long.class)
			.optional();
	}

	/** Staff of an organisation ever invited to (or counted for) its first stage. */
	Set<Long> firstStageRecipients(long organisationId) {
		return Set.copyOf(this.jdbc.sql("""
				select r.staff_id from survey_recipient r join survey_cycle c on c.id = r.cycle_id
				where c.organisation_id = :org and c.program = 'exit_first'
				""").param("org", organisationId).query(Long.class).list());
	}

	/** The stage's cycle of a month, if made. */
	Optional<Long> cycle(long organisationId, CycleProgram program, LocalDate monthStart) {
		return this.jdbc.sql("""
				select id from survey_cycle where organisation_id = :org and program = :program and opens_on = :opens
				order by id limit 1
				""")
			.param("org", organisationId)
			.param("program", program.key())
			.param("opens", monthStart)
			.query(Long.class)
			.optional();
	}

	/**
	 * Holds a lock on the organisation's exit surveys until the end of the transaction (a
	 * transaction-level advisory lock, not organisation's row, whose table is not this
	 * module's), so that two instances cannot make the same month's cycle twice.
	 */
	void lockOrganisation(long organisationId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('bryt surveys exit'), cast(:org as integer))")
			.param("org", organisationId)
			.query()
			.singleRow();
	}

	/** A unit's group in a cycle, made when the first invitation there needs it. */
	void addGroup(long cycleId, long unitId, Long parentUnitId, String name) {
		this.jdbc.sql("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				values (:cycle, :unit, :parent, :name, 0) on conflict (cycle_id, unit_id) do nothing
				""")
			.param("cycle", cycleId)
			.param("unit", unitId)
			.param("parent", parentUnitId)
			.param("name", name)
			.update();
	}

	void countInvited(long cycleId, long unitId) {
		this.jdbc.sql("update survey_group set invited = invited + 1 where cycle_id = :cycle and unit_id = :unit")
			.param("cycle", cycleId)
			.param("unit", unitId)
			.update();
		this.jdbc.sql("update survey_cycle set invited = invited + 1 where id = :cycle")
			.param("cycle", cycleId)
			.update();
	}

	/** How many leavers the last run could not invite for want of a work address. */
	void countWithoutAddress(long cycleId, int count) {
		this.jdbc.sql("update survey_cycle set without_address = :n where id = :cycle")
			.param("n", count)
			.param("cycle", cycleId)
			.update();
	}

	void addInvitation(long cycleId, byte[] tokenHmac, long unitId, String tenureBand, LocalDate exitSendOn) {
		this.jdbc.sql("""
				insert into survey_invitation (token_hmac, cycle_id, unit_id, tenure_band, exit_send_on)
				values (:hmac, :cycle, :unit, :tenure, :send)
				""")
			.param("hmac", tokenHmac)
			.param("cycle", cycleId)
			.param("unit", unitId)
			.param("tenure", tenureBand)
			.param("send", exitSendOn)
			.update();
	}

	/**
	 * A used first-stage invitation that has not given an address yet, locked; what the
	 * address row needs.
	 */
	Optional<Pending> pending(byte[] tokenHmac, byte[] usedMark) {
		return this.jdbc.sql(PENDING + " for update of i")
			.param("hmac", tokenHmac)
			.param("mark", usedMark)
			.query((rs, row) -> new Pending(rs.getLong("organisation_id"), rs.getLong("unit_id"),
					rs.getString("tenure_band"), rs.getObject("exit_send_on", LocalDate.class)))
			.optional();
	}

	/** Whether {@link #pending} would find the invitation; reads, locks nothing. */
	boolean awaitsAddress(byte[] tokenHmac, byte[] usedMark) {
		return this.jdbc.sql("select exists (" + PENDING + ")")
			.param("hmac", tokenHmac)
			.param("mark", usedMark)
			.query(Boolean.class)
			.single();
	}

	/** One invitation gives one address at most. */
	void clearSendOn(byte[] tokenHmac) {
		this.jdbc.sql("update survey_invitation set exit_send_on = null where token_hmac = :hmac")
			.param("hmac", tokenHmac)
			.update();
	}

	void addAddress(UUID id, Pending pending, byte[] encrypted, byte[] deletionHmac) {
		this.jdbc
			.sql("""
					insert into survey_exit_address (id, organisation_id, address, send_on, unit_id, tenure_band, deletion_hmac)
					values (:id, :org, :address, :send, :unit, :tenure, :deletion)
					""")
			.param("id", id)
			.param("org", pending.organisationId())
			.param("address", encrypted)
			.param("send", pending.sendOn())
			.param("unit", pending.unitId())
			.param("tenure", pending.tenureBand())
			.param("deletion", deletionHmac)
			.update();
	}

	boolean deleteByToken(byte[] deletionHmac) {
		return this.jdbc.sql("delete from survey_exit_address where deletion_hmac = :hmac")
			.param("hmac", deletionHmac)
			.update() > 0;
	}

	/** Addresses due on a day, locked (another instance skips them). */
	List<Address> due(LocalDate today) {
		return this.jdbc.sql("""
				select id, organisation_id, address, unit_id, tenure_band from survey_exit_address
				where send_on <= :today order by send_on, id for update skip locked
				""")
			.param("today", today)
			.query((rs, row) -> new Address(rs.getObject("id", UUID.class), rs.getLong("organisation_id"),
					rs.getBytes("address"), rs.getLong("unit_id"), rs.getString("tenure_band")))
			.list();
	}

	void deleteAddress(UUID id) {
		this.jdbc.sql("delete from survey_exit_address where id = :id").param("id", id).update();
	}

	record Pending(long organisationId, long unitId, String tenureBand, LocalDate sendOn) {
	}

	record Address(UUID id, long organisationId, byte[] encrypted, long unitId, String tenureBand) {

		@Override
		public String toString() {
			return "Address[***]";
		}

	}

}
