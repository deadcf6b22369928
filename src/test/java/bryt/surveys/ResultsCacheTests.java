package bryt.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import bryt.BrytTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closed cycle's counts are read from the database once and kept
 * ({@link ResultsRepository}); a cycle written again is read afresh, and an open one is
 * never kept. Each test changes the answers behind the repository's back with SQL, which
 * no path of Bryt does to a closed cycle, to see whether they were read again. Unit 111
 * (Mottagning) of {@link ResultsFixture}'s tree; o1 is on agree4 (values 0–3).
 */
@BrytTest
class ResultsCacheTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Results results;

	@Autowired
	private ResultsRepository repository;

	private ResultsFixture survey;

	@BeforeEach
	void survey() {
		this.survey = new ResultsFixture(this.jdbc, "results-cache-" + System.nanoTime());
	}

	@Test
	void aClosedCyclesCountsAreReadOnce() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 3, 0);
		this.survey.respond(cycle, 111, null, Map.of("o1", v(3)));
		this.survey.respond(cycle, 111, null, Map.of("o1", v(2)));
		assertThat(o1(march())).containsExactly(0, 0, 1, 1);
		moveEveryO1AnswerToZero(cycle);
		// Kept: the second reading shows what the first read, not the changed rows.
		assertThat(o1(march())).containsExactly(0, 0, 1, 1);
	}

	@Test
	void aClosedCycleWithAnotherResponseIsReadAfresh() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 3, 0);
		this.survey.respond(cycle, 111, null, Map.of("o1", v(3)));
		assertThat(o1(march())).containsExactly(0, 0, 0, 1);
		this.survey.respond(cycle, 111, null, Map.of("o1", v(1)));
		assertThat(o1(march())).containsExactly(0, 1, 0, 1);
		assertThat(march().unit(111).orElseThrow().respondents()).isEqualTo(2);
	}

	@Test
	void aClosedCycleWhoseRowChangedIsReadAfresh() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 3, 0);
		this.survey.respond(cycle, 111, null, Map.of("o1", v(3)));
		assertThat(o1(march())).containsExactly(0, 0, 0, 1);
		moveEveryO1AnswerToZero(cycle);
		// Any update of the cycle's row gives it a new version (xmin).
		this.jdbc.sql("update survey_cycle set invited = invited where id = :id").param("id", cycle).update();
		assertThat(o1(march())).containsExactly(1, 0, 0, 0);
	}

	@Test
	void anOpenCycleIsNeverKept() {
		long cycle = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "open", 0, 0, 3, 0);
		this.survey.respond(cycle, 111, null, Map.of("o1", v(3)));
		assertThat(o1(cycle)).containsExactly(0, 0, 0, 1);
		moveEveryO1AnswerToZero(cycle);
		assertThat(o1(cycle)).containsExactly(1, 0, 0, 0);
	}

	@Test
	void aKeptCycleAndAnotherReadTogetherCountEachAsAlone() {
		long march = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 3, 0);
		this.survey.respond(march, 111, null, Map.of("o1", v(3)));
		this.survey.respond(march, 111, null, Map.of("o1", v(2)));
		assertThat(o1(march())).containsExactly(0, 0, 1, 1);
		long april = this.survey.cycle("annual", "2026-04-01", "2026-04-30", "closed", 0, 0, 3, 0);
		this.survey.respond(april, 111, null, Map.of("o1", v(0)));
		List<ResultFigures> trend = this.results.trend(this.survey.organisation, "annual", LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 4, 1), ResultBreakdown.NONE);
		assertThat(trend).hasSize(2);
		assertThat(o1(trend.get(0))).containsExactly(0, 0, 1, 1);
		assertThat(o1(trend.get(1))).containsExactly(1, 0, 0, 0);
		assertThat(trend.get(0).unit(100).orElseThrow().respondents()).isEqualTo(2);
		assertThat(trend.get(1).unit(100).orElseThrow().respondents()).isEqualTo(1);
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
