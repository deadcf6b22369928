package bryt.safety;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

	/**
	 * A reminder before a due day (Denmark's EASY date) goes out this many days ahead, as
	 * Voice's reminders do.
	 */
	static final int REMIND_DAYS_AHEAD = 2;

	/**
	 * A reminder before a due instant (Denmark's 48 hours for a death) goes out this many
	 * hours ahead: half-way.
	 */
	static final int REMIND_HOURS_AHEAD = 24;

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

	/**
	 * Sweden: when to remind the manager to report a work injury to Försäkringskassan.
	 * The law says "at once" (socialförsäkringsbalken 42 kap. 10 §) without an hour; the
	 * reminder comes with the notification to Arbetsmiljöverket's hours.
	 */
	Instant workInjuryReminderAt(Instant receivedAt) {
		return receivedAt.plus(this.properties.authorityHours(), ChronoUnit.HOURS);
	}

	/**
	 * Whether a due point has passed at {@code now}: an instant from that very instant on
	 * (24 hours after 10:00 is 10:00 the next day, not 10:01); a day once the whole day
	 * has passed in the organisation's time zone.
	 */
	static boolean passed(Due due, Instant now, ZoneId zone) {
		if (due.instant() != null) {
			return !now.isBefore(due.instant());
		}
		return LocalDate.ofInstant(now, zone).isAfter(due.day());
	}

	/**
	 * Whether a due point is near enough for a reminder: {@value #REMIND_HOURS_AHEAD}
	 * hours before an instant, {@value #REMIND_DAYS_AHEAD} days before a day.
	 */
	static boolean near(Due due, Instant now, ZoneId zone) {
		if (due.instant() != null) {
			return !now.isBefore(due.instant().minus(REMIND_HOURS_AHEAD, ChronoUnit.HOURS));
		}
		return !LocalDate.ofInstant(now, zone).isBefore(due.day().minusDays(REMIND_DAYS_AHEAD));
	}

	/**
	 * Where a due point stands at {@code now}, as the pages show it: whole hours (or
	 * days) left, or how long overdue, rounded down.
	 */
	static Countdown countdown(Due due, Instant now, ZoneId zone) {
		boolean overdue = passed(due, now, zone);
		if (due.instant() != null) {
			long hours = Math.abs(Duration.between(now, due.instant()).toHours());
			return new Countdown(due, overdue, true, hours);
		}
		long days = Math.abs(ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), due.day()));
		return new Countdown(due, overdue, false, days);
	}

	/**
	 * The reminders and escalations an incident has earned at {@code now}, apart from
	 * support (see {@link #supportReminder}); the job sends each once.
	 */
	Set<Notice> notices(Facts facts, Instant now, ZoneId zone) {
		Set<Notice> due = EnumSet.noneOf(Notice.class);
		if (!facts.acknowledged() && passed(Due.at(acknowledgeDue(facts.receivedAt())), now, zone)) {
			due.add(Notice.ACKNOWLEDGE_ESCALATION);
		}
		Optional<Due> authority = authorityDue(facts.country(), facts.checklist(), facts.receivedAt(),
				facts.absenceDays(), facts.absenceFrom());
		if (authority.isPresent() && !facts.authorityNotified()) {
			if (facts.country() == Country.SE) {
				if (passed(authority.get(), now, zone)) {
					due.add(Notice.AUTHORITY_ESCALATION);
				}
			}
			else if (passed(authority.get(), now, zone)) {
				due.add(Notice.AUTHORITY_OVERDUE);
			}
			else if (near(authority.get(), now, zone)) {
				// A reminder only while there is time left: once overdue, the overdue
				// notice says it all.
				due.add(Notice.AUTHORITY_REMINDER);
			}
		}
		if (facts.country() == Country.SE && facts.injured() && !facts.workInjuryReported()
				&& !now.isBefore(workInjuryReminderAt(facts.receivedAt()))) {
			due.add(Notice.WORK_INJURY_REMINDER);
		}
		if (!facts.policeDecided() && passed(Due.at(policeDecisionDue(facts.receivedAt())), now, zone)) {
			due.add(Notice.POLICE_REMINDER);
		}
		return due;
	}

	/**
	 * Whether a support step earns its reminder: it is due (from its day on) and nobody
	 * recorded it offered, done or declined.
	 */
	static boolean supportReminder(SupportStep step, LocalDate receivedOn, boolean settled, LocalDate today) {
		return !settled && !today.isBefore(supportDue(step, receivedOn));
	}

	/**
	 * What the clocks need to know of an incident.
	 *
	 * @param country the organisation's country (its law)
	 * @param receivedAt when the incident arrived
	 * @param acknowledged whether a manager acknowledged it
	 * @param checklist the serious checklist
	 * @param injured whether an injury (physical or psychological) was recorded
	 * @param absenceDays days of absence
	 * @param absenceFrom the first day of absence, if known
	 * @param authorityNotified whether the notification to the authority was recorded (a
	 * reference or a date)
	 * @param workInjuryReported whether the work injury report was recorded
	 * @param policeDecided whether someone decided about a police report
	 */
	record Facts(Country country, Instant receivedAt, boolean acknowledged, Checklist checklist, boolean injured,
			int absenceDays, LocalDate absenceFrom, boolean authorityNotified, boolean workInjuryReported,
			boolean policeDecided) {
	}

	/**
	 * A reminder or escalation, each sent once per incident; {@link #kind()} is its key
	 * in {@code safety_notice}.
	 */
	enum Notice {

		/** Not acknowledged in time: the next manager up and HR. */
		ACKNOWLEDGE_ESCALATION,
		/** Sweden: a serious incident without a notification in time. */
		AUTHORITY_ESCALATION,
		/** Sweden: an injury not yet reported to Försäkringskassan. */
		WORK_INJURY_REMINDER,
		/** Denmark: the EASY due point is near. */
		AUTHORITY_REMINDER,
		/** Denmark: the EASY due point has passed. */
		AUTHORITY_OVERDUE,
		/** Nobody decided about a police report in time. */
		POLICE_REMINDER;

		String kind() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * A due point as a page shows it.
	 *
	 * @param due the due point
	 * @param overdue whether it has passed
	 * @param hours whether {@code amount} counts hours (else days)
	 * @param amount whole hours or days left, or overdue by
	 */
	record Countdown(Due due, boolean overdue, boolean hours, long amount) {
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
