package bryt.surveys;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of closed cycles, before suppression: one cycle, the trend of a program
 * over its closed cycles, and the pooled exit figures of a rolling 12 months. Only closed
 * cycles count: no running scores. Each answer reads its counts in one read-only
 * transaction on one snapshot (repeatable read), so its figures agree with each other
 * even while a cycle is being closed or a late answer written.
 */
@Service
class Results {

	/** How many calendar months an exit window pools, the month it ends in included. */
	static final int EXIT_WINDOW_MONTHS = 12;

	private final ResultsRepository repository;

	Results(ResultsRepository repository) {
		this.repository = repository;
	}

	/**
	 * Each closed cycle of a program that opened in a period, oldest first, with its
	 * figures.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<ResultFigures> trend(long organisationId, String program, LocalDate from, LocalDate to,
			ResultBreakdown breakdown) {
		List<ResultCycle> cycles = this.repository.closedCycles(organisationId, program, from, to);
		ResultRows rows = this.repository.rows(cycles.stream().map(ResultCycle::id).toList(), breakdown);
		Map<Long, ResultInstrument> instruments = new HashMap<>();
		List<ResultFigures> trend = new ArrayList<>();
		for (ResultCycle cycle : cycles) {
			trend.add(ResultCalculator.figures(cycle.opensOn(), cycle.closesOn(), List.of(cycle),
					instrument(instruments, cycle), rows, breakdown));
		}
		return trend;
	}

	/**
	 * For each month from {@code first} to {@code last}: the exit figures of one stage
	 * ({@code exit_first} or {@code exit_second}) pooled over the closed cycles that
	 * opened in the {@value #EXIT_WINDOW_MONTHS} calendar months ending with that month
	 * (the 13th month back is out); a month whose window holds no cycle has no entry.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<ResultFigures> exitWindows(long organisationId, String program, YearMonth first, YearMonth last,
			ResultBreakdown breakdown) {
		List<ResultCycle> cycles = this.repository.closedCycles(organisationId, program, windowStart(first).atDay(1),
				last.atEndOfMonth());
		ResultRows rows = this.repository.rows(cycles.stream().map(ResultCycle::id).toList(), breakdown);
		Map<Long, ResultInstrument> instruments = new HashMap<>();
		List<ResultFigures> windows = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			List<ResultCycle> pool = pool(cycles, month);
			if (!pool.isEmpty()) {
				windows.add(ResultCalculator.figures(windowStart(month).atDay(1), month.atEndOfMonth(), pool,
						instrument(instruments, pool.getLast()), rows, breakdown));
			}
		}
		return windows;
	}

	/** The first month of the window that ends with {@code month}. */
	static YearMonth windowStart(YearMonth month) {
		return month.minusMonths(EXIT_WINDOW_MONTHS - 1);
	}

	/**
	 * Of the cycles (oldest first), those that opened in the window ending with a month.
	 */
	static List<ResultCycle> pool(List<ResultCycle> cycles, YearMonth month) {
		LocalDate from = windowStart(month).atDay(1);
		LocalDate to = month.atEndOfMonth();
		return cycles.stream()
			.filter((cycle) -> !cycle.opensOn().isBefore(from) && !cycle.opensOn().isAfter(to))
			.toList();
	}

	private ResultInstrument instrument(Map<Long, ResultInstrument> instruments, ResultCycle cycle) {
		return instruments.computeIfAbsent(cycle.instrumentId(), this.repository::instrument);
	}

}
