package bryt.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import bryt.safety.SafetyClocks.Checklist;
import bryt.safety.SafetyClocks.SupportStep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The routing's SQL: what the clocks need of an incident (never its content), the
 * acknowledgement, and the notices that went out. Until the reporting part's service
 * lands, this is the routing's own view of {@code safety_incident}.
 */
@Repository
class RoutingRepository {

	private static final String SELECT = """
			select id, organisation_id, unit_id, received_at, acknowledged_at, acknowledged_by, status, injury,
				absence_days, absence_from, weapon, death_threat, injury_needing_care, several_staff,
				threat_to_family_or_home, death, authority_notified_on, authority_reference, work_injury_reported_on,
				police_decision, receipt_selector is not null as anonymous
			from safety_incident
			""";

	private final JdbcClient jdbc;

	RoutingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Incident> find(long organisationId, long incidentId) {
		return this.jdbc.sql(SELECT + " where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", incidentId)
			.query(RoutingRepository::incident)
			.optional();
	}

	/** Every incident of every organisation the clocks still run for. */
	List<Incident> open() {
		return this.jdbc.sql(SELECT + " where status <> 'CLOSED' and personal_data_removed_on is null order by id")
			.query(RoutingRepository::incident)
			.list();
	}

	/**
	 * Every new incident of every organisation that has no routing notice yet: anonymous
	 * ones (routed by the job, not at once) and any reported while no mail could be sent.
	 */
	List<Incident> unrouted() {
		return this.jdbc.sql(SELECT + """
				 where status = 'NEW' and personal_data_removed_on is null
					and not exists (select 1 from safety_notice n
						where n.incident_id = safety_incident.id and n.kind = 'routed')
				order by id
				""").query(RoutingRepository::incident).list();
	}

	/**
	 * The support steps recorded as offered, done or declined, per open incident; a step
	 * without a row was not recorded at all.
	 */
	Map<Long, List<SupportStep>> settledSupport() {
		return this.jdbc.sql("""
				select s.incident_id, s.step from safety_support s
				join safety_incident i on i.id = s.incident_id
				where i.status <> 'CLOSED' and (s.offered_on is not null or s.done_on is not null or s.declined)
				""")
			.query((rs, row) -> Map.entry(rs.getLong("incident_id"), SupportStep.valueOf(rs.getString("step"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** The steps of one incident recorded as offered, done or declined. */
	List<SupportStep> settledSupport(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				select step from safety_support
				where organisation_id = :org and incident_id = :id
					and (offered_on is not null or done_on is not null or declined)
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.query((rs, row) -> SupportStep.valueOf(rs.getString("step")))
			.list();
	}

	/** Sets the acknowledgement of a new incident; false when it was not new. */
	boolean acknowledge(long organisationId, long incidentId, Instant at, String by) {
		return this.jdbc.sql("""
				update safety_incident set acknowledged_at = :at, acknowledged_by = :by, status = 'ACKNOWLEDGED'
				where organisation_id = :org and id = :id and status = 'NEW'
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	/**
	 * Records that a notice goes out; false when it went out before. Claimed before it is
	 * sent: a failure half-way sends one too few rather than twice.
	 */
	boolean claimNotice(long organisationId, long incidentId, String kind, Instant at) {
		return this.jdbc.sql("""
				insert into safety_notice (organisation_id, incident_id, kind, sent_at) values (:org, :id, :kind, :at)
				on conflict (incident_id, kind) do nothing
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.param("kind", kind)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** The notices that went out for an incident, by kind, oldest first. */
	List<SentNotice> notices(long organisationId, long incidentId) {
		return this.jdbc
			.sql("select kind, sent_at from safety_notice where organisation_id = :org and incident_id = :id "
					+ "order by sent_at, kind")
			.param("org", organisationId)
			.param("id", incidentId)
			.query((rs, row) -> new SentNotice(rs.getString("kind"), rs.getTimestamp("sent_at").toInstant()))
			.list();
	}

	private static Incident incident(ResultSet rs, int row) throws SQLException {
		Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
		return new Incident(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("unit_id"),
				rs.getTimestamp("received_at").toInstant(), (acknowledged != null) ? acknowledged.toInstant() : null,
				rs.getString("acknowledged_by"), rs.getString("status"), !"NONE".equals(rs.getString("injury")),
				rs.getInt("absence_days"), rs.getObject("absence_from", LocalDate.class),
				new Checklist(rs.getBoolean("weapon"), rs.getBoolean("death_threat"),
						rs.getBoolean("injury_needing_care"), rs.getBoolean("several_staff"),
						rs.getBoolean("threat_to_family_or_home"), rs.getBoolean("death")),
				rs.getObject("authority_notified_on", LocalDate.class) != null
						|| rs.getString("authority_reference") != null,
				rs.getObject("work_injury_reported_on", LocalDate.class) != null,
				rs.getString("police_decision") != null, rs.getBoolean("anonymous"));
	}

	/**
	 * What the routing and the clocks read of an incident: structured fields only.
	 *
	 * @param anonymous whether it came through the public form (it has a receipt)
	 */
	record Incident(long id, long organisationId, long unitId, Instant receivedAt, Instant acknowledgedAt,
			String acknowledgedBy, String status, boolean injured, int absenceDays, LocalDate absenceFrom,
			Checklist checklist, boolean authorityNotified, boolean workInjuryReported, boolean policeDecided,
			boolean anonymous) {

		boolean isNew() {
			return "NEW".equals(this.status);
		}

		/**
		 * When a notice of this incident is recorded as sent: an anonymous report's to
		 * the hour only, as its arrival, so that no row dates it closer.
		 */
		Instant noticeTime(Instant now) {
			return this.anonymous ? now.truncatedTo(ChronoUnit.HOURS) : now;
		}

	}

	/** A notice that went out. */
	record SentNotice(String kind, Instant sentAt) {
	}

}
