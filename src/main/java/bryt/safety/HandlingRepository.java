package bryt.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of handling an incident (issue 14 items 4–8): the duty to notify, support, the
 * police report, protection measures, the investigation and its actions, and closing.
 * Every statement is bound to the organisation as well as the incident.
 */
@Repository
class HandlingRepository {

	private final JdbcClient jdbc;

	HandlingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<HandlingIncident> incident(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				select id, unit_id, received_at, injury, absence_days, absence_from, weapon, death_threat,
					injury_needing_care, several_staff, threat_to_family_or_home, death, authority_notified_on,
					authority_reference, work_injury_reported_on, police_decision, police_reported_on,
					police_reference, employer_assists, causes, risk_assessment_updated_on, closed_on,
					acknowledged_at is not null as acknowledged, close_confirmed_by_employer,
					close_confirmed_by_representative, closed_without_representative
				from safety_incident where organisation_id = :org and id = :id
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.query(HandlingRepository::incident)
			.optional();
	}

	private static HandlingIncident incident(ResultSet rs, int row) throws SQLException {
		String police = rs.getString("police_decision");
		return new HandlingIncident(rs.getLong("id"), rs.getLong("unit_id"),
				rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("injury"),
				rs.getInt("absence_days"), rs.getObject("absence_from", LocalDate.class),
				new SafetyClocks.Checklist(rs.getBoolean("weapon"), rs.getBoolean("death_threat"),
						rs.getBoolean("injury_needing_care"), rs.getBoolean("several_staff"),
						rs.getBoolean("threat_to_family_or_home"), rs.getBoolean("death")),
				rs.getObject("authority_notified_on", LocalDate.class), rs.getString("authority_reference"),
				rs.getObject("work_injury_reported_on", LocalDate.class),
				(police != null) ? PoliceDecision.valueOf(police) : null,
				rs.getObject("police_reported_on", LocalDate.class), rs.getString("police_reference"),
				rs.getObject("employer_assists", Boolean.class), rs.getString("causes"),
				rs.getObject("risk_assessment_updated_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				rs.getBoolean("acknowledged"), rs.getString("close_confirmed_by_employer"),
				rs.getString("close_confirmed_by_representative"), rs.getBoolean("closed_without_representative"));
	}

	void saveDuty(long organisationId, long incidentId, SafetyClocks.Checklist checklist, LocalDate notifiedOn,
			String reference, LocalDate workInjuryReportedOn) {
		this.jdbc.sql("""
				update safety_incident set weapon = :weapon, death_threat = :deathThreat,
					injury_needing_care = :injuryNeedingCare, several_staff = :severalStaff,
					threat_to_family_or_home = :threatToFamilyOrHome, death = :death,
					authority_notified_on = :notifiedOn, authority_reference = :reference,
					work_injury_reported_on = :workInjury
				where organisation_id = :org and id = :id
				""")
			.param("weapon", checklist.weapon())
			.param("deathThreat", checklist.deathThreat())
			.param("injuryNeedingCare", checklist.injuryNeedingCare())
			.param("severalStaff", checklist.severalStaff())
			.param("threatToFamilyOrHome", checklist.threatToFamilyOrHome())
			.param("death", checklist.death())
			.param("notifiedOn", notifiedOn)
			.param("reference", reference)
			.param("workInjury", workInjuryReportedOn)
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	List<SupportStepRecord> support(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				select step, due_on, offered_on, declined, done_on from safety_support
				where organisation_id = :org and incident_id = :id
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.query((rs, row) -> new SupportStepRecord(SafetyClocks.SupportStep.valueOf(rs.getString("step")),
					rs.getObject("due_on", LocalDate.class), rs.getObject("offered_on", LocalDate.class),
					rs.getBoolean("declined"), rs.getObject("done_on", LocalDate.class)))
			.list();
	}

	/** Writes one step, creating its row (with its due day) the first time. */
	void saveSupportStep(long organisationId, long incidentId, SupportStepRecord step) {
		this.jdbc.sql("""
				insert into safety_support (organisation_id, incident_id, step, due_on, offered_on, declined, done_on)
				values (:org, :id, :step, :dueOn, :offeredOn, :declined, :doneOn)
				on conflict (incident_id, step) do update set offered_on = excluded.offered_on,
					declined = excluded.declined, done_on = excluded.done_on
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.param("step", step.step().name())
			.param("dueOn", step.dueOn())
			.param("offeredOn", step.offeredOn())
			.param("declined", step.declined())
			.param("doneOn", step.doneOn())
			.update();
	}

	void savePolice(long organisationId, long incidentId, PoliceDecision decision, LocalDate reportedOn,
			String reference, Boolean employerAssists) {
		this.jdbc.sql("""
				update safety_incident set police_decision = :decision, police_reported_on = :reportedOn,
					police_reference = :reference, employer_assists = :assists
				where organisation_id = :org and id = :id
				""")
			.param("decision", (decision != null) ? decision.name() : null)
			.param("reportedOn", reportedOn)
			.param("reference", reference)
			.param("assists", employerAssists)
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	List<MeasureRecord> measures(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				select kind, requested_on, done_on from safety_measure
				where organisation_id = :org and incident_id = :id
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.query((rs, row) -> new MeasureRecord(MeasureKind.valueOf(rs.getString("kind")),
					rs.getObject("requested_on", LocalDate.class), rs.getObject("done_on", LocalDate.class)))
			.list();
	}

	void saveMeasure(long organisationId, long incidentId, MeasureRecord measure) {
		this.jdbc.sql("""
				insert into safety_measure (organisation_id, incident_id, kind, requested_on, done_on)
				values (:org, :id, :kind, :requestedOn, :doneOn)
				on conflict (incident_id, kind) do update set requested_on = excluded.requested_on,
					done_on = excluded.done_on
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.param("kind", measure.kind().name())
			.param("requestedOn", measure.requestedOn())
			.param("doneOn", measure.doneOn())
			.update();
	}

	void removeMeasure(long organisationId, long incidentId, MeasureKind kind) {
		this.jdbc.sql("delete from safety_measure where organisation_id = :org and incident_id = :id and kind = :kind")
			.param("org", organisationId)
			.param("id", incidentId)
			.param("kind", kind.name())
			.update();
	}

	void saveInvestigation(long organisationId, long incidentId, String causes, LocalDate riskAssessmentUpdatedOn) {
		this.jdbc.sql("""
				update safety_incident set causes = :causes, risk_assessment_updated_on = :risk
				where organisation_id = :org and id = :id
				""")
			.param("causes", causes)
			.param("risk", riskAssessmentUpdatedOn)
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	List<InvestigationAction> actions(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				select id, title, owner, due_on, done_on, waived_by_manager, waived_by_representative, side
				from safety_action where organisation_id = :org and incident_id = :id order by due_on, id
				""")
			.param("org", organisationId)
			.param("id", incidentId)
			.query((rs, row) -> new InvestigationAction(rs.getLong("id"), rs.getString("title"), rs.getString("owner"),
					rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class),
					rs.getString("waived_by_manager"), rs.getString("waived_by_representative"),
					InvestigationAction.Side.valueOf(rs.getString("side"))))
			.list();
	}

	long addAction(long organisationId, long incidentId, String title, String owner, LocalDate dueOn,
			InvestigationAction.Side side) {
		return this.jdbc.sql("""
				insert into safety_action (organisation_id, incident_id, title, owner, due_on, side)
				values (:org, :id, :title, :owner, :dueOn, :side) returning id
				""")
			.param("side", side.name())
			.param("org", organisationId)
			.param("id", incidentId)
			.param("title", title)
			.param("owner", owner)
			.param("dueOn", dueOn)
			.query(Long.class)
			.single();
	}

	boolean actionDone(long organisationId, long incidentId, long actionId, LocalDate doneOn) {
		return this.jdbc.sql("""
				update safety_action set done_on = :doneOn
				where organisation_id = :org and incident_id = :id and id = :action
				""")
			.param("doneOn", doneOn)
			.param("org", organisationId)
			.param("id", incidentId)
			.param("action", actionId)
			.update() == 1;
	}

	void waiveAsManager(long organisationId, long incidentId, long actionId, String accountId) {
		this.jdbc.sql("""
				update safety_action set waived_by_manager = :by
				where organisation_id = :org and incident_id = :id and id = :action
				""")
			.param("by", accountId)
			.param("org", organisationId)
			.param("id", incidentId)
			.param("action", actionId)
			.update();
	}

	void waiveAsRepresentative(long organisationId, long incidentId, long actionId, String accountId) {
		this.jdbc.sql("""
				update safety_action set waived_by_representative = :by
				where organisation_id = :org and incident_id = :id and id = :action
				""")
			.param("by", accountId)
			.param("org", organisationId)
			.param("id", incidentId)
			.param("action", actionId)
			.update();
	}

	/**
	 * Holds the incident's row until the transaction ends, when it is open: false when it
	 * is closed (or not the organisation's). The closed check is in the statement itself,
	 * so that a close committed after a caller looked cannot slip a change in
	 * ({@link ClosedIncidents}).
	 */
	boolean lockOpen(long organisationId, long incidentId) {
		return this.jdbc.sql("""
				update safety_incident set unit_id = unit_id
				where organisation_id = :org and id = :id and closed_on is null
				""").param("org", organisationId).param("id", incidentId).update() == 1;
	}

	/** Records one side's confirmation of the close (an account id). */
	void confirmClose(long organisationId, long incidentId, InvestigationAction.Side side, String accountId) {
		String column = (side == InvestigationAction.Side.MANAGER) ? "close_confirmed_by_employer"
				: "close_confirmed_by_representative";
		this.jdbc
			.sql("update safety_incident set " + column + " = :by"
					+ " where organisation_id = :org and id = :id and closed_on is null")
			.param("by", accountId)
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	/** Withdraws both sides' confirmations: what they confirmed has changed. */
	void withdrawCloseConfirmations(long organisationId, long incidentId) {
		this.jdbc.sql("""
				update safety_incident set close_confirmed_by_employer = null, close_confirmed_by_representative = null
				where organisation_id = :org and id = :id and closed_on is null
				""").param("org", organisationId).param("id", incidentId).update();
	}

	void close(long organisationId, long incidentId, LocalDate today, boolean withoutRepresentative) {
		this.jdbc.sql("""
				update safety_incident set status = 'CLOSED', closed_on = :today,
					closed_without_representative = :without
				where organisation_id = :org and id = :id and closed_on is null
				""")
			.param("today", today)
			.param("without", withoutRepresentative)
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	/** One support step as stored. */
	record SupportStepRecord(SafetyClocks.SupportStep step, LocalDate dueOn, LocalDate offeredOn, boolean declined,
			LocalDate doneOn) {
	}

	/** One protection measure as stored. */
	record MeasureRecord(MeasureKind kind, LocalDate requestedOn, LocalDate doneOn) {
	}

}
