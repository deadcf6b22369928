package bryt.surveys;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The roll-up without a database: counts given per unit, figures checked per group.
 *
 * <pre>
 * cycle 1: 1 over 2 and 3, 2 over 4     cycle 2: 1 over 4 (4 moved up)
 * unit  invited  responses  q (agree4) values        area a sum/responses
 * c1 1    1        0          –                      –
 * c1 2    2        1          q=2                    0.5 / 1
 * c1 3    3        2          q=0, q=3               1.0 / 2
 * c1 4    4        3          q=1 ×3                 0.9 / 3
 * c2 4    5        1          q=4 (off the scale)    –
 * </pre>
 */
class ResultCalculatorTest {

	private static final ResultInstrument INSTRUMENT = new ResultInstrument(1,
			List.of(new ResultInstrument.Area("a", true), new ResultInstrument.Area("b", false)),
			List.of(new ResultInstrument.Item("q", "a", "scale", 4, false),
					new ResultInstrument.Item("t", "b", "text", null, false)));

	private static final ResultCycle CYCLE_1 = new ResultCycle(1, "annual", 1, LocalDate.of(2026, 1, 1),
			LocalDate.of(2026, 1, 31));

	private static final ResultCycle CYCLE_2 = new ResultCycle(2, "annual", 1, LocalDate.of(2026, 2, 1),
			LocalDate.of(2026, 2, 28));

	private static final ResultRows ROWS = new ResultRows(
			List.of(new ResultRows.Group(1, 1, null, "one", 1), new ResultRows.Group(1, 2, 1L, "two", 2),
					new ResultRows.Group(1, 3, 1L, "three", 3), new ResultRows.Group(1, 4, 2L, "four", 4),
					new ResultRows.Group(2, 1, null, "one", 0), new ResultRows.Group(2, 4, 1L, "four moved", 5)),
			List.of(),
			List.of(new ResultRows.Respondents(1, 2, null, 1), new ResultRows.Respondents(1, 3, null, 2),
					new ResultRows.Respondents(1, 4, null, 3), new ResultRows.Respondents(2, 4, null, 1)),
			List.of(new ResultRows.ValueCount(1, 2, null, "q", 2, 1),

					new ResultRows.ValueCount(1, 3, null, "q", 0, 1), new ResultRows.ValueCount(1, 3, null, "q", 3, 1),

					new ResultRows.ValueCount(1, 4, null, "q", 1, 3),

					new ResultRows.ValueCount(2, 4, null, "q", 4, 1)),
			List.of(new ResultRows.AreaSum(1, 2, null, "a", 0.5, 1), new ResultRows.AreaSum(1, 3, null, "a", 1.0, 2),
					new ResultRows.AreaSum(1, 4, null, "a", 0.9, 3)));

	@Test
	void aParentIsTheSumOfItsOwnAndItsChildren() {
		ResultFigures figures = ResultCalculator.figures(CYCLE_1.opensOn(), CYCLE_1.closesOn(), List.of(CYCLE_1),
				INSTRUMENT, ROWS, ResultBreakdown.NONE);
		// 2 = 2 + 4: 4 responses of 6 invited, q 2 once and 1 three times, a (0.5 + 0.9)
		// / 4
		ResultUnit two = figures.unit(2).orElseThrow();
		assertThat(two.participation()).isEqualTo(new Participation(4, 6));
		assertThat(two.distribution("q").orElseThrow().counts()).containsExactly(0, 3, 1, 0);
		assertThat(two.areaIndices().get("a").responses()).isEqualTo(4);
		assertThat(two.areaIndices().get("a").scoreSum()).isCloseTo(1.4, within(1e-12));
		// 1 = everything: 6 of 10, q 0 once, 1 three times, 2 once, 3 once; a 2.4 / 6 =
		// 40
		ResultUnit one = figures.unit(1).orElseThrow();
		assertThat(one.participation()).isEqualTo(new Participation(6, 10));
		assertThat(one.distribution("q").orElseThrow().counts()).containsExactly(1, 3, 1, 1);
		assertThat(one.distribution("q").orElseThrow().answered()).isEqualTo(6);
		assertThat(one.areaIndices().get("a").value()).isCloseTo(40.0, within(1e-12));
		// the unscored area has no index, the text item no distribution
		assertThat(one.areaIndices()).containsOnlyKeys("a");
		assertThat(one.distributions()).extracting(Distribution::itemKey).containsExactly("q");
		// no responses below 3 → none counted but the group is there with its invitations
		assertThat(figures.unit(3).orElseThrow().participation()).isEqualTo(new Participation(2, 3));
		assertThat(figures.units()).extracting(ResultUnit::unitId).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void poolingAddsCyclesEachInItsOwnTree() {
		ResultFigures figures = ResultCalculator.figures(CYCLE_1.opensOn(), CYCLE_2.closesOn(),
				List.of(CYCLE_1, CYCLE_2), INSTRUMENT, ROWS, ResultBreakdown.NONE);
		// 4's February response counts for 1 directly, not for 2 (its January parent)
		assertThat(figures.unit(4).orElseThrow().participation()).isEqualTo(new Participation(4, 9));
		assertThat(figures.unit(2).orElseThrow().respondents()).isEqualTo(4);
		assertThat(figures.unit(1).orElseThrow().respondents()).isEqualTo(7);
		// the latest snapshot names the unit and its parent
		assertThat(figures.unit(4).orElseThrow().name()).isEqualTo("four moved");
		assertThat(figures.unit(4).orElseThrow().parentUnitId()).isEqualTo(1L);
		// q = 4 lies off the 4-point scale: answered, but no value of the scale
		assertThat(figures.unit(4).orElseThrow().distribution("q").orElseThrow().counts()).containsExactly(0, 3, 0, 0);
	}

	@Test
	void onlyThePoolsCyclesCount() {
		ResultFigures figures = ResultCalculator.figures(CYCLE_2.opensOn(), CYCLE_2.closesOn(), List.of(CYCLE_2),
				INSTRUMENT, ROWS, ResultBreakdown.NONE);
		assertThat(figures.unit(1).orElseThrow().participation()).isEqualTo(new Participation(1, 5));
		assertThat(figures.unit(2)).isEmpty();
	}

}
