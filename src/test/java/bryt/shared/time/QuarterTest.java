package bryt.shared.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarter a visitor asks for, and the quarters a trend or a picker shows, counted by
 * hand.
 */
class QuarterTest {

	private static final Quarter NOW = new Quarter(2026, 4);

	@Test
	void anAskedQuarterIsTodaysWhenEmptyAndNoneWhenMalformedEarlyOrAhead() {
		assertThat(Quarter.asked(null, NOW)).isEqualTo(NOW);
		assertThat(Quarter.asked(" ", NOW)).isEqualTo(NOW);
		assertThat(Quarter.asked("2025-Q1", NOW)).isEqualTo(new Quarter(2025, 1));
		assertThat(Quarter.asked(" 2026-Q4 ", NOW)).isEqualTo(NOW);
		assertThat(Quarter.asked("2027-Q1", NOW)).isNull();
		assertThat(Quarter.asked("1999-Q4", NOW)).isNull();
		assertThat(Quarter.asked("2026-Q5", NOW)).isNull();
		assertThat(Quarter.asked("nonsense", NOW)).isNull();
	}

	@Test
	void eightQuartersEndingHereAreTwoYearsOldestFirst() {
		assertThat(NOW.endingHere(8)).extracting(Quarter::toString)
			.containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
		assertThat(new Quarter(2026, 1).endingHere(2)).extracting(Quarter::toString)
			.containsExactly("2025-Q4", "2026-Q1");
		assertThat(NOW.endingHere(1)).containsExactly(NOW);
	}

}
