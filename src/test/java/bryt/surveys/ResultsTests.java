package bryt.surveys;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import bryt.BrytTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The results of a small survey on the real database, every figure computed by hand
 * below. Instrument and unit tree: {@link ResultsFixture}.
 *
 * <p>
 * Annual cycle A (March 2026, closed), invited 100: 2, 110: 4, 111: 3, 120: 5. A load
 * score is a fraction 0–1 here (×100 for the index): l1 on agree4 is v/3, l2 reversed on
 * freq6 is (5−v)/5, l3 on freq6 is v/5.
 *
 * <pre>
 * resp unit tenure o1 l1 l2 l3  load score                        rec why   back
 * R1   111  lt2    3  3  1  5   (3/3 + 4/5 + 5/5)/3 = 2.8/3 ≈ .9333 10  1,2   1 yes
 * R2   111  lt2    2  1  5  –   (1/3 + 0/5)/2 = 1/6 ≈ .1667         9   1     0 no
 * R3   110  2plus  0  –  –  0   0/5 = 0                              7   –     2 don't know
 * R4   110  2plus  1  –  –  –   no load item: not counted            0   –     –
 * R5   120  2plus  –  2  2  3   (2/3 + 3/5 + 3/5)/3 = 28/45 ≈ .6222  6   2,5   –
 * R6   100  –      –  –  0  –   (5/5) = 1                            –   –     –
 * </pre>
 */
@BrytTest
class ResultsTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Results results;

	private ResultsFixture survey;

	private long cycleA;

	@BeforeEach
	void survey() {
		this.survey = new ResultsFixture(this.jdbc, "results-" + System.nanoTime());
		this.cycleA = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 2, 4, 3, 5);
		this.survey.invite(this.cycleA, 100, null, 2);
		this.survey.invite(this.cycleA, 110, "2plus", 4);
		this.survey.invite(this.cycleA, 111, "lt2", 2);
		this.survey.invite(this.cycleA, 111, "2plus", 1);
		this.survey.invite(this.cycleA, 120, "2plus", 5);
		respond(111, "lt2",
				Map.of("o1", v(3), "l1", v(3), "l2", v(1), "l3", v(5), "rec", v(10), "why", v(1, 2), "back", v(1)));
		respond(111, "lt2", Map.of("o1", v(2), "l1", v(1), "l2", v(5), "rec", v(9), "why", v(1), "back", v(0)));
		respond(110, "2plus", Map.of("o1", v(0), "l3", v(0), "rec", v(7), "back", v(2)));
		respond(110, "2plus", Map.of("o1", v(1), "rec", v(0)));
		respond(120, "2plus", Map.of("l1", v(2), "l2", v(2), "l3", v(3), "rec", v(6), "why", v(2, 5)));
		respond(100, null, Map.of("l2", v(0)));
	}

	private void respond(long unit, String tenure, Map<String, int[]> answers) {
		this.survey.respond(this.cycleA, unit, tenure, answers);
	}

	private ResultFigures cycleA() {
		List<ResultFigures> trend = this.results.trend(this.survey.organisation, "annual", LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 1), ResultBreakdown.NONE);
		assertThat(trend).hasSize(1);
		return trend.getFirst();
	}

	@Test
	void aLeafUnitCountsItsOwnResponses() {
		ResultUnit unit = cycleA().unit(111).orElseThrow();
		assertThat(unit.name()).isEqualTo("Mottagning");
		assertThat(unit.parentUnitId()).isEqualTo(110L);
		assertThat(unit.respondents()).isEqualTo(2);
		// 2 of 3 = 66.7 % → 70 %
		assertThat(unit.participation()).isEqualTo(new Participation(2, 3));
		assertThat(unit.participation().percent()).isEqualTo(70);
		// o1: R1 3, R2 2; l1: R1 3, R2 1; l3: R1 5
		assertThat(unit.distribution("o1").orElseThrow().counts()).containsExactly(0, 0, 1, 1);
		assertThat(unit.distribution("l1").orElseThrow().counts()).containsExactly(0, 1, 0, 1);
		assertThat(unit.distribution("l3").orElseThrow().counts()).containsExactly(0, 0, 0, 0, 0, 1);
		assertThat(unit.distribution("l3").orElseThrow().answered()).isEqualTo(1);
		assertThat(unit.distribution("o1").orElseThrow().share(2)).isEqualTo(0.5);
		// load: (2.8/3 + 1/6) / 2 = (0.9333 + 0.1667) / 2 = 1.1 / 2 = 55.0
		assertThat(unit.areaIndices()).containsOnlyKeys("load");
		assertThat(unit.areaIndices().get("load").responses()).isEqualTo(2);
		assertThat(unit.areaIndices().get("load").value()).isCloseTo(55.0, within(1e-9));
		// recommend 10 and 9: two promoters of two = +100
		assertThat(unit.recommend().get("rec")).isEqualTo(new RecommendScore(2, 0, 0));
		assertThat(unit.recommend().get("rec").rounded()).isEqualTo(100);
		// why: 1 named by R1 and R2, 2 by R1; back: R1 yes, R2 no
		assertThat(unit.exitReasons().reasons()).containsExactly(new ExitReasons.Reason("why", 1, 2),
				new ExitReasons.Reason("why", 2, 1));
		assertThat(unit.exitReasons().comeBack()).containsExactly(new ExitReasons.ComeBack("back", 1, 1, 0));
		// free text is a comment, never a distribution
		assertThat(unit.distribution("free")).isEmpty();
	}

	@Test
	void aParentCountsItsOwnAndItsDescendantsResponses() {
		ResultFigures figures = cycleA();
		ResultUnit unit110 = figures.unit(110).orElseThrow();
		// R1–R4; invited 4 + 3 = 7; 4/7 = 57.1 % → 60 %
		assertThat(unit110.respondents()).isEqualTo(4);
		assertThat(unit110.participation()).isEqualTo(new Participation(4, 7));
		assertThat(unit110.participation().percent()).isEqualTo(60);
		assertThat(unit110.distribution("o1").orElseThrow().counts()).containsExactly(1, 1, 1, 1);
		// load: R1, R2, R3 (R4 answered none): (1.1 + 0) / 3 = 36.667
		assertThat(unit110.areaIndices().get("load").responses()).isEqualTo(3);
		assertThat(unit110.areaIndices().get("load").value()).isCloseTo(110 / 3.0, within(1e-9));
		assertThat(unit110.areaIndices().get("load").rounded()).isEqualTo(37);
		// rec 10, 9, 7, 0: (2 − 1) / 4 = +25
		assertThat(unit110.recommend().get("rec")).isEqualTo(new RecommendScore(2, 1, 1));
		assertThat(unit110.recommend().get("rec").score()).isEqualTo(25.0);

		ResultUnit unit120 = figures.unit(120).orElseThrow();
		// 1 of 5 = 20 %; load R5 = 28/45 = 62.222; rec 6: one detractor = −100
		assertThat(unit120.participation().percent()).isEqualTo(20);
		assertThat(unit120.areaIndices().get("load").value()).isCloseTo(2800 / 45.0, within(1e-9));
		assertThat(unit120.recommend().get("rec").rounded()).isEqualTo(-100);

		ResultUnit unit100 = figures.unit(100).orElseThrow();
		// everyone: R1–R6, invited 2 + 4 + 3 + 5 = 14; 6/14 = 42.9 % → 40 %
		assertThat(unit100.respondents()).isEqualTo(6);
		assertThat(unit100.participation()).isEqualTo(new Participation(6, 14));
		assertThat(unit100.participation().percent()).isEqualTo(40);
		// load: R1, R2, R3, R5, R6: (1.1 + 0 + 28/45 + 1) / 5 = (2.1 + 0.6222) / 5 =
		// 54.444
		assertThat(unit100.areaIndices().get("load").responses()).isEqualTo(5);
		assertThat(unit100.areaIndices().get("load").value()).isCloseTo(100 * (2.1 + 28 / 45.0) / 5, within(1e-9));
		assertThat(unit100.areaIndices().get("load").rounded()).isEqualTo(54);
		// rec 10, 9, 7, 0, 6 (R6 did not answer): (2 − 2) / 5 = 0
		assertThat(unit100.recommend().get("rec")).isEqualTo(new RecommendScore(2, 1, 2));
		assertThat(unit100.recommend().get("rec").rounded()).isZero();
		// why: 1 by R1 R2, 2 by R1 R5, 5 by R5; answered by R1, R2, R5; one count per
		// reason of
		// the ten (positions 0–9: the second review found an eleventh, shown as "10")
		assertThat(unit100.distribution("why").orElseThrow().counts()).containsExactly(0, 2, 2, 0, 0, 1, 0, 0, 0, 0);
		assertThat(unit100.distribution("why").orElseThrow().answered()).isEqualTo(3);
		// back: R1 yes, R2 no, R3 don't know
		assertThat(unit100.exitReasons().comeBack()).containsExactly(new ExitReasons.ComeBack("back", 1, 1, 1));

		// The parent's counts are its own plus its children's, figure by figure.
		ResultFigures own = figures;
		assertThat(unit100.respondents())
			.isEqualTo(1 + own.unit(110).orElseThrow().respondents() + own.unit(120).orElseThrow().respondents());
		assertThat(unit100.participation().invited())
			.isEqualTo(2 + unit110.participation().invited() + unit120.participation().invited());
		assertThat(unit100.areaIndices().get("load").scoreSum()).isCloseTo(
				1 + unit110.areaIndices().get("load").scoreSum() + unit120.areaIndices().get("load").scoreSum(),
				within(1e-9));
	}

	@Test
	void breaksDownByTenureBandWithInvitationsPerBand() {
		List<ResultFigures> trend = this.results.trend(this.survey.organisation, "annual", LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 1), ResultBreakdown.TENURE_BAND);
		ResultFigures figures = trend.getFirst();
		// lt2: R1, R2 of 2 invited (111) = 100 %; load (0.9333 + 0.1667) / 2 = 55
		ResultUnit lt2 = figures.unit(100, "lt2").orElseThrow();
		assertThat(lt2.participation()).isEqualTo(new Participation(2, 2));
		assertThat(lt2.areaIndices().get("load").value()).isCloseTo(55.0, within(1e-9));
		// 2plus: R3, R4, R5 of 4 (110) + 1 (111) + 5 (120) = 10 → 30 %; load (0 + 28/45)
		// / 2 = 31.111
		ResultUnit plus = figures.unit(100, "2plus").orElseThrow();
		assertThat(plus.participation()).isEqualTo(new Participation(3, 10));
		assertThat(plus.participation().percent()).isEqualTo(30);
		assertThat(plus.areaIndices().get("load").value()).isCloseTo(100 * 28 / 45.0 / 2, within(1e-9));
		// no band: R6 of the 2 invited at 100 itself
		assertThat(figures.unit(100, null).orElseThrow().participation()).isEqualTo(new Participation(1, 2));
		// 111's 2plus invitee did not answer: 0 of 1
		assertThat(figures.unit(111, "2plus").orElseThrow().participation()).isEqualTo(new Participation(0, 1));
	}

	@Test
	void breaksDownByAgeBandTheSameWay() {
		// 111's invitations and responses (R1, R2) are under 30, the others 30 or over
		this.jdbc.sql("""
				update survey_invitation set age_band = case when unit_id = 111 then 'u30' else 'o30' end
				where cycle_id = :cycle
				""").param("cycle", this.cycleA).update();
		this.jdbc.sql("""
				update survey_response set age_band = case when unit_id = 111 then 'u30' else 'o30' end
				where cycle_id = :cycle
				""").param("cycle", this.cycleA).update();
		// released rows changed by SQL: summarised again, as a fixture must
		this.survey.summarise(this.cycleA);
		ResultFigures figures = this.results
			.trend(this.survey.organisation, "annual", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1),
					ResultBreakdown.AGE_BAND)
			.getFirst();
		// u30: R1, R2 of 111's 3 → 70 %; load 55; rec 10, 9 → +100
		ResultUnit young = figures.unit(100, "u30").orElseThrow();
		assertThat(young.participation()).isEqualTo(new Participation(2, 3));
		assertThat(young.areaIndices().get("load").value()).isCloseTo(55.0, within(1e-9));
		assertThat(young.recommend().get("rec").rounded()).isEqualTo(100);
		// o30: R3–R6 of 2 + 4 + 5 = 11; load R3, R5, R6: (0 + 28/45 + 1) / 3 = 54.07
		ResultUnit older = figures.unit(100, "o30").orElseThrow();
		assertThat(older.participation()).isEqualTo(new Participation(4, 11));
		assertThat(older.areaIndices().get("load").value()).isCloseTo(100 * (28 / 45.0 + 1) / 3, within(1e-9));
	}

	@Test
	void theTrendHoldsEachClosedCycleOldestFirstAndNoOpenOne() {
		long older = this.survey.cycle("annual", "2025-03-01", "2025-03-31", "closed", 0, 0, 0, 2);
		this.survey.respond(older, 120, null, Map.of("l1", v(3), "rec", v(10)));
		long open = this.survey.cycle("annual", "2026-09-01", "2026-09-30", "open", 1, 1, 1, 1);
		this.survey.respond(open, 120, null, Map.of("l1", v(0), "rec", v(0)));
		this.survey.cycle("pulse", "2026-04-01", "2026-04-07", "closed", 1, 1, 1, 1);

		List<ResultFigures> trend = this.results.trend(this.survey.organisation, "annual", LocalDate.of(2025, 1, 1),
				LocalDate.of(2026, 12, 31), ResultBreakdown.NONE);
		assertThat(trend).extracting((figures) -> figures.cycles().getFirst().id()).containsExactly(older, this.cycleA);
		assertThat(trend.getFirst().periodStart()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(trend.getFirst().periodEnd()).isEqualTo(LocalDate.of(2025, 3, 31));
		// the older cycle alone: 120's l1 = 3 → 100, one promoter; 1 of 2 invited = 50 %
		ResultUnit unit120 = trend.getFirst().unit(120).orElseThrow();
		assertThat(unit120.areaIndices().get("load").value()).isCloseTo(100.0, within(1e-9));
		assertThat(unit120.recommend().get("rec").rounded()).isEqualTo(100);
		assertThat(unit120.participation().percent()).isEqualTo(50);
		// cycle A unchanged by the others
		assertThat(trend.get(1).unit(100).orElseThrow().respondents()).isEqualTo(6);
	}

	/**
	 * Exit cycles of the second stage, one per month, each with its own snapshot of unit
	 * 100 alone (invited 1 or 2):
	 *
	 * <pre>
	 * cycle opens       in the window ending 2026-11?  responses (why; back)
	 * E1    2025-11-01  no: the 13th month back        (0; yes)
	 * E2    2025-12-01  yes: the first month           (0, 3; no)
	 * E3    2026-11-01  yes: the last month            (3; don't know), (3, 9; yes)
	 * E4    2026-12-01  no: after it                   (0; yes)
	 * </pre>
	 *
	 * Pooled to 2026-11: 3 leavers; reason 0 named by 1, reason 3 by 3, reason 9 by 1;
	 * back yes 1, no 1, don't know 1. To 2026-12: E3 and E4: reason 0 by 1, 3 by 2, 9 by
	 * 1.
	 */
	@Test
	void poolsExitReasonsOverTwelveMonthsWithoutTheThirteenth() {
		long e1 = exitCycle("2025-11-01", "2025-11-30", 1);
		this.survey.respond(e1, 100, null, Map.of("why", v(0), "back", v(1)));
		long e2 = exitCycle("2025-12-01", "2025-12-31", 1);
		this.survey.respond(e2, 100, null, Map.of("why", v(0, 3), "back", v(0)));
		long e3 = exitCycle("2026-11-01", "2026-11-30", 2);
		this.survey.respond(e3, 100, null, Map.of("why", v(3), "back", v(2)));
		this.survey.respond(e3, 100, null, Map.of("why", v(3, 9), "back", v(1)));
		long e4 = exitCycle("2026-12-01", "2026-12-31", 1);
		this.survey.respond(e4, 100, null, Map.of("why", v(0), "back", v(1)));

		List<ResultFigures> windows = this.results.exitWindows(this.survey.organisation, "exit_second",
				YearMonth.of(2026, 11), YearMonth.of(2026, 12), ResultBreakdown.NONE);
		assertThat(windows).hasSize(2);
		ResultFigures november = windows.getFirst();
		assertThat(november.cycles()).extracting(ResultCycle::id).containsExactly(e2, e3);
		assertThat(november.periodStart()).isEqualTo(LocalDate.of(2025, 12, 1));
		assertThat(november.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 30));
		ExitReasons pooled = november.unit(100).orElseThrow().exitReasons();
		assertThat(pooled.leavers()).isEqualTo(3);
		assertThat(pooled.reasons()).containsExactly(new ExitReasons.Reason("why", 0, 1),
				new ExitReasons.Reason("why", 3, 3), new ExitReasons.Reason("why", 9, 1));
		assertThat(pooled.comeBack()).containsExactly(new ExitReasons.ComeBack("back", 1, 1, 1));
		// invited 1 (E2) + 2 (E3): 3 of 3
		assertThat(november.unit(100).orElseThrow().participation()).isEqualTo(new Participation(3, 3));

		ResultFigures december = windows.get(1);
		assertThat(december.cycles()).extracting(ResultCycle::id).containsExactly(e3, e4);
		assertThat(december.unit(100).orElseThrow().exitReasons().reasons()).containsExactly(
				new ExitReasons.Reason("why", 0, 1), new ExitReasons.Reason("why", 3, 2),
				new ExitReasons.Reason("why", 9, 1));
	}

	@Test
	void aMonthWhoseWindowHoldsNoExitCycleHasNoFigures() {
		assertThat(this.results.exitWindows(this.survey.organisation, "exit_first", YearMonth.of(2026, 1),
				YearMonth.of(2026, 3), ResultBreakdown.NONE))
			.isEmpty();
	}

	@Test
	void aPooledUnitCountsInTheTreeOfItsOwnCycle() {
		// 130 sat under 120 in January and under 110 in February: each month's leaver
		// counts for the parent of that month's snapshot.
		long january = this.survey.cycle("exit_first", "2026-01-01", "2026-01-31", "closed");
		this.survey.group(january, 100, null, "Förvaltning", 0);
		this.survey.group(january, 110, 100L, "Barn och unga", 0);
		this.survey.group(january, 120, 100L, "Vuxen", 0);
		this.survey.group(january, 130, 120L, "Flyttad", 1);
		this.survey.respond(january, 130, null, Map.of("why", v(4)));
		long february = this.survey.cycle("exit_first", "2026-02-01", "2026-02-28", "closed");
		this.survey.group(february, 100, null, "Förvaltning", 0);
		this.survey.group(february, 110, 100L, "Barn och unga", 0);
		this.survey.group(february, 120, 100L, "Vuxen", 0);
		this.survey.group(february, 130, 110L, "Flyttad enhet", 1);
		this.survey.respond(february, 130, null, Map.of("why", v(4)));

		ResultFigures pooled = this.results
			.exitWindows(this.survey.organisation, "exit_first", YearMonth.of(2026, 2), YearMonth.of(2026, 2),
					ResultBreakdown.NONE)
			.getFirst();
		assertThat(pooled.unit(130).orElseThrow().respondents()).isEqualTo(2);
		assertThat(pooled.unit(130).orElseThrow().parentUnitId()).isEqualTo(110L);
		assertThat(pooled.unit(130).orElseThrow().name()).isEqualTo("Flyttad enhet");
		assertThat(pooled.unit(120).orElseThrow().respondents()).isEqualTo(1);
		assertThat(pooled.unit(110).orElseThrow().respondents()).isEqualTo(1);
		assertThat(pooled.unit(100).orElseThrow().respondents()).isEqualTo(2);
	}

	private long exitCycle(String opensOn, String closesOn, int invited) {
		long cycle = this.survey.cycle("exit_second", opensOn, closesOn, "closed");
		this.survey.group(cycle, 100, null, "Förvaltning", invited);
		return cycle;
	}

}
