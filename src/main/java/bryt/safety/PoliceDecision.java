package bryt.safety;

/** Who files the police report, as {@code safety_incident.police_decision}. */
enum PoliceDecision {

	EMPLOYEE, EMPLOYER, NOT_REPORTED

}
