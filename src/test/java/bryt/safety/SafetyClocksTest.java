package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import bryt.ServerDay;
import bryt.organisation.Country;
import bryt.safety.SafetyClocks.Checklist;
import bryt.safety.SafetyClocks.Countdown;
import bryt.safety.SafetyClocks.Due;
import bryt.safety.SafetyClocks.Facts;
import bryt.safety.SafetyClocks.Notice;
import bryt.safety.SafetyClocks.SupportStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clocks at each edge, by hand: an incident received on Monday 2 March 2026 at 10:00
 * in Stockholm (09:00 UTC).
 */
class SafetyClocksTest {

	private static final ZoneId ZONE = ServerDay.ZONE;

	private static final Instant RECEIVED = LocalDateTime.of(2026, 3, 2, 10, 0).atZone(ZONE).toInstant();

	private static final Checklist NOT_SERIOUS = new Checklist(false, false, false, false, false, false);

	private static final Checklist WEAPON = new Checklist(true, false, false, false, false, false);

	private static final Checklist DEATH = new Checklist(false, false, false, false, false, true);

	private final SafetyClocks clocks = new SafetyClocks(properties(9));

	static SafetyProperties properties(int easyDays) {
		return new SafetyProperties(24, 24, easyDays, 48, 48, 5, "0 */15 * * * *", "bryt@localhost");
	}

	private static Instant at(int day, int hour, int minute) {
		return LocalDateTime.of(2026, 3, day, hour, minute).atZone(ZONE).toInstant();
	}

	/** Acknowledged, police decided, nothing else: only what the test switches on. */
	private static Facts facts(Country country, boolean acknowledged, Checklist checklist) {
		return new Facts(country, RECEIVED, acknowledged, checklist, false, 0, null, false, false, true);
	}

	@Test
	void theAcknowledgementEscalatesAtTwentyFourHoursNotAMinuteBefore() {
		Facts facts = facts(Country.SE, false, NOT_SERIOUS);
		assertThat(this.clocks.notices(facts, at(3, 9, 59), ZONE)).isEmpty();
		assertThat(this.clocks.notices(facts, at(3, 10, 0), ZONE)).containsExactly(Notice.ACKNOWLEDGE_ESCALATION);
		assertThat(this.clocks.notices(facts(Country.SE, true, NOT_SERIOUS), at(3, 10, 0), ZONE)).isEmpty();
	}

	@Test
	void swedenEscalatesASeriousIncidentWithoutANotificationAfterTwentyFourHours() {
		assertThat(this.clocks.notices(facts(Country.SE, true, WEAPON), at(3, 9, 59), ZONE)).isEmpty();
		assertThat(this.clocks.notices(facts(Country.SE, true, WEAPON), at(3, 10, 0), ZONE))
			.containsExactly(Notice.AUTHORITY_ESCALATION);
		Facts notified = new Facts(Country.SE, RECEIVED, true, WEAPON, false, 0, null, true, false, true);
		assertThat(this.clocks.notices(notified, at(3, 10, 0), ZONE)).isEmpty();
		// Not serious: no duty to notify.
		assertThat(this.clocks.notices(facts(Country.SE, true, NOT_SERIOUS), at(20, 10, 0), ZONE)).isEmpty();
	}

	@Test
	void swedenRemindsOfTheWorkInjuryReportAfterTwentyFourHoursDenmarkNot() {
		Facts injured = new Facts(Country.SE, RECEIVED, true, NOT_SERIOUS, true, 0, null, false, false, true);
		assertThat(this.clocks.notices(injured, at(3, 9, 59), ZONE)).isEmpty();
		assertThat(this.clocks.notices(injured, at(3, 10, 0), ZONE)).containsExactly(Notice.WORK_INJURY_REMINDER);
		Facts reported = new Facts(Country.SE, RECEIVED, true, NOT_SERIOUS, true, 0, null, false, true, true);
		assertThat(this.clocks.notices(reported, at(3, 10, 0), ZONE)).isEmpty();
		Facts danish = new Facts(Country.DK, RECEIVED, true, NOT_SERIOUS, true, 0, null, false, false, true);
		assertThat(this.clocks.notices(danish, at(3, 10, 0), ZONE)).isEmpty();
	}

	/**
	 * Absence from Monday 2 March: nine days on is Wednesday 11 March, the last day in
	 * time; the reminder from Monday 9 March; overdue on Thursday 12 March.
	 */
	@Test
	void denmarksEasyDateIsNineDaysFromTheFirstDayOfAbsence() {
		LocalDate absenceFrom = LocalDate.of(2026, 3, 2);
		Facts absent = new Facts(Country.DK, RECEIVED, true, NOT_SERIOUS, true, 12, absenceFrom, false, false, true);
		assertThat(this.clocks.authorityDue(Country.DK, NOT_SERIOUS, RECEIVED, 12, absenceFrom))
			.contains(Due.on(LocalDate.of(2026, 3, 11)));
		assertThat(this.clocks.notices(absent, at(8, 23, 59), ZONE)).isEmpty();
		assertThat(this.clocks.notices(absent, at(9, 0, 0), ZONE)).containsExactly(Notice.AUTHORITY_REMINDER);
		assertThat(this.clocks.notices(absent, at(11, 23, 59), ZONE)).containsExactly(Notice.AUTHORITY_REMINDER);
		assertThat(this.clocks.notices(absent, at(12, 0, 0), ZONE)).containsExactly(Notice.AUTHORITY_OVERDUE);
		Facts notified = new Facts(Country.DK, RECEIVED, true, NOT_SERIOUS, true, 12, absenceFrom, true, false, true);
		assertThat(this.clocks.notices(notified, at(12, 0, 0), ZONE)).isEmpty();
		// No absence: nothing to notify in EASY.
		assertThat(this.clocks.authorityDue(Country.DK, NOT_SERIOUS, RECEIVED, 0, null)).isEmpty();
	}

	@Test
	void aChangedNumberOfEasyDaysMovesTheDate() {
		SafetyClocks five = new SafetyClocks(properties(5));
		LocalDate absenceFrom = LocalDate.of(2026, 3, 2);
		assertThat(five.authorityDue(Country.DK, NOT_SERIOUS, RECEIVED, 3, absenceFrom))
			.contains(Due.on(LocalDate.of(2026, 3, 7)));
		Facts absent = new Facts(Country.DK, RECEIVED, true, NOT_SERIOUS, false, 3, absenceFrom, false, false, true);
		assertThat(five.notices(absent, at(7, 23, 59), ZONE)).containsExactly(Notice.AUTHORITY_REMINDER);
		assertThat(five.notices(absent, at(8, 0, 0), ZONE)).containsExactly(Notice.AUTHORITY_OVERDUE);
	}

	@Test
	void denmarkGivesFortyEightHoursForADeathWithAReminderHalfWay() {
		Facts death = facts(Country.DK, true, DEATH);
		assertThat(this.clocks.notices(death, at(3, 9, 59), ZONE)).isEmpty();
		assertThat(this.clocks.notices(death, at(3, 10, 0), ZONE)).containsExactly(Notice.AUTHORITY_REMINDER);
		assertThat(this.clocks.notices(death, at(4, 9, 59), ZONE)).containsExactly(Notice.AUTHORITY_REMINDER);
		assertThat(this.clocks.notices(death, at(4, 10, 0), ZONE)).containsExactly(Notice.AUTHORITY_OVERDUE);
	}

	@Test
	void thePoliceDecisionIsRemindedAfterFortyEightHours() {
		Facts undecided = new Facts(Country.SE, RECEIVED, true, NOT_SERIOUS, false, 0, null, false, false, false);
		assertThat(this.clocks.notices(undecided, at(4, 9, 59), ZONE)).isEmpty();
		assertThat(this.clocks.notices(undecided, at(4, 10, 0), ZONE)).containsExactly(Notice.POLICE_REMINDER);
	}

	@Test
	void aSupportStepIsRemindedFromItsDayUnlessRecorded() {
		LocalDate received = LocalDate.of(2026, 3, 2);
		assertThat(SafetyClocks.supportReminder(SupportStep.FIRST_CONTACT, received, false, received)).isTrue();
		assertThat(SafetyClocks.supportReminder(SupportStep.FOLLOW_UP, received, false, LocalDate.of(2026, 3, 4)))
			.isFalse();
		assertThat(SafetyClocks.supportReminder(SupportStep.FOLLOW_UP, received, false, LocalDate.of(2026, 3, 5)))
			.isTrue();
		assertThat(SafetyClocks.supportReminder(SupportStep.FOLLOW_UP, received, true, LocalDate.of(2026, 3, 5)))
			.isFalse();
		assertThat(SafetyClocks.supportReminder(SupportStep.CHECK_IN, received, false, LocalDate.of(2026, 3, 29)))
			.isFalse();
		assertThat(SafetyClocks.supportReminder(SupportStep.CHECK_IN, received, false, LocalDate.of(2026, 3, 30)))
			.isTrue();
	}

	@Test
	void countdownsInWholeHoursAndDays() {
		Due in24 = Due.at(RECEIVED.plus(24, ChronoUnit.HOURS));
		assertThat(SafetyClocks.countdown(in24, at(2, 10, 30), ZONE)).isEqualTo(new Countdown(in24, false, true, 23));
		assertThat(SafetyClocks.countdown(in24, at(3, 9, 59), ZONE)).isEqualTo(new Countdown(in24, false, true, 0));
		assertThat(SafetyClocks.countdown(in24, at(3, 10, 0), ZONE)).isEqualTo(new Countdown(in24, true, true, 0));
		assertThat(SafetyClocks.countdown(in24, at(3, 13, 0), ZONE)).isEqualTo(new Countdown(in24, true, true, 3));
		Due day = Due.on(LocalDate.of(2026, 3, 11));
		assertThat(SafetyClocks.countdown(day, at(9, 8, 0), ZONE)).isEqualTo(new Countdown(day, false, false, 2));
		assertThat(SafetyClocks.countdown(day, at(11, 23, 0), ZONE)).isEqualTo(new Countdown(day, false, false, 0));
		assertThat(SafetyClocks.countdown(day, at(13, 0, 0), ZONE)).isEqualTo(new Countdown(day, true, false, 2));
	}

	@Test
	void noticeKindsAreTheirNamesInLowerCase() {
		assertThat(Notice.ACKNOWLEDGE_ESCALATION.kind()).isEqualTo("acknowledge-escalation");
		assertThat(SafetyJobs.supportKind(SupportStep.FIRST_CONTACT)).isEqualTo("support-first-contact");
	}

}
