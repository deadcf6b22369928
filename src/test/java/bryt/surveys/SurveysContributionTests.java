package bryt.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.OverviewFigure;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The surveys' overview figures through the real anonymity engine, counted by hand.
 * Units: {@link ResultsFixture} (100 over 110 and 120, 110 over 111).
 *
 * <pre>
 * annual, March 2026 (as SurveyFiguresEngineTests), invited 111: 10, 120: 10
 *   111: 6 responses l1 = 3 (load 100); 120: 3 with l1 = 0 (load 0), 3 without l1
 *   participation 60 % everywhere, all shown
 *   load (the only scored area): 120 rests on 3 → hidden; 110 and 111 hidden with it
 *   (complementary); 100 shown (6·100 + 3·0)/9 = 66.7 → 67 → the index 67.0
 * exit_first, November 2026: 111 3 leavers naming reason 1 (workload), 120 6 naming
 *   reason 2 (leadership): 110, 111 under 5, 120 hidden with them; 100 (9): workload
 *   3/9, leadership 6/9, pay 0
 * actions on unit A, a unit of the organisation (March's cycle): planned due 2020
 *   (overdue), in progress due 2099, done → open 2, overdue 1; the organisation the
 *   same; 120 none → 0
 * The organisation's survey figures are unit 100's, its one top unit.
 * 2026-Q4 as of 2026-11-30.
 * </pre>
 */
@BrytTest
class SurveysContributionTests {

	private static final Quarter Q4 = new Quarter(2026, 4);

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SurveysContribution contribution;

	@Autowired
	private SurveyFigures figures;

	@Autowired
	private ActionPlans actions;

	@Autowired
	private Organisations organisations;

	private ResultsFixture survey;

	private Organisation organisation;

	private long a;

	@BeforeEach
	void survey() {
		this.survey = new ResultsFixture(this.jdbc, "ov-surveys-" + System.nanoTime());
		this.organisation = this.organisations.find(this.survey.organisation).orElseThrow();
		long annual = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 10, 10);
		for (int i = 0; i < 6; i++) {
			this.survey.respond(annual, 111, null, Map.of("l1", v(3), "rec", v(10)));
		}
		for (int i = 0; i < 3; i++) {
			this.survey.respond(annual, 120, null, Map.of("l1", v(0), "rec", v(0)));
			this.survey.respond(annual, 120, null, Map.of("rec", v(10)));
		}
		long november = this.survey.cycle("exit_first", "2026-11-01", "2026-11-30", "closed", 0, 0, 3, 6);
		for (int i = 0; i < 3; i++) {
			this.survey.respond(november, 111, null, Map.of("why", v(1)));
		}
		for (int i = 0; i < 6; i++) {
			this.survey.respond(november, 120, null, Map.of("why", v(2)));
		}
		this.a = this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level) values (:org, 'A', 'Enhet A', 'UNIT')
				returning id
				""").param("org", this.survey.organisation).query(Long.class).single();
		long overdue = this.actions.add(this.survey.organisation,
				new ActionPlans.NewAction(annual, this.a, "load", "Past due", "Chef", LocalDate.of(2020, 1, 1)), "hr");
		long going = this.actions.add(this.survey.organisation,
				new ActionPlans.NewAction(annual, this.a, "load", "Going", "Chef", LocalDate.of(2099, 1, 1)), "hr");
		long done = this.actions.add(this.survey.organisation,
				new ActionPlans.NewAction(annual, this.a, null, "Done", "Chef", LocalDate.of(2020, 1, 1)), "hr");
		this.actions.changeStatus(this.survey.organisation, going, ActionStatus.IN_PROGRESS);
		this.actions.changeStatus(this.survey.organisation, done, ActionStatus.DONE);
		assertThat(overdue).isPositive();
	}

	@Test
	void eachFigureAsCountedByHandWithTheEnginesDecisions() {
		List<OverviewFigure> all = this.contribution.figures(this.organisation, Q4, AS_OF);
		for (long unit : new long[] { 0, 100, 110, 111, 120 }) {
			assertThat(value(all, SurveysContribution.PARTICIPATION, unit)).isCloseTo(0.6, within(1e-9));
		}
		for (long unit : new long[] { 0, 100 }) {
			assertThat(value(all, SurveysContribution.INDEX, unit)).isEqualTo(67.0);
			assertThat(value(all, "surveys.exitReason.workload", unit)).isCloseTo(3 / 9.0, within(1e-9));
			assertThat(value(all, "surveys.exitReason.leadership", unit)).isCloseTo(6 / 9.0, within(1e-9));
			assertThat(value(all, "surveys.exitReason.pay", unit)).isZero();
			assertThat(value(all, "surveys.exitReason.fixedTermEnd", unit)).isZero();
		}
		for (long unit : new long[] { 110, 111, 120 }) {
			assertThat(hidden(all, SurveysContribution.INDEX, unit)).isEqualTo(Hidden.TOO_FEW);
			assertThat(hidden(all, "surveys.exitReason.workload", unit)).isEqualTo(Hidden.TOO_FEW);
		}
		assertThat(value(all, SurveysContribution.ACTIONS_OPEN, this.a)).isEqualTo(2.0);
		assertThat(value(all, SurveysContribution.ACTIONS_OVERDUE, this.a)).isEqualTo(1.0);
		assertThat(value(all, SurveysContribution.ACTIONS_OPEN, 0)).isEqualTo(2.0);
		assertThat(value(all, SurveysContribution.ACTIONS_OVERDUE, 0)).isEqualTo(1.0);
		assertThat(value(all, SurveysContribution.ACTIONS_OPEN, 120)).isZero();

		// before the annual cycle closed there is nothing to show
		List<OverviewFigure> first = this.contribution.figures(this.organisation, new Quarter(2026, 1),
				LocalDate.of(2026, 3, 30));
		assertThat(hidden(first, SurveysContribution.PARTICIPATION, 0)).isEqualTo(Hidden.NO_DATA);
		assertThat(hidden(first, "surveys.exitReason.pay", 0)).isEqualTo(Hidden.NO_DATA);
	}

	/**
	 * The overview equals what the surveys figures (the API's source) give for the same
	 * period: every figure shown there is the one shown here, every one hidden there is
	 * hidden here.
	 */
	@Test
	void theOverviewEqualsTheSurveysFigures() {
		List<OverviewFigure> overview = this.contribution.figures(this.organisation, Q4, AS_OF);
		List<SurveyFigures.Figure> module = this.figures.figures(this.survey.organisation, LocalDate.of(2026, 1, 1),
				AS_OF);
		int compared = 0;
		for (SurveyFigures.Figure figure : module) {
			if (figure.program().equals("annual")) {
				OverviewFigure participation = find(overview, SurveysContribution.PARTICIPATION, figure.unitId());
				assertThat(participation.value())
					.isEqualTo((figure.participationPercent() != null) ? figure.participationPercent() / 100.0 : null);
				Integer load = figure.areaIndices().get("load");
				assertThat(find(overview, SurveysContribution.INDEX, figure.unitId()).value())
					.isEqualTo((load != null) ? load.doubleValue() : null);
				compared++;
			}
			else if (figure.program().equals("exit_first") && figure.periodEnd().equals(AS_OF)) {
				for (SurveyFigures.ExitReason reason : figure.exitReasons()) {
					String key = SurveysContribution.reasonKey(Scales.LEAVING_REASONS.codes().get(reason.position()));
					assertThat(find(overview, key, figure.unitId()).value())
						.isCloseTo(reason.leavers() / (double) reason.answered(), within(1e-12));
				}
				boolean hidden = figure.hidden()
					.contains(new SurveyFigures.Measure(SurveyFigures.Measure.Kind.EXIT_REASONS, "why"));
				assertThat(find(overview, "surveys.exitReason.pay", figure.unitId()).hidden() == Hidden.TOO_FEW)
					.isEqualTo(hidden);
				compared++;
			}
		}
		assertThat(compared).isEqualTo(8);
		assertThat(this.actions.figures(this.survey.organisation, AS_OF)).singleElement().satisfies((plan) -> {
			assertThat(find(overview, SurveysContribution.ACTIONS_OPEN, plan.unitId()).value())
				.isEqualTo((double) plan.planned() + plan.inProgress());
			assertThat(find(overview, SurveysContribution.ACTIONS_OVERDUE, plan.unitId()).value())
				.isEqualTo((double) plan.overdue());
		});
	}

	private static Double value(List<OverviewFigure> figures, String key, long unit) {
		OverviewFigure figure = find(figures, key, unit);
		assertThat(figure.hidden()).as("%s of %d is shown", key, unit).isNull();
		return figure.value();
	}

	private static Hidden hidden(List<OverviewFigure> figures, String key, long unit) {
		return find(figures, key, unit).hidden();
	}

	private static OverviewFigure find(List<OverviewFigure> figures, String key, long unit) {
		return figures.stream().filter((f) -> f.key().equals(key) && f.unitId() == unit).findFirst().orElseThrow();
	}

}
