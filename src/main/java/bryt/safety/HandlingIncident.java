package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the handling sections read of an incident ({@code safety_incident}): the fields of
 * the duty to notify, the police report and the investigation, and what their clocks
 * count from.
 *
 * @param id the incident
 * @param unitId its unit
 * @param receivedAt when it arrived
 * @param injury NONE, PHYSICAL or PSYCHOLOGICAL
 * @param absenceDays days of absence
 * @param absenceFrom the first day of absence, or null
 * @param checklist the serious checklist
 * @param authorityNotifiedOn when the authority was notified, or null
 * @param authorityReference the notification's reference, or null
 * @param workInjuryReportedOn when the work injury was reported, or null
 * @param policeDecision who files the police report, or null while undecided
 * @param policeReportedOn when it was filed, or null
 * @param policeReference its reference, or null
 * @param employerAssists whether the employer assists, or null when not said
 * @param causes the causes the investigation found, or null
 * @param riskAssessmentUpdatedOn when the risk assessment was updated, or null
 * @param closedOn when the incident closed, or null while open
 * @param acknowledged whether a manager (or HR) acknowledged it
 * @param closeByEmployer the account id that confirmed the close for the employer's side
 * (a manager or HR), or null
 * @param closeByRepresentative the account id that confirmed it for the safety
 * representative's side, or null
 * @param closedWithoutRepresentative closed by the employer alone because no safety
 * representative covered the unit
 */
record HandlingIncident(long id, long unitId, Instant receivedAt, String injury, int absenceDays, LocalDate absenceFrom,
		SafetyClocks.Checklist checklist, LocalDate authorityNotifiedOn, String authorityReference,
		LocalDate workInjuryReportedOn, PoliceDecision policeDecision, LocalDate policeReportedOn,
		String policeReference, Boolean employerAssists, String causes, LocalDate riskAssessmentUpdatedOn,
		LocalDate closedOn, boolean acknowledged, String closeByEmployer, String closeByRepresentative,
		boolean closedWithoutRepresentative) {

	public boolean injured() {
		return !"NONE".equals(this.injury);
	}

	public boolean closed() {
		return this.closedOn != null;
	}

	/**
	 * Whether the investigation is recorded: its causes and the day the risk assessment
	 * was updated, both (closing asks for them).
	 */
	public boolean investigated() {
		return this.causes != null && this.riskAssessmentUpdatedOn != null;
	}

	/** The account that confirmed the close for the side, or null. */
	public String closeConfirmedBy(InvestigationAction.Side side) {
		return (side == InvestigationAction.Side.MANAGER) ? this.closeByEmployer : this.closeByRepresentative;
	}

}
