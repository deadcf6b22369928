package bryt.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incidents' SQL: the rows, their wrapped keys and their evidence. */
@Repository
class IncidentRepository {

	private static final String COLUMNS = """
			id, organisation_id, unit_id, reported_by, affected_staff_id, on_behalf, receipt_selector, occurred_on,
			part_of_day, category, channel, source, family_targeted, case_kind, case_two_handlers, severity, injury,
			absence_days, absence_from, case_reference, weapon, death_threat, injury_needing_care, several_staff,
			threat_to_family_or_home, death, received_at, status,
			(causes is not null and risk_assessment_updated_on is not null) as investigated
			""";

	/**
	 * Anonymous reports' ids: random from 2^40 on, below 2^53 (a number JavaScript holds
	 * exactly), far above the sequence the logged-in reports keep.
	 */
	static final long ANONYMOUS_IDS_FROM = 1L << 40;

	private static final long ANONYMOUS_IDS_SPAN = (1L << 53) - (1L << 40);

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	private final JdbcClient jdbc;

	IncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The incident's unit, if the incident is the organisation's. */
	Optional<Long> unitOf(long organisationId, long incidentId) {
		return this.jdbc.sql("select unit_id from safety_incident where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", incidentId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Holds the incident's row until the transaction ends, when it is open: false when it
	 * is closed or not the organisation's. The closed check is in the statement, so that
	 * a close committed after the caller looked lets no change through.
	 */
	boolean lockOpen(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				update safety_incident set unit_id = unit_id
				where organisation_id = :org and id = :id and closed_on is null
				""").param("org", organisationId).param("id", incidentId).update() == 1;
	}

	/**
	 * Stores an incident without its description (sealed afterwards, bound to the id).
	 * @param receipt an anonymous report's receipt, else null
	 */
	long create(long organisationId, IncidentValidator.NewIncident incident, Long reportedBy, Instant receivedAt,
			StoredReceipt receipt) {
		if (receipt == null) {
			return insert(organisationId, incident, reportedBy, receivedAt, null, null).orElseThrow();
		}
		// An anonymous report: a random id (V49), drawn again in the unlikely case that
		// it
		// is taken.
		while (true) {
			long id = ANONYMOUS_IDS_FROM + RANDOM.nextLong(ANONYMOUS_IDS_SPAN);
			Optional<Long> stored = insert(organisationId, incident, reportedBy, receivedAt, receipt, id);
			if (stored.isPresent()) {
				return stored.get();
			}
		}
	}

	/** Inserts the row; empty when {@code id} is given and taken. */
	private Optional<Long> insert(long organisationId, IncidentValidator.NewIncident incident, Long reportedBy,
			Instant receivedAt, StoredReceipt receipt, Long id) {
		SafetyClocks.Checklist checklist = incident.checklist();
		return this.jdbc
			.sql("""
					insert into safety_incident (ID_COLUMN organisation_id, unit_id, reported_by, affected_staff_id, on_behalf,
						receipt_selector, receipt_hash, receipt_wrapped_key, occurred_on, part_of_day, category, channel,
						source, family_targeted, case_kind, case_two_handlers, severity, injury, absence_days, absence_from,
						case_reference, weapon, death_threat, injury_needing_care, several_staff, threat_to_family_or_home,
						death, received_at)
					values (ID_VALUE :org, :unit, :reportedBy, :affected, :onBehalf, :selector, :hash, :wrapped, :occurredOn,
						:partOfDay, :category, :channel, :source, :family, :caseKind, :twoHandlers, :severity, :injury,
						:absenceDays, :absenceFrom, :caseReference, :weapon, :deathThreat, :injuryNeedingCare,
						:severalStaff, :threatToFamilyOrHome, :death, :receivedAt)
					on conflict (id) do nothing
					returning id
					"""
				.replace("ID_COLUMN", (id != null) ? "id," : "")
				.replace("ID_VALUE", (id != null) ? ":id," : ""))
			.param("id", id)
			.param("org", organisationId)
			.param("unit", incident.unitId())
			.param("reportedBy", reportedBy)
			.param("affected", incident.affectedStaffId())
			.param("onBehalf", incident.onBehalf())
			.param("selector", (receipt != null) ? receipt.selector() : null)
			.param("hash", (receipt != null) ? receipt.hash() : null)
			.param("wrapped", (receipt != null) ? receipt.wrappedKey() : null)
			.param("occurredOn", incident.occurredOn())
			.param("partOfDay", incident.partOfDay().name())
			.param("category", incident.category().name())
			.param("channel", incident.channel().name())
			.param("source", incident.source().name())
			.param("family", incident.familyTargeted())
			.param("caseKind", incident.caseKind().name())
			.param("twoHandlers", incident.caseTwoHandlers())
			.param("severity", incident.severity())
			.param("injury", incident.injury().name())
			.param("absenceDays", incident.absenceDays())
			.param("absenceFrom", incident.absenceFrom())
			.param("caseReference", incident.caseReference())
			.param("weapon", checklist.weapon())
			.param("deathThreat", checklist.deathThreat())
			.param("injuryNeedingCare", checklist.injuryNeedingCare())
			.param("severalStaff", checklist.severalStaff())
			.param("threatToFamilyOrHome", checklist.threatToFamilyOrHome())
			.param("death", checklist.death())
			.param("receivedAt", Timestamp.from(receivedAt))
			.query(Long.class)
			.optional();
	}

	void saveContent(long organisationId, long incidentId, byte[] content) {
		this.jdbc.sql("update safety_incident set content = :content where organisation_id = :org and id = :id")
			.param("content", content)
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	Optional<byte[]> content(long organisationId, long incidentId) {
		return this.jdbc.sql("select content from safety_incident where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", incidentId)
			.query((rs, row) -> Optional.ofNullable(rs.getBytes("content")))
			.optional()
			.flatMap((content) -> content);
	}

	/** Adds the data key wrapped for an account, unless it has one already. */
	void addKey(long organisationId, long incidentId, long accountId, byte[] wrapped) {
		this.jdbc.sql("""
				insert into safety_incident_key (organisation_id, incident_id, account_id, wrapped_key)
				values (:org, :incident, :account, :wrapped)
				on conflict (incident_id, account_id) do nothing
				""")
			.param("org", organisationId)
			.param("incident", incidentId)
			.param("account", accountId)
			.param("wrapped", wrapped)
			.update();
	}

	Optional<byte[]> wrappedKey(long incidentId, long accountId) {
		return this.jdbc
			.sql("select wrapped_key from safety_incident_key where incident_id = :incident and account_id = :account")
			.param("incident", incidentId)
			.param("account", accountId)
			.query(byte[].class)
			.optional();
	}

	List<Long> keyHolders(long incidentId) {
		return this.jdbc
			.sql("select account_id from safety_incident_key where incident_id = :incident order by account_id")
			.param("incident", incidentId)
			.query(Long.class)
			.list();
	}

	Optional<Incident> find(long organisationId, long incidentId) {
		return this.jdbc.sql("select " + COLUMNS + " from safety_incident where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", incidentId)
			.query(IncidentRepository::incident)
			.optional();
	}

	/**
	 * The organisation's incidents in the units, newest first.
	 * @param unitIds the units; null for every unit
	 */
	List<Incident> inUnits(long organisationId, Set<Long> unitIds) {
		if (unitIds != null && unitIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + """
				from safety_incident
				where organisation_id = :org and (cast(:all as boolean) or unit_id = any(cast(:units as bigint[])))
				order by received_at desc, id desc
				""")
			.param("org", organisationId)
			.param("all", unitIds == null)
			.param("units",
					(unitIds != null) ? unitIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))
							: "{}")
			.query(IncidentRepository::incident)
			.list();
	}

	/** What the account reported itself, newest first. */
	List<Incident> reportedBy(long organisationId, long accountId) {
		return this.jdbc.sql("select " + COLUMNS + """
				from safety_incident where organisation_id = :org and reported_by = :account
				order by received_at desc, id desc
				""")
			.param("org", organisationId)
			.param("account", accountId)
			.query(IncidentRepository::incident)
			.list();
	}

	/** An anonymous report's row by its receipt's selector. */
	Optional<ByReceipt> findBySelector(long organisationId, String selector) {
		return this.jdbc.sql("""
				select id, receipt_hash, receipt_wrapped_key from safety_incident
				where organisation_id = :org and receipt_selector = :selector
				""")
			.param("org", organisationId)
			.param("selector", selector)
			.query((rs, row) -> new ByReceipt(rs.getLong("id"), rs.getBytes("receipt_hash"),
					rs.getBytes("receipt_wrapped_key")))
			.optional();
	}

	/**
	 * A piece of evidence with placeholder bytes: the caller seals its name and bytes
	 * bound to the id it gets, then {@link #sealEvidence}.
	 */
	long createEvidence(long organisationId, long incidentId, LocalDate addedOn) {
		return this.jdbc.sql("""
				insert into safety_evidence (organisation_id, incident_id, meta, data, added_on)
				values (:org, :incident, '\\x'::bytea, '\\x'::bytea, :addedOn) returning id
				""")
			.param("org", organisationId)
			.param("incident", incidentId)
			.param("addedOn", addedOn)
			.query(Long.class)
			.single();
	}

	void sealEvidence(long evidenceId, byte[] meta, byte[] data) {
		this.jdbc.sql("update safety_evidence set meta = :meta, data = :data where id = :id")
			.param("meta", meta)
			.param("data", data)
			.param("id", evidenceId)
			.update();
	}

	/** The incident's evidence, without the bytes, in the order it was added. */
	List<StoredEvidence> evidence(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				select id, meta, added_on from safety_evidence
				where organisation_id = :org and incident_id = :incident order by id
				""")
			.param("org", organisationId)
			.param("incident", incidentId)
			.query((rs, row) -> new StoredEvidence(rs.getLong("id"), rs.getBytes("meta"),
					rs.getObject("added_on", LocalDate.class)))
			.list();
	}

	Optional<byte[]> evidenceData(long organisationId, long incidentId, long evidenceId) {
		return this.jdbc.sql("""
				select data from safety_evidence where organisation_id = :org and incident_id = :incident and id = :id
				""")
			.param("org", organisationId)
			.param("incident", incidentId)
			.param("id", evidenceId)
			.query(byte[].class)
			.optional();
	}

	private static Incident incident(ResultSet rs, int row) throws SQLException {
		return new Incident(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("unit_id"),
				rs.getObject("reported_by", Long.class), rs.getObject("affected_staff_id", Long.class),
				rs.getBoolean("on_behalf"), rs.getString("receipt_selector") != null,
				rs.getObject("occurred_on", LocalDate.class), Incident.PartOfDay.valueOf(rs.getString("part_of_day")),
				Incident.Category.valueOf(rs.getString("category")), Incident.Channel.valueOf(rs.getString("channel")),
				Incident.Source.valueOf(rs.getString("source")), rs.getBoolean("family_targeted"),
				Incident.CaseKind.valueOf(rs.getString("case_kind")), rs.getObject("case_two_handlers", Boolean.class),
				rs.getInt("severity"), Incident.Injury.valueOf(rs.getString("injury")), rs.getInt("absence_days"),
				rs.getObject("absence_from", LocalDate.class), rs.getString("case_reference"),
				new SafetyClocks.Checklist(rs.getBoolean("weapon"), rs.getBoolean("death_threat"),
						rs.getBoolean("injury_needing_care"), rs.getBoolean("several_staff"),
						rs.getBoolean("threat_to_family_or_home"), rs.getBoolean("death")),
				rs.getTimestamp("received_at").toInstant(), rs.getString("status"), rs.getBoolean("investigated"));
	}

	/** An anonymous report's receipt as stored: never the receipt itself. */
	record StoredReceipt(String selector, byte[] hash, byte[] wrappedKey) {
	}

	record ByReceipt(long id, byte[] hash, byte[] wrappedKey) {
	}

	record StoredEvidence(long id, byte[] meta, LocalDate addedOn) {
	}

}
