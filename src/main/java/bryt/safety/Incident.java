package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An incident as stored (V41 {@code safety_incident}), without its sealed description:
 * every structured field of the item 2 and the serious checklist.
 *
 * @param reportedBy the reporting account, or null (anonymous, or the account is gone)
 * @param affectedStaffId the employee it happened to, or null when not named
 * @param caseTwoHandlers whether the LVU or LVM case had two handlers; null when
 * {@code caseKind} is NONE
 * @param receivedAt when it arrived; an anonymous report's only to the hour
 * @param investigated whether the investigation's causes and risk assessment day are
 * recorded
 */
record Incident(long id, long organisationId, long unitId, Long reportedBy, Long affectedStaffId, boolean onBehalf,
		boolean anonymous, LocalDate occurredOn, PartOfDay partOfDay, Category category, Channel channel, Source source,
		boolean familyTargeted, CaseKind caseKind, Boolean caseTwoHandlers, int severity, Injury injury,
		int absenceDays, LocalDate absenceFrom, String caseReference, SafetyClocks.Checklist checklist,
		Instant receivedAt, String status, boolean investigated) {

	/**
	 * The status as the pages word it: a closed incident is "closed after investigation"
	 * only when the investigation was recorded, so that nobody is told it was
	 * investigated when it was not.
	 */
	public String shownStatus() {
		return ("CLOSED".equals(this.status) && this.investigated) ? "CLOSED_INVESTIGATED" : this.status;
	}

	/** Whether the serious checklist marks it serious. */
	public boolean serious() {
		return SafetyClocks.serious(this.checklist);
	}

	/** The severity levels, 1 (mild) to 4 (very serious), as the form shows them. */
	static final int MAX_SEVERITY = 4;

	enum PartOfDay {

		MORNING, AFTERNOON, EVENING, NIGHT

	}

	enum Category {

		PHYSICAL_VIOLENCE, THREAT, HARASSMENT, ONLINE_EXPOSURE, DISINFORMATION, UNLAWFUL_INFLUENCE, PROPERTY_DAMAGE,
		OFFENSIVE_BEHAVIOUR, NEAR_MISS, RISK_OBSERVATION

	}

	/** How it reached the employee (the "channel"). */
	enum Channel {

		IN_PERSON, HOME_VISIT, PHONE, LETTER_OR_EMAIL, SOCIAL_MEDIA, OUTSIDE_WORK, AT_HOME

	}

	enum Source {

		CLIENT, RELATIVE, UNKNOWN, COLLEAGUE, OTHER

	}

	enum CaseKind {

		NONE, LVU, LVM

	}

	enum Injury {

		NONE, PHYSICAL, PSYCHOLOGICAL

	}

}
