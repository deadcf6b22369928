package bryt.safety;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The demo's incidents written with SQL, until the reporting service (S1) lands: the lead
 * replaces {@link DemoIncidents#report} with it at merge, and this class goes.
 */
@Repository
class DemoIncidentsRepository {

	private final JdbcClient jdbc;

	DemoIncidentsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(DemoIncidents.DemoIncident incident) {
		SafetyClocks.Checklist checklist = incident.checklist();
		long id = this.jdbc.sql("""
				insert into safety_incident (organisation_id, unit_id, affected_staff_id, occurred_on, part_of_day,
					category, channel, source, case_kind, case_two_handlers, severity, injury, absence_days,
					absence_from, weapon, death_threat, injury_needing_care, several_staff, threat_to_family_or_home,
					death, authority_notified_on, received_at, acknowledged_at, acknowledged_by, status, closed_on)
				values (:org, :unit, :affected, :occurred, :part, :category, :channel, :source, :caseKind,
					:twoHandlers, :severity, :injury, :absence, :absenceFrom, :weapon, :deathThreat, :care, :several,
					:family, :death, :notified, :received, :acknowledged, :acknowledgedBy, :status, :closedOn)
				returning id
				""")
			.param("org", incident.organisationId())
			.param("unit", incident.unitId())
			.param("affected", incident.affectedStaffId())
			.param("occurred", incident.occurredOn())
			.param("part", incident.partOfDay())
			.param("category", incident.category())
			.param("channel", incident.channel())
			.param("source", incident.source())
			.param("caseKind", incident.caseKind())
			.param("twoHandlers", incident.caseTwoHandlers())
			.param("severity", incident.severity())
			.param("injury", incident.injury())
			.param("absence", incident.absenceDays())
			.param("absenceFrom", incident.absenceFrom())
			.param("weapon", checklist.weapon())
			.param("deathThreat", checklist.deathThreat())
			.param("care", checklist.injuryNeedingCare())
			.param("several", checklist.severalStaff())
			.param("family", checklist.threatToFamilyOrHome())
			.param("death", checklist.death())
			.param("notified", incident.authorityNotifiedOn())
			.param("received", OffsetDateTime.ofInstant(incident.receivedAt(), ZoneOffset.UTC))
			.param("acknowledged",
					(incident.acknowledgedAt() != null)
							? OffsetDateTime.ofInstant(incident.acknowledgedAt(), ZoneOffset.UTC) : null)
			.param("acknowledgedBy", incident.acknowledgedBy())
			.param("status",
					(incident.closedOn() != null) ? "CLOSED"
							: (incident.acknowledgedAt() != null) ? "ACKNOWLEDGED" : "NEW")
			.param("closedOn", incident.closedOn())
			.query(Long.class)
			.single();
		if (incident.firstContactOfferedOn() != null) {
			this.jdbc.sql("""
					insert into safety_support (organisation_id, incident_id, step, due_on, offered_on)
					values (:org, :id, 'FIRST_CONTACT', :due, :offered)
					""")
				.param("org", incident.organisationId())
				.param("id", id)
				.param("due", incident.receivedOn())
				.param("offered", incident.firstContactOfferedOn())
				.update();
		}
		for (DemoIncidents.DemoAction action : incident.actions()) {
			this.jdbc.sql("""
					insert into safety_action (organisation_id, incident_id, title, owner, due_on, done_on)
					values (:org, :id, :title, :owner, :due, :done)
					""")
				.param("org", incident.organisationId())
				.param("id", id)
				.param("title", action.title())
				.param("owner", action.owner())
				.param("due", action.dueOn())
				.param("done", action.doneOn())
				.update();
		}
		return id;
	}

}
