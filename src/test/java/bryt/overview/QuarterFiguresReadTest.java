package bryt.overview;

import java.time.LocalDate;
import java.util.List;

import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quarter's figures are looked up by key and unit from a map made once (the overview
 * page looks up every figure of every unit); the answers are those the scan of the list
 * gave: the figure of that key and unit, the first where two share them, none where there
 * is none.
 */
class QuarterFiguresReadTest {

	@Test
	void aFigureIsFoundByKeyAndUnitAndTheFirstOfTwoWinsAsTheScanHadIt() {
		OverviewFigure first = new OverviewFigure("workload.load", 7, 0.5, null);
		OverviewFigure second = new OverviewFigure("workload.load", 7, 0.9, null);
		OverviewFigure otherUnit = new OverviewFigure("workload.load", 8, null, Hidden.TOO_FEW);
		OverviewFigure otherKey = new OverviewFigure("voice.received", 7, 3.0, null);
		OverviewFigure organisation = new OverviewFigure("workload.load", OverviewFigure.ORGANISATION, 0.6, null);
		QuarterFigures.Read read = new QuarterFigures.Read(Quarter.parse("2026-Q3"), null, LocalDate.of(2026, 9, 30),
				List.of(), List.of(), List.of(first, second, otherUnit, otherKey, organisation));

		assertThat(read.figure("workload.load", 7)).containsSame(first);
		assertThat(read.figure("workload.load", 8)).containsSame(otherUnit);
		assertThat(read.figure("voice.received", 7)).containsSame(otherKey);
		assertThat(read.figure("workload.load", OverviewFigure.ORGANISATION)).containsSame(organisation);
		assertThat(read.figure("workload.load", 9)).isEmpty();
		assertThat(read.figure("voice.received", 8)).isEmpty();
		assertThat(read.figure("absence.shortTermSickLeave", 7)).isEmpty();
		assertThat(read.figures()).containsExactly(first, second, otherUnit, otherKey, organisation);
	}

}
