package bryt.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.BrytTest;
import bryt.surveys.SurveyFigures.Cell;
import bryt.surveys.SurveyFigures.Figure;
import bryt.surveys.SurveyFigures.Measure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The figures for the overview, through a stand-in for the anonymity engine (the real one
 * is wired in by the lead). Instrument and units: {@link ResultsFixture}.
 *
 * <pre>
 * annual, March 2026, invited 100: 2, 110: 4, 111: 3, 120: 5
 * resp unit  l1 l2(rev) l3  load score   rec
 * R1   111   3  1       5   2.8/3        10
 * R2   111   1  5       –   1/6          9
 * R3   110   –  –       0   0            7
 * R4   120   2  2       3   28/45        6
 * → 111: 2 of 3 → 70 %, load (2.8/3 + 1/6)/2 = 55, rec +100
 *   110: 3 of 7 → 40 %, load 1.1/3 = 36.7 → 37, rec (2 − 0)/3 = +66.7 → 67
 *   120: 1 of 5 → 20 %, load 62.2 → 62, rec −100
 *   100: 4 of 14 → 30 % (28.6), load (1.1 + 28/45)/4 = 43.06 → 43, rec (2 − 1)/4 = +25
 *
 * exit_second, November 2026 (unit 100 alone, invited 2): (why 0, 3; back yes), (why 3; back no)
 * exit_second, November 2025 (the 13th month back from November 2026): (why 9; back yes)
 * </pre>
 */
@BrytTest
class SurveyFiguresTests {

	private static final SurveyFigures.MayShow EVERYTHING = Set::copyOf;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SurveyFigures figures;

	private ResultsFixture survey;

	@BeforeEach
	void survey() {
		this.survey = new ResultsFixture(this.jdbc, "figures-" + System.nanoTime());
		long annual = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 2, 4, 3, 5);
		this.survey.respond(annual, 111, null, Map.of("l1", v(3), "l2", v(1), "l3", v(5), "rec", v(10)));
		this.survey.respond(annual, 111, null, Map.of("l1", v(1), "l2", v(5), "rec", v(9)));
		this.survey.respond(annual, 110, null, Map.of("l3", v(0), "rec", v(7)));
		this.survey.respond(annual, 120, null, Map.of("l1", v(2), "l2", v(2), "l3", v(3), "rec", v(6)));
		long november = this.survey.cycle("exit_second", "2026-11-01", "2026-11-30", "closed");
		this.survey.group(november, 100, null, "Förvaltning", 2);
		this.survey.respond(november, 100, null, Map.of("why", v(0, 3), "back", v(1)));
		this.survey.respond(november, 100, null, Map.of("why", v(3), "back", v(0)));
		long yearBefore = this.survey.cycle("exit_second", "2025-11-01", "2025-11-30", "closed");
		this.survey.group(yearBefore, 100, null, "Förvaltning", 1);
		this.survey.respond(yearBefore, 100, null, Map.of("why", v(9), "back", v(1)));
	}

	@Test
	void participationIndicesAndRecommendPerUnitOfACycle() {
		List<Figure> march = this.figures.figures(this.survey.organisation, LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 31), EVERYTHING);
		// the November 2025 exit cycle's window ends with March 2026 too
		assertThat(march).extracting(Figure::program).containsOnly("annual", "exit_second");
		List<Figure> annual = march.stream().filter((figure) -> figure.program().equals("annual")).toList();
		assertThat(annual).extracting(Figure::unitId).containsExactly(100L, 110L, 111L, 120L);
		assertThat(annual).extracting(Figure::participationPercent).containsExactly(30, 40, 70, 20);
		assertThat(annual).extracting((figure) -> figure.areaIndices().get("load")).containsExactly(43, 37, 55, 62);
		assertThat(annual).extracting(Figure::recommendScore).containsExactly(25, 67, 100, -100);
		Figure top = annual.getFirst();
		assertThat(top.periodStart()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(top.periodEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(top.unitName()).isEqualTo("Förvaltning");
		assertThat(top.parentUnitId()).isNull();
		assertThat(top.exitReasons()).isEmpty();
		assertThat(top.hidden()).isEmpty();
	}

	@Test
	void exitReasonsPooledOverTheTwelveMonthsEndingWithEachMonth() {
		List<Figure> november = this.figures.figures(this.survey.organisation, LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 30), EVERYTHING);
		assertThat(november).hasSize(1);
		Figure exit = november.getFirst();
		assertThat(exit.program()).isEqualTo("exit_second");
		assertThat(exit.periodStart()).isEqualTo(LocalDate.of(2025, 12, 1));
		assertThat(exit.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 30));
		// November 2025's leaver (reason 9) is the 13th month back: out
		assertThat(exit.exitReasons()).filteredOn((reason) -> reason.leavers() > 0)
			.containsExactly(new SurveyFigures.ExitReason("why", 0, 1, 2),
					new SurveyFigures.ExitReason("why", 3, 2, 2));
		assertThat(exit.comeBack()).containsExactly(new SurveyFigures.ComeBack("back", 1, 1, 0));
		assertThat(exit.participationPercent()).isEqualTo(100);
		// no recommend answer: no figure, and nothing hidden
		assertThat(exit.recommendScore()).isNull();
		assertThat(exit.areaIndices()).isEmpty();
		assertThat(exit.hidden()).isEmpty();

		// October 2026's window still holds November 2025 alone
		Figure october = this.figures
			.figures(this.survey.organisation, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), EVERYTHING)
			.getFirst();
		assertThat(october.periodStart()).isEqualTo(LocalDate.of(2025, 11, 1));
		assertThat(october.exitReasons()).filteredOn((reason) -> reason.leavers() > 0)
			.containsExactly(new SurveyFigures.ExitReason("why", 9, 1, 1));
	}

	@Test
	void theEngineSeesEveryCandidateAtOnceAndWhatItHidesIsLeftOut() {
		List<List<Cell>> calls = new ArrayList<>();
		// a stand-in rule: at least two responses
		SurveyFigures.MayShow atLeastTwo = (candidates) -> {
			calls.add(candidates);
			Set<Cell> shown = new HashSet<>();
			candidates.stream().filter((cell) -> cell.respondents() >= 2).forEach(shown::add);
			return shown;
		};
		List<Figure> march = this.figures.figures(this.survey.organisation, LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 31), atLeastTwo);
		assertThat(calls).hasSize(1);
		List<Cell> of120 = calls.getFirst()
			.stream()
			.filter((cell) -> cell.unitId() == 120 && cell.program().equals("annual"))
			.toList();
		assertThat(of120).extracting(Cell::measure, Cell::respondents, Cell::parentUnitId)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(new Measure(Measure.Kind.PARTICIPATION, null), 1, 100L),
					org.assertj.core.groups.Tuple.tuple(new Measure(Measure.Kind.AREA_INDEX, "load"), 1, 100L),
					org.assertj.core.groups.Tuple.tuple(new Measure(Measure.Kind.RECOMMEND, "rec"), 1, 100L));
		Figure unit120 = march.stream()
			.filter((figure) -> figure.unitId() == 120 && figure.program().equals("annual"))
			.findFirst()
			.orElseThrow();
		assertThat(unit120.participationPercent()).isNull();
		assertThat(unit120.areaIndices()).isEmpty();
		assertThat(unit120.recommendScore()).isNull();
		assertThat(unit120.hidden()).containsExactly(new Measure(Measure.Kind.PARTICIPATION, null),
				new Measure(Measure.Kind.AREA_INDEX, "load"), new Measure(Measure.Kind.RECOMMEND, "rec"));
		// 110's index rests on R1, R2 and R3 (3): shown
		Figure unit110 = march.stream()
			.filter((figure) -> figure.unitId() == 110 && figure.program().equals("annual"))
			.findFirst()
			.orElseThrow();
		assertThat(unit110.areaIndices()).containsEntry("load", 37);
		assertThat(unit110.hidden()).isEmpty();
	}

	@Test
	void nothingLeavesWithoutAnEngine() {
		assertThatNullPointerException().isThrownBy(() -> this.figures.figures(this.survey.organisation,
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null));
	}

}
