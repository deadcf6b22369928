package bryt.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import bryt.BrytTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * A closed cycle's counts are summarised once, when it closes (V36,
 * {@link ResultSummaries}), and its results read the summary; the summary is what
 * counting the answers gives, under each breakdown. Some tests change the answers behind
 * the repository's back with SQL, which no path of Bryt does to a closed cycle, to see
 * which of the two was read. Units 111 (Mottagning) and 120 (Vuxen) of
 * {@link ResultsFixture}'s tree.
 */
@BrytTest
class ResultsSummaryTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Results results;

	@Autowired
	private ResultsRepository repository;

	@Autowired
	private ResultSummaries summaries;

	@Autowired
	private CycleService cycles;

	private ResultsFixture survey;

	@BeforeEach
	void survey() {
		this.survey = new ResultsFixture(this.jdbc, "results-summary-" + System.nanoTime());
	}

	/**
	 * Three responses, by hand (l2 is reversed on freq6, 0–5; l1 on agree4, 0–3; area
	 * load scored, org not):
	 *
	 * <pre>
	 * unit tenure  o1  l1  l2  l3  why   back   load score
	 * 111  a       3   2   1   -   1, 4  -      (2/3 + 4/5) / 2 = 11/15
	 * 111  b       3   0   -   5   4     -      (0 + 1) / 2 = 1/2
	 * 120  a       1   -   -   -   -     1      -
	 * </pre>
	 *
	 * Invited: 111 a 2, 111 b 1, 120 a 3. No age bands.
	 */
	private long handMade() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 3, 3);
		this.survey.invite(cycle, 111, "a", 2);
		this.survey.invite(cycle, 111, "b", 1);
		this.survey.invite(cycle, 120, "a", 3);
		this.survey.respondUnsummarised(cycle, 111, "a", Map.of("o1", v(3), "l1", v(2), "l2", v(1), "why", v(1, 4)));
		this.survey.respondUnsummarised(cycle, 111, "b", Map.of("o1", v(3), "l1", v(0), "l3", v(5), "why", v(4)));
		this.survey.respondUnsummarised(cycle, 120, "a", Map.of("o1", v(1), "back", v(1)));
		return cycle;
	}

	@Test
	void theSummaryHoldsTheHandComputedCountsUnderEachBreakdown() {
		long cycle = handMade();
		assertThat(this.summaries.summarise(cycle)).isEqualTo(3);
		assertThat(this.summaries.summarised(List.of(cycle))).containsExactly(cycle);

		ResultRows none = this.summaries.counts(List.of(cycle), ResultBreakdown.NONE);
		assertThat(none.invited()).isEmpty();
		assertThat(none.respondents()).containsExactlyInAnyOrder(new ResultRows.Respondents(cycle, 111, null, 2),
				new ResultRows.Respondents(cycle, 120, null, 1));
		assertThat(none.values()).containsExactlyInAnyOrder(value(cycle, 111, null, "o1", 3, 2),
				value(cycle, 111, null, "l1", 2, 1), value(cycle, 111, null, "l1", 0, 1),
				value(cycle, 111, null, "l2", 1, 1), value(cycle, 111, null, "l3", 5, 1),
				value(cycle, 111, null, "why", 1, 1), value(cycle, 111, null, "why", 4, 2),
				value(cycle, 111, null, "why", null, 2), value(cycle, 120, null, "o1", 1, 1),
				value(cycle, 120, null, "back", 1, 1));
		assertThat(none.areas())
			.extracting(ResultRows.AreaSum::unitId, ResultRows.AreaSum::band, ResultRows.AreaSum::areaKey,
					ResultRows.AreaSum::responses)
			.containsExactly(tuple(111L, null, "load", 2));
		assertThat(none.areas().getFirst().scoreSum()).isCloseTo(11.0 / 15 + 1.0 / 2, within(1e-12));

		ResultRows tenure = this.summaries.counts(List.of(cycle), ResultBreakdown.TENURE_BAND);
		assertThat(tenure.invited()).containsExactlyInAnyOrder(new ResultRows.Invited(cycle, 111, "a", 2),
				new ResultRows.Invited(cycle, 111, "b", 1), new ResultRows.Invited(cycle, 120, "a", 3));
		assertThat(tenure.respondents()).containsExactlyInAnyOrder(new ResultRows.Respondents(cycle, 111, "a", 1),
				new ResultRows.Respondents(cycle, 111, "b", 1), new ResultRows.Respondents(cycle, 120, "a", 1));
		assertThat(tenure.values())
			.contains(value(cycle, 111, "a", "o1", 3, 1), value(cycle, 111, "b", "o1", 3, 1),
					value(cycle, 111, "a", "why", 4, 1), value(cycle, 111, "b", "why", 4, 1),
					value(cycle, 111, "a", "why", null, 1), value(cycle, 120, "a", "back", 1, 1))
			.hasSize(13);
		assertThat(tenure.areas())
			.extracting(ResultRows.AreaSum::unitId, ResultRows.AreaSum::band, ResultRows.AreaSum::areaKey,
					ResultRows.AreaSum::responses)
			.containsExactlyInAnyOrder(tuple(111L, "a", "load", 1), tuple(111L, "b", "load", 1));
		assertThat(tenure.areas()).allSatisfy((area) -> assertThat(area.scoreSum())
			.isCloseTo("a".equals(area.band()) ? 11.0 / 15 : 1.0 / 2, within(1e-12)));

		ResultRows age = this.summaries.counts(List.of(cycle), ResultBreakdown.AGE_BAND);
		assertThat(age.invited()).containsExactlyInAnyOrder(new ResultRows.Invited(cycle, 111, null, 3),
				new ResultRows.Invited(cycle, 120, null, 3));
		assertThat(age.respondents()).containsExactlyInAnyOrder(new ResultRows.Respondents(cycle, 111, null, 2),
				new ResultRows.Respondents(cycle, 120, null, 1));
		assertThat(age.values()).containsExactlyInAnyOrderElementsOf(none.values());
	}

	@Test
	void theSummaryIsWhatCountingTheAnswersGivesAndTheBackfillWritesIt() {
		long cycle = handMade();
		// As a cycle closed before V36 stands after a backfill that missed it: no
		// summary, so its results are counted from the answers.
		assertThat(this.summaries.summarised(List.of(cycle))).isEmpty();
		Map<ResultBreakdown, ResultRows> counted = Map.of(ResultBreakdown.NONE, rows(cycle, ResultBreakdown.NONE),
				ResultBreakdown.TENURE_BAND, rows(cycle, ResultBreakdown.TENURE_BAND), ResultBreakdown.AGE_BAND,
				rows(cycle, ResultBreakdown.AGE_BAND));
		// V36's backfill is this call for every closed cycle.
		this.summaries.summarise(cycle);
		assertThat(this.summaries.summarised(List.of(cycle))).containsExactly(cycle);
		counted.forEach((breakdown, fromAnswers) -> {
			ResultRows summarised = rows(cycle, breakdown);
			assertThat(summarised.groups()).containsExactlyInAnyOrderElementsOf(fromAnswers.groups());
			assertThat(summarised.invited()).containsExactlyInAnyOrderElementsOf(fromAnswers.invited());
			assertThat(summarised.respondents()).containsExactlyInAnyOrderElementsOf(fromAnswers.respondents());
			assertThat(summarised.values()).containsExactlyInAnyOrderElementsOf(fromAnswers.values());
			assertThat(summarised.areas()).containsExactlyInAnyOrderElementsOf(fromAnswers.areas());
		});
		// Summarising again replaces the summary rather than adding to it.
		this.summaries.summarise(cycle);
		assertThat(rows(cycle, ResultBreakdown.NONE).values())
			.containsExactlyInAnyOrderElementsOf(counted.get(ResultBreakdown.NONE).values());
	}

	@Test
	void closingACycleSummarisesItsReleasedAnswers() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "open", 0, 0, 3, 0);
		hold(cycle, 111, 3);
		hold(cycle, 111, 2);
		this.cycles.close(cycle);
		assertThat(this.summaries.summarised(List.of(cycle))).containsExactly(cycle);
		assertThat(o1(march())).containsExactly(0, 0, 1, 1);
		moveEveryO1AnswerToZero(cycle);
		// Read from the summary: the changed answers do not show.
		assertThat(o1(march())).containsExactly(0, 0, 1, 1);
		assertThat(march().unit(111).orElseThrow().respondents()).isEqualTo(2);
	}

	@Test
	void aClosedCycleWithAnotherResponseThanItsSummaryIsCountedFromItsAnswers() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 3, 0);
		this.survey.respond(cycle, 111, null, Map.of("o1", v(3)));
		assertThat(o1(march())).containsExactly(0, 0, 0, 1);
		this.survey.respondUnsummarised(cycle, 111, null, Map.of("o1", v(1)));
		assertThat(this.summaries.summarised(List.of(cycle))).isEmpty();
		assertThat(o1(march())).containsExactly(0, 1, 0, 1);
		assertThat(march().unit(111).orElseThrow().respondents()).isEqualTo(2);
	}

	@Test
	void anOpenCycleIsCountedFromItsAnswersEvenIfSummarised() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "open", 0, 0, 3, 0);
		this.survey.respond(cycle, 111, null, Map.of("o1", v(3)));
		this.summaries.summarise(cycle);
		assertThat(this.summaries.summarised(List.of(cycle))).isEmpty();
		moveEveryO1AnswerToZero(cycle);
		assertThat(o1(cycle)).containsExactly(1, 0, 0, 0);
	}

	@Test
	void aSummarisedCycleAndOneCountedFromItsAnswersReadTogetherCountEachAsAlone() {
		long march = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 3, 0);
		this.survey.respond(march, 111, null, Map.of("o1", v(3)));
		this.survey.respond(march, 111, null, Map.of("o1", v(2)));
		long april = this.survey.cycle("annual", "2026-04-01", "2026-04-30", "closed", 0, 0, 3, 0);
		this.survey.respondUnsummarised(april, 111, null, Map.of("o1", v(0)));
		assertThat(this.summaries.summarised(List.of(march, april))).containsExactly(march);
		List<ResultFigures> trend = this.results.trend(this.survey.organisation, "annual", LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 4, 1), ResultBreakdown.NONE);
		assertThat(trend).hasSize(2);
		assertThat(o1(trend.get(0))).containsExactly(0, 0, 1, 1);
		assertThat(o1(trend.get(1))).containsExactly(1, 0, 0, 0);
		assertThat(trend.get(0).unit(100).orElseThrow().respondents()).isEqualTo(2);
		assertThat(trend.get(1).unit(100).orElseThrow().respondents()).isEqualTo(1);
	}

	private ResultRows rows(long cycle, ResultBreakdown breakdown) {
		return this.repository.rows(List.of(cycle), breakdown);
	}

	private static ResultRows.ValueCount value(long cycle, long unit, String band, String item, Integer value,
			int responses) {
		return new ResultRows.ValueCount(cycle, unit, band, item, value, responses);
	}

	/** A held answer of o1, as the answering path holds it until the close. */
	private void hold(long cycle, long unit, int o1) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into survey_held_response (id, cycle_id, unit_id) values (:id, :cycle, :unit)")
			.param("id", id)
			.param("cycle", cycle)
			.param("unit", unit)
			.update();
		this.jdbc.sql("insert into survey_held_answer (held_id, item_key, value) values (:id, 'o1', :value)")
			.param("id", id)
			.param("value", o1)
			.update();
	}

	private ResultFigures march() {
		List<ResultFigures> trend = this.results.trend(this.survey.organisation, "annual", LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 1), ResultBreakdown.NONE);
		assertThat(trend).hasSize(1);
		return trend.getFirst();
	}

	private static List<Integer> o1(ResultFigures figures) {
		return figures.unit(111).orElseThrow().distribution("o1").orElseThrow().counts();
	}

	/** An open cycle's counts, read through the repository (no page reads one). */
	private List<Integer> o1(long cycle) {
		ResultCycle counted = new ResultCycle(cycle, "annual", this.survey.instrument, LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 31));
		ResultFigures figures = ResultCalculator.figures(counted.opensOn(), counted.closesOn(), List.of(counted),
				this.repository.instrument(this.survey.instrument),
				this.repository.rows(List.of(cycle), ResultBreakdown.NONE), ResultBreakdown.NONE);
		return o1(figures);
	}

	private void moveEveryO1AnswerToZero(long cycle) {
		this.jdbc.sql("""
				update survey_answer set value = 0
				where item_key = 'o1' and response_id in (select id from survey_response where cycle_id = :cycle)
				""").param("cycle", cycle).update();
	}

}
