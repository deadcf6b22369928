package bryt.shared.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The period every figures API checks the same way. */
class ApiPeriodTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void withoutDatesItEndsTodayAndStartsWhereTheModuleSays() {
		assertThat(ApiPeriod.of(null, null, TODAY, (last) -> last.minusDays(10)))
			.isEqualTo(new ApiPeriod(LocalDate.of(2026, 11, 20), TODAY));
	}

	@Test
	void fiveYearsIsTheMostAndADayMoreIsRefused() {
		LocalDate from = LocalDate.of(2021, 11, 30);
		assertThat(ApiPeriod.of(from, TODAY, TODAY, (last) -> last).first()).isEqualTo(from);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiPeriod.of(from.minusDays(1), TODAY, TODAY, (last) -> last))
			.withMessage("The period from 2021-11-29 to 2026-11-30 is longer than 5 years.");
	}

	@Test
	void backwardsAndOutOfRangePeriodsSayWhatWasExpected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiPeriod.of(TODAY, TODAY.minusDays(1), TODAY, (last) -> last))
			.withMessage("'from' (2026-11-30) must not be after 'to' (2026-11-29).");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiPeriod.of(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 5), TODAY, (last) -> last))
			.withMessage("The period must lie between 2000-01-01 and the end of next year.");
		assertThat(ApiPeriod.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), TODAY, (last) -> last).last())
			.isEqualTo(LocalDate.of(2027, 12, 31));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiPeriod.of(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), TODAY, (last) -> last));
	}

}
