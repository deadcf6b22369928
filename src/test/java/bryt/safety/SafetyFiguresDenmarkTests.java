package bryt.safety;

import java.time.LocalDate;

import bryt.BrytTest;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications on time in Denmark, at the due day's edge (EASY: 9 days from the first
 * day of absence; a death within 48 hours of receipt, its day in Europe/Stockholm, the
 * tests' zone).
 *
 * <pre>
 * d1 absence from 07-01 → due 07-10, notified 07-10: on time
 * d2 absence from 07-01 → due 07-10, notified 07-11: late
 * d3 death, received 07-02 21:30Z (23:30 local) → due 07-04 21:30Z = 07-04 23:30 local → day 07-04;
 *    notified 07-04: on time
 * d4 absence from 07-05 → due 07-14, not notified: not judged on 07-14, late from 07-15
 * d5 no absence, no death: nothing due
 * </pre>
 */
@BrytTest
class SafetyFiguresDenmarkTests {

	private static final Quarter Q3 = new Quarter(2025, 3);

	@Autowired
	private SafetyFigures figures;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void onTimeIsOnOrBeforeTheDueDayAndAnUnnotifiedOneCountsOnceItsDayHasPassed() {
		FiguresIncidents fixture = new FiguresIncidents(this.jdbc, "DK");
		long unit = fixture.unit("A", "UNIT", null);
		fixture.staff(unit, "1.0", "2024-01-01");
		fixture.incident(unit, "PHYSICAL_VIOLENCE", "2025-07-01T08:00:00Z", "injury", "PHYSICAL", "absence_days", 3,
				"absence_from", "2025-07-01", "authority_notified_on", "2025-07-10");
		fixture.incident(unit, "PHYSICAL_VIOLENCE", "2025-07-01T09:00:00Z", "injury", "PHYSICAL", "absence_days", 3,
				"absence_from", "2025-07-01", "authority_notified_on", "2025-07-11");
		fixture.incident(unit, "PHYSICAL_VIOLENCE", "2025-07-02T21:30:00Z", "death", true, "authority_notified_on",
				"2025-07-04");
		fixture.incident(unit, "PHYSICAL_VIOLENCE", "2025-07-05T08:00:00Z", "injury", "PHYSICAL", "absence_days", 2,
				"absence_from", "2025-07-05");
		fixture.incident(unit, "THREAT", "2025-07-06T08:00:00Z");

		SafetyFigures.Figures onTheDay = this.figures.figures(fixture.organisation, Q3, Q3, LocalDate.of(2025, 7, 14))
			.getFirst();
		assertThat(onTheDay.notificationsRequired()).isEqualTo(3);
		assertThat(onTheDay.notificationsOnTime()).isEqualTo(2);

		SafetyFigures.Figures dayAfter = this.figures.figures(fixture.organisation, Q3, Q3, LocalDate.of(2025, 7, 15))
			.getFirst();
		assertThat(dayAfter.notificationsRequired()).isEqualTo(4);
		assertThat(dayAfter.notificationsOnTime()).isEqualTo(2);
		assertThat(dayAfter.incidents()).isEqualTo(5);
	}

}
