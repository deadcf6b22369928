package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import bryt.organisation.Country;

/**
 * The legal and agreed clocks of an incident, in one place: routing, the pages, the jobs
 * and the figures ask this class and nothing else. Pure: no clock of its own, no
 * database.
 * <ul>
 * <li>The manager acknowledges within {@code acknowledgeHours} of receipt.</li>
 * <li>Sweden, a serious incident: notify Arbetsmiljöverket "today" (arbetsmiljölagen 3
 * kap. 3 a §); without a notification after {@code authorityHours} it is overdue and
 * escalates. An injury is also reported to Försäkringskassan (a reminder, no legal
 * hour).</li>
 * <li>Denmark: a death is notified within {@code easyDeathHours} of receipt; an injury
 * with absence in EASY within {@code easyDays} of the first day of absence.</li>
 * <li>A decision about a police report within {@code policeHours} of receipt.</li>
 * <li>Support: first contact the day it was received, a follow-up talk within 3 days, a
 * check-in after 4 weeks.</li>
 * </ul>
 */
final class SafetyClocks {

	/** A follow-up talk within 1–3 days. */
	static final int FOLLOW_UP_DAYS = 3;

	/** A check-in after 4 weeks. */
	static final int CHECK_IN_DAYS = 28;

	private final SafetyProperties properties;

	SafetyClocks(SafetyProperties properties) {
		this.properties = properties;
	}

	/** The serious checklist: any one item makes the incident serious. */
	static boolean serious(Checklist checklist) {
		return checklist.weapon() || checklist.deathThreat() || checklist.injuryNeedingCare()
				|| checklist.severalStaff() || checklist.threatToFamilyOrHome() || checklist.death();
	}

	Instant acknowledgeDue(Instant receivedAt) {
		return receivedAt.plus(this.properties.acknowledgeHours(), ChronoUnit.HOURS);
	}

	Instant policeDecisionDue(Instant receivedAt) {
		return receivedAt.plus(this.properties.policeHours(), ChronoUnit.HOURS);
	}

	/**
	 * When the authority must have been notified, or empty when the incident does not
	 * have to be. Sweden counts hours from receipt for a serious incident; Denmark hours
	 * for a death, else days from the first day of absence (the end of that day, in
	 * {@code zone} terms: the caller turns the date into an instant).
	 */
	Optional<Due> authorityDue(Country country, Checklist checklist, Instant receivedAt, int absenceDays,
			LocalDate absenceFrom) {
		return switch (country) {
			case SE -> serious(checklist)
					? Optional.of(Due.at(receivedAt.plus(this.properties.authorityHours(), ChronoUnit.HOURS)))
					: Optional.empty();
			case DK -> {
				if (checklist.death()) {
					yield Optional.of(Due.at(receivedAt.plus(this.properties.easyDeathHours(), ChronoUnit.HOURS)));
				}
				if (absenceDays > 0 && absenceFrom != null) {
					yield Optional.of(Due.on(absenceFrom.plusDays(this.properties.easyDays())));
				}
				yield Optional.empty();
			}
		};
	}

	/** When each support step is due, counted from the day the incident was received. */
	static LocalDate supportDue(SupportStep step, LocalDate receivedOn) {
		return switch (step) {
			case FIRST_CONTACT -> receivedOn;
			case FOLLOW_UP -> receivedOn.plusDays(FOLLOW_UP_DAYS);
			case CHECK_IN -> receivedOn.plusDays(CHECK_IN_DAYS);
		};
	}

	/** The serious checklist as the incident records it. */
	record Checklist(boolean weapon, boolean deathThreat, boolean injuryNeedingCare, boolean severalStaff,
			boolean threatToFamilyOrHome, boolean death) {
	}

	/** The support steps, as {@code safety_support.step}. */
	enum SupportStep {

		FIRST_CONTACT, FOLLOW_UP, CHECK_IN

	}

	/**
	 * A due point: an instant (hours from receipt) or a whole day (days from absence), so
	 * that a date is never turned into a time of day by accident.
	 */
	record Due(Instant instant, LocalDate day) {

		static Due at(Instant instant) {
			return new Due(instant, null);
		}

		static Due on(LocalDate day) {
			return new Due(null, day);
		}

	}

}
