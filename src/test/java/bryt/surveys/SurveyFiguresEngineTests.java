package bryt.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import bryt.BrytTest;
import bryt.surveys.SurveyFigures.Figure;
import bryt.surveys.SurveyFigures.Measure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's figures through the real anonymity engine ({@code figures(org, from,
 * to)}), decided per measure. Instrument and units: {@link ResultsFixture} (100 over 110
 * and 120, 110 over 111).
 *
 * <pre>
 * annual, March 2026, invited 111: 10, 120: 10
 *   111: 6 responses, each l1 = 3 (load 100) and rec 10
 *   120: 3 responses l1 = 0 (load 0) and rec 0; 3 responses rec 10 without l1
 * participation: 111 6, 110 6, 120 6, 100 12 → all shown, 60 % each
 * load:          111 6, 110 6, 120 3, 100 9
 *   → 120 below 5; 100 − 110 = 3 → 110 hidden (complementary), then 100 − 111 = 3 → 111
 *     hidden too; 100 shown: (6·100 + 3·0)/9 = 66.7 → 67
 * rec:           every unit ≥ 6 → shown: 111 +100, 110 +100, 120 (3 − 3)/6 = 0,
 *                100 (9 − 3)/12 = +50
 *
 * exit_second, November 2026: 111 3 leavers (why 1, back yes), 120 6 leavers (why 2, back no)
 * reasons and come back: 111 3, 110 3 → below 5; 100 − 120 = 3 → 120 hidden
 *   (complementary); 100 (9) shown: reason 1 by 3, reason 2 by 6; back yes 3, no 6
 * participation: the same counts → the same cells
 * </pre>
 */
@BrytTest
class SurveyFiguresEngineTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SurveyFigures figures;

	@Autowired
	private ActionPlans actions;

	private ResultsFixture survey;

	@BeforeEach
	void survey() {
		this.survey = new ResultsFixture(this.jdbc, "engine-" + System.nanoTime());
		long annual = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 10, 10);
		for (int i = 0; i < 6; i++) {
			this.survey.respond(annual, 111, null, Map.of("l1", v(3), "rec", v(10)));
		}
		for (int i = 0; i < 3; i++) {
			this.survey.respond(annual, 120, null, Map.of("l1", v(0), "rec", v(0)));
			this.survey.respond(annual, 120, null, Map.of("rec", v(10)));
		}
		long november = this.survey.cycle("exit_second", "2026-11-01", "2026-11-30", "closed", 0, 0, 3, 6);
		for (int i = 0; i < 3; i++) {
			this.survey.respond(november, 111, null, Map.of("why", v(1), "back", v(1)));
		}
		for (int i = 0; i < 6; i++) {
			this.survey.respond(november, 120, null, Map.of("why", v(2), "back", v(0)));
		}
	}

	@Test
	void eachMeasureIsDecidedOnItsOwnRespondentsWithComplementarySuppression() {
		List<Figure> march = annual(
				this.figures.figures(this.survey.organisation, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
		assertThat(march).extracting(Figure::unitId).containsExactly(100L, 110L, 111L, 120L);
		assertThat(march).extracting(Figure::participationPercent).containsExactly(60, 60, 60, 60);
		assertThat(march).extracting((figure) -> figure.areaIndices().get("load"))
			.containsExactly(67, null, null, null);
		assertThat(march).extracting(Figure::recommendScore).containsExactly(50, 100, 100, 0);
		Measure load = new Measure(Measure.Kind.AREA_INDEX, "load");
		assertThat(march).extracting(Figure::hidden)
			.containsExactly(java.util.Set.of(), java.util.Set.of(load), java.util.Set.of(load),
					java.util.Set.of(load));
	}

	@Test
	void anExitWindowShowsOnlyWhatTheExitMinimumAndItsComplementLeave() {
		List<Figure> november = this.figures
			.figures(this.survey.organisation, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))
			.stream()
			.filter((figure) -> figure.program().equals("exit_second"))
			.toList();
		assertThat(november).extracting(Figure::unitId).containsExactly(100L, 110L, 111L, 120L);
		Figure top = november.getFirst();
		assertThat(top.exitReasons()).filteredOn((reason) -> reason.leavers() > 0)
			.containsExactly(new SurveyFigures.ExitReason("why", 1, 3, 9),
					new SurveyFigures.ExitReason("why", 2, 6, 9));
		assertThat(top.comeBack()).containsExactly(new SurveyFigures.ComeBack("back", 3, 6, 0));
		assertThat(top.participationPercent()).isEqualTo(100);
		assertThat(top.hidden()).isEmpty();
		assertThat(top.actions()).isNull();
		for (Figure small : november.subList(1, 4)) {
			assertThat(small.exitReasons()).isEmpty();
			assertThat(small.comeBack()).isEmpty();
			assertThat(small.participationPercent()).isNull();
			assertThat(small.hidden()).containsExactlyInAnyOrder(new Measure(Measure.Kind.PARTICIPATION, null),
					new Measure(Measure.Kind.EXIT_REASONS, "why"), new Measure(Measure.Kind.COME_BACK, "back"));
		}
	}

	@Test
	void theActionPlansStatusIsCountedPerUnitAndCycle() {
		long unit = this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level) values (:org, 'A', 'Enhet A', 'UNIT')
				returning id
				""").param("org", this.survey.organisation).query(Long.class).single();
		long cycle = this.survey.cycle("annual", "2026-05-01", "2026-05-31", "closed");
		this.survey.group(cycle, unit, null, "Enhet A", 5);
		for (int i = 0; i < 5; i++) {
			this.survey.respond(cycle, unit, null, Map.of("rec", v(9)));
		}
		long overdue = this.actions.add(this.survey.organisation,
				new ActionPlans.NewAction(cycle, unit, "load", "Past due", "Chef", LocalDate.of(2020, 1, 1)), "hr");
		long going = this.actions.add(this.survey.organisation,
				new ActionPlans.NewAction(cycle, unit, "load", "Going", "Chef", LocalDate.of(2099, 1, 1)), "hr");
		long done = this.actions.add(this.survey.organisation,
				new ActionPlans.NewAction(cycle, unit, null, "Done", "Chef", LocalDate.of(2020, 1, 1)), "hr");
		this.actions.changeStatus(this.survey.organisation, going, ActionStatus.IN_PROGRESS);
		this.actions.changeStatus(this.survey.organisation, done, ActionStatus.DONE);
		assertThat(overdue).isPositive();

		List<Figure> may = annual(
				this.figures.figures(this.survey.organisation, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));
		assertThat(may).singleElement().satisfies((figure) -> {
			assertThat(figure.unitId()).isEqualTo(unit);
			assertThat(figure.recommendScore()).isEqualTo(100);
			assertThat(figure.actions()).isEqualTo(new SurveyFigures.Actions(1, 1, 1, 0, 1));
		});
		// March's cycle has no action plan
		assertThat(annual(
				this.figures.figures(this.survey.organisation, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))))
			.extracting(Figure::actions)
			.containsOnly(SurveyFigures.Actions.NONE);
	}

	/**
	 * Exit windows overlap, and each is shown for good once decided, so a window is
	 * decided with every earlier one and never against a later one (the second review's
	 * H1: November's window, shown in November, was hidden once December's closed and
	 * December's shown, and the two told December's two leavers apart). Unit 100 had 6
	 * leavers in August 2026 and 2 in September. August's window (6) is decided first and
	 * shown, whatever is asked. September's (8) differs from it by 2, below the minimum:
	 * the engine would give up the smaller, August's, which is out already, so
	 * September's is hidden; so is every later window holding both months (the same 8).
	 */
	@Test
	void anExitWindowIsDecidedWithEveryEarlierWindowAndKeepsItsDecision() {
		ResultsFixture exits = new ResultsFixture(this.jdbc, "windows-" + System.nanoTime());
		long august = exits.cycle("exit_second", "2026-08-01", "2026-08-31", "closed");
		exits.group(august, 100, null, "Förvaltning", 6);
		for (int i = 0; i < 6; i++) {
			exits.respond(august, 100, null, Map.of("why", v(1), "back", v(1)));
		}
		long september = exits.cycle("exit_second", "2026-09-01", "2026-09-30", "closed");
		exits.group(september, 100, null, "Förvaltning", 2);
		for (int i = 0; i < 2; i++) {
			exits.respond(september, 100, null, Map.of("why", v(2), "back", v(0)));
		}
		Figure alone = this.figures.figures(exits.organisation, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31))
			.getFirst();
		assertThat(alone.periodEnd()).isEqualTo(LocalDate.of(2026, 8, 31));
		assertThat(alone.exitReasons()).filteredOn((reason) -> reason.leavers() > 0)
			.containsExactly(new SurveyFigures.ExitReason("why", 1, 6, 6));
		for (LocalDate month : List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1))) {
			Figure later = this.figures
				.figures(exits.organisation, month, month.with(java.time.temporal.TemporalAdjusters.lastDayOfMonth()))
				.getFirst();
			assertThat(later.exitReasons()).as(month.toString()).isEmpty();
			assertThat(later.hidden()).as(month.toString()).contains(new Measure(Measure.Kind.EXIT_REASONS, "why"));
		}
	}

	/**
	 * A window holding a month whose cycle is still open is not final (it would change
	 * when the month's answers come, and its two versions would tell them apart): it has
	 * no figure until the cycle closes. June 2026: 6 leavers, closed; July: open.
	 */
	@Test
	void anExitWindowHoldingAnOpenMonthHasNoFigure() {
		ResultsFixture exits = new ResultsFixture(this.jdbc, "open-" + System.nanoTime());
		long june = exits.cycle("exit_second", "2026-06-01", "2026-06-30", "closed");
		exits.group(june, 100, null, "Förvaltning", 6);
		for (int i = 0; i < 6; i++) {
			exits.respond(june, 100, null, Map.of("why", v(1), "back", v(1)));
		}
		exits.cycle("exit_second", "2026-07-01", "2026-08-31", "open");
		assertThat(this.figures.figures(exits.organisation, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
			.singleElement()
			.satisfies((figure) -> assertThat(figure.exitReasons()).filteredOn((reason) -> reason.leavers() > 0)
				.containsExactly(new SurveyFigures.ExitReason("why", 1, 6, 6)));
		assertThat(this.figures.figures(exits.organisation, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31)))
			.isEmpty();
	}

	private static List<Figure> annual(List<Figure> figures) {
		return figures.stream().filter((figure) -> figure.program().equals("annual")).toList();
	}

}
