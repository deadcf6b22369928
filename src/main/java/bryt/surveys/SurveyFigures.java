package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The surveys' figures for the joint overview, per unit and period: participation (to the
 * nearest 10 %), area indices, the would-recommend score and the pooled exit reasons —
 * counts and indices only, never an answer or a comment, and only of closed cycles.
 *
 * <p>
 * Nothing leaves without the anonymity engine's say: the caller passes a {@link MayShow},
 * which is given every figure the answer would hold at once (so it can see siblings,
 * parents, periods and overlaps together) and returns those that may be shown; the others
 * are left out and listed as hidden. A unit's figures cover its descendants'.
 *
 * <p>
 * Periods: an annual or pulse cycle is its own period (its first to last day); exit
 * figures are given per calendar month, each pooled over the rolling 12 months ending
 * with it.
 */
@Service
public class SurveyFigures {

	/** The programs whose cycles are periods of their own. */
	private static final List<String> CYCLE_PROGRAMS = List.of("annual", "pulse");

	/** The exit survey's stages, pooled over rolling windows. */
	static final List<String> EXIT_PROGRAMS = List.of("exit_first", "exit_second");

	/** Bounds that take in every cycle there is. */
	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private final ResultsRepository repository;

	private final ActionPlans actions;

	private final Clock clock;

	/** The engine's minimums, as set ({@code bryt.surveys.minimum-*}). */
	private final Minimums minimums;

	SurveyFigures(ResultsRepository repository, ActionPlans actions, Clock clock, Minimums minimums) {
		this.repository = repository;
		this.actions = actions;
		this.clock = clock;
		this.minimums = minimums;
	}

	/**
	 * An organisation's figures for the annual and pulse cycles that opened from
	 * {@code from} to {@code to}, and for each exit stage per month from {@code from}'s
	 * month to {@code to}'s, as {@link #figures(long, LocalDate, LocalDate, MayShow)},
	 * with the anonymity engine ({@link AnonymityEngine}) deciding what may be shown:
	 * <em>per measure</em>, each on the respondents it rests on (those who answered the
	 * area or the item), with complementary suppression over the unit tree within each
	 * measure. An annual or pulse cycle is decided on its own snapshot; an exit stage's
	 * rolling windows are decided together as {@code EXITS} views (overlapping windows
	 * are what a differencing attack combines), on the latest snapshot's tree, and a unit
	 * too small is rolled up to its parent.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<Figure> figures(long organisationId, LocalDate from, LocalDate to) {
		Read read = read(organisationId, from, to);
		EngineDecision engine = new EngineDecision(read.rows(), this.minimums);
		// Every exit window there is goes to the engine, not only those asked for: the
		// decision must not depend on the request, or two requests could be subtracted.
		List<Cell> decided = new ArrayList<>();
		read.decided()
			.forEach((period) -> period.figures().units().forEach((unit) -> decided.addAll(candidates(period, unit))));
		Map<Cell, AnonymityDecision> decisions = engine.decisions(decided);
		return shown(organisationId, read.periods(), (candidates) -> {
			Set<Cell> shown = new HashSet<>();
			candidates.stream()
				.filter((cell) -> decisions.containsKey(cell) && decisions.get(cell).shown())
				.forEach(shown::add);
			return shown;
		});
	}

	/**
	 * One exit stage's figures pooled over the 12 months ending with {@code month}
	 * (before suppression; {@code null} when the window holds no closed cycle), and the
	 * engine's decision on each of its figures, per unit and measure: decided with every
	 * window of the stage, as {@link #figures(long, LocalDate, LocalDate)} does, so the
	 * exit pages, their exports and the API show the same figures.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	ExitWindow exitWindow(long organisationId, String program, YearMonth month) {
		Map<String, ResultRows> rows = new HashMap<>();
		List<Period> all = exitPeriods(organisationId, program, rows, new HashMap<>());
		List<Cell> candidates = new ArrayList<>();
		all.forEach(
				(period) -> period.figures().units().forEach((unit) -> candidates.addAll(candidates(period, unit))));
		Map<Cell, AnonymityDecision> decisions = new EngineDecision(rows, this.minimums).decisions(candidates);
		LocalDate end = month.atEndOfMonth();
		Period chosen = all.stream().filter((period) -> period.end().equals(end)).findFirst().orElse(null);
		Map<Long, Map<Measure, AnonymityDecision>> byUnit = new HashMap<>();
		if (chosen != null) {
			for (ResultUnit unit : chosen.figures().units()) {
				Map<Measure, AnonymityDecision> each = new LinkedHashMap<>();
				for (Cell cell : candidates(chosen, unit)) {
					each.put(cell.measure(), decisions.get(cell));
				}
				byUnit.put(unit.unitId(), each);
			}
		}
		return new ExitWindow(program, month, (chosen != null) ? chosen.figures() : null, byUnit);
	}

	/**
	 * An exit stage's window ending with a month: its figures before suppression
	 * ({@code null} without a closed cycle in it) and, per unit and measure that has a
	 * figure, the engine's decision (a measure without one has no figure).
	 */
	record ExitWindow(String program, YearMonth month, ResultFigures figures,
			Map<Long, Map<Measure, AnonymityDecision>> decisions) {

		AnonymityDecision decision(long unitId, Measure measure) {
			return this.decisions.getOrDefault(unitId, Map.of()).get(measure);
		}

	}

	/**
	 * An organisation's figures for the annual and pulse cycles that opened from
	 * {@code from} to {@code to}, and for each exit stage per month from {@code from}'s
	 * month to {@code to}'s, ordered by program, period and unit; only what
	 * {@code mayShow} lets through.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<Figure> figures(long organisationId, LocalDate from, LocalDate to, MayShow mayShow) {
		Objects.requireNonNull(mayShow, "the anonymity engine decides what may be shown");
		return shown(organisationId, read(organisationId, from, to).periods(), mayShow);
	}

	/**
	 * The periods' figures before suppression and, per program, the counts they were
	 * computed from (the engine needs each unit's own counts, not the rolled-up ones).
	 */
	private Read read(long organisationId, LocalDate from, LocalDate to) {
		List<Period> periods = new ArrayList<>();
		Map<String, ResultRows> rows = new HashMap<>();
		Map<Long, ResultInstrument> instruments = new HashMap<>();
		for (String program : CYCLE_PROGRAMS) {
			List<ResultCycle> cycles = this.repository.closedCycles(organisationId, program, from, to);
			ResultRows counted = this.repository.rows(cycles.stream().map(ResultCycle::id).toList(),
					ResultBreakdown.NONE);
			rows.put(program, counted);
			for (ResultCycle cycle : cycles) {
				periods.add(new Period(program, ResultCalculator.figures(cycle.opensOn(), cycle.closesOn(),
						List.of(cycle), instrument(instruments, cycle), counted, ResultBreakdown.NONE)));
			}
		}
		List<Period> decided = new ArrayList<>(periods);
		YearMonth first = YearMonth.from(from);
		YearMonth last = YearMonth.from(to);
		for (String program : EXIT_PROGRAMS) {
			for (Period period : exitPeriods(organisationId, program, rows, instruments)) {
				decided.add(period);
				YearMonth month = YearMonth.from(period.end());
				if (!month.isBefore(first) && !month.isAfter(last)) {
					periods.add(period);
				}
			}
		}
		return new Read(periods, decided, rows);
	}

	/**
	 * Every window of an exit stage that holds a closed cycle: from the first cycle's
	 * month to 11 months after the last's, so the set does not depend on what is asked.
	 */
	private List<Period> exitPeriods(long organisationId, String program, Map<String, ResultRows> rows,
			Map<Long, ResultInstrument> instruments) {
		List<ResultCycle> cycles = this.repository.closedCycles(organisationId, program, EARLIEST, LATEST);
		ResultRows counted = this.repository.rows(cycles.stream().map(ResultCycle::id).toList(), ResultBreakdown.NONE);
		rows.put(program, counted);
		List<Period> periods = new ArrayList<>();
		for (YearMonth month : finalMonths(organisationId, program, cycles)) {
			List<ResultCycle> pool = Results.pool(cycles, month);
			periods.add(new Period(program,
					ResultCalculator.figures(Results.windowStart(month).atDay(1), month.atEndOfMonth(), pool,
							instrument(instruments, pool.getLast()), counted, ResultBreakdown.NONE)));
		}
		return periods;
	}

	/**
	 * The newest month whose window is final for either exit stage, which the exit
	 * results page opens on; empty before any stage has one.
	 */
	@Transactional(readOnly = true)
	Optional<YearMonth> newestFinalExitMonth(long organisationId) {
		Optional<YearMonth> newest = Optional.empty();
		for (String program : EXIT_PROGRAMS) {
			List<YearMonth> months = finalMonths(organisationId, program,
					this.repository.closedCycles(organisationId, program, EARLIEST, LATEST));
			if (!months.isEmpty() && (newest.isEmpty() || months.getLast().isAfter(newest.get()))) {
				newest = Optional.of(months.getLast());
			}
		}
		return newest;
	}

	/**
	 * The months, oldest first, whose window of a stage is final: it holds a closed cycle
	 * and no month of it may still gain answers. Only final windows are shown (the second
	 * review's H1): a window whose months may still gain answers would change once they
	 * come, and the two versions of it, each shown in its time, would differ by those few
	 * leavers. A month may still gain answers while its cycle is open (the exit job makes
	 * each month's cycles on its first run of the month: ExitSurveys.openMonth), and the
	 * current month before its cycle is made. A cycle of a past month is never made
	 * later.
	 */
	private List<YearMonth> finalMonths(long organisationId, String program, List<ResultCycle> cycles) {
		List<YearMonth> months = new ArrayList<>();
		if (cycles.isEmpty()) {
			return months;
		}
		YearMonth current = YearMonth.now(this.clock);
		Set<YearMonth> unclosed = new HashSet<>();
		this.repository.unclosedOpenings(organisationId, program)
			.forEach((opening) -> unclosed.add(YearMonth.from(opening)));
		if (cycles.stream().noneMatch((cycle) -> YearMonth.from(cycle.opensOn()).equals(current))) {
			unclosed.add(current);
		}
		YearMonth end = YearMonth.from(cycles.getLast().opensOn()).plusMonths(Results.EXIT_WINDOW_MONTHS - 1);
		for (YearMonth month = YearMonth.from(cycles.getFirst().opensOn()); !month.isAfter(end); month = month
			.plusMonths(1)) {
			YearMonth last = month;
			boolean open = month.isAfter(current) || unclosed.stream()
				.anyMatch((opened) -> !opened.isAfter(last) && !opened.isBefore(Results.windowStart(last)));
			if (!open && !Results.pool(cycles, month).isEmpty()) {
				months.add(month);
			}
		}
		return months;
	}

	private ResultInstrument instrument(Map<Long, ResultInstrument> instruments, ResultCycle cycle) {
		return instruments.computeIfAbsent(cycle.instrumentId(), this.repository::instrument);
	}

	private List<Figure> shown(long organisationId, List<Period> periods, MayShow mayShow) {
		List<Cell> candidates = new ArrayList<>();
		for (Period period : periods) {
			for (ResultUnit unit : period.figures().units()) {
				candidates.addAll(candidates(period, unit));
			}
		}
		Set<Cell> shown = Set.copyOf(mayShow.shown(List.copyOf(candidates)));
		Map<ActionKey, int[]> actions = actions(organisationId);
		List<Figure> figures = new ArrayList<>();
		for (Period period : periods) {
			for (ResultUnit unit : period.figures().units()) {
				figures.add(figure(period, unit, shown, actions));
			}
		}
		return figures;
	}

	/**
	 * Per cycle and unit, the actions in each status (in {@link ActionStatus}'s order)
	 * and, last, how many of them are overdue today.
	 */
	private Map<ActionKey, int[]> actions(long organisationId) {
		LocalDate today = LocalDate.now(this.clock);
		Map<ActionKey, int[]> counts = new HashMap<>();
		for (SurveyAction action : this.actions.all(organisationId)) {
			int[] each = counts.computeIfAbsent(new ActionKey(action.cycleId(), action.unitId()),
					(key) -> new int[ActionStatus.values().length + 1]);
			each[action.status().ordinal()]++;
			if (action.overdue(today)) {
				each[ActionStatus.values().length]++;
			}
		}
		return counts;
	}

	/** Every figure of a unit that has a value, as a cell for the engine. */
	private static List<Cell> candidates(Period period, ResultUnit unit) {
		List<Cell> cells = new ArrayList<>();
		if (unit.participation().measured()) {
			cells.add(cell(period, unit, new Measure(Measure.Kind.PARTICIPATION, null), unit.respondents()));
		}
		unit.areaIndices().forEach((area, index) -> {
			if (index.responses() > 0) {
				cells.add(cell(period, unit, new Measure(Measure.Kind.AREA_INDEX, area), index.responses()));
			}
		});
		recommend(unit).ifPresent((entry) -> cells
			.add(cell(period, unit, new Measure(Measure.Kind.RECOMMEND, entry.getKey()), entry.getValue().answered())));
		if (period.exit()) {
			for (Distribution distribution : unit.distributions()) {
				Measure.Kind kind = switch (distribution.kind()) {
					case "reasons" -> Measure.Kind.EXIT_REASONS;
					case "yes_no" -> Measure.Kind.COME_BACK;
					default -> null;
				};
				if (kind != null && distribution.answered() > 0) {
					cells.add(cell(period, unit, new Measure(kind, distribution.itemKey()), distribution.answered()));
				}
			}
		}
		return cells;
	}

	private static Figure figure(Period period, ResultUnit unit, Set<Cell> shown, Map<ActionKey, int[]> actions) {
		Set<Measure> hidden = new LinkedHashSet<>();
		Integer participation = null;
		if (unit.participation().measured()) {
			Measure measure = new Measure(Measure.Kind.PARTICIPATION, null);
			if (shown.contains(cell(period, unit, measure, unit.respondents()))) {
				participation = unit.participation().percent();
			}
			else {
				hidden.add(measure);
			}
		}
		Map<String, Integer> areaIndices = new LinkedHashMap<>();
		unit.areaIndices().forEach((area, index) -> {
			if (index.responses() > 0) {
				Measure measure = new Measure(Measure.Kind.AREA_INDEX, area);
				if (shown.contains(cell(period, unit, measure, index.responses()))) {
					areaIndices.put(area, index.rounded());
				}
				else {
					hidden.add(measure);
				}
			}
		});
		Integer recommend = null;
		Optional<Map.Entry<String, RecommendScore>> entry = recommend(unit);
		if (entry.isPresent()) {
			Measure measure = new Measure(Measure.Kind.RECOMMEND, entry.get().getKey());
			if (shown.contains(cell(period, unit, measure, entry.get().getValue().answered()))) {
				recommend = entry.get().getValue().rounded();
			}
			else {
				hidden.add(measure);
			}
		}
		List<ExitReason> reasons = new ArrayList<>();
		List<ComeBack> comeBack = new ArrayList<>();
		if (period.exit()) {
			for (Distribution distribution : unit.distributions()) {
				boolean isReasons = distribution.kind().equals("reasons");
				if ((!isReasons && !distribution.kind().equals("yes_no")) || distribution.answered() == 0) {
					continue;
				}
				Measure measure = new Measure(isReasons ? Measure.Kind.EXIT_REASONS : Measure.Kind.COME_BACK,
						distribution.itemKey());
				if (!shown.contains(cell(period, unit, measure, distribution.answered()))) {
					hidden.add(measure);
				}
				else if (isReasons) {
					for (int position = 0; position < distribution.counts().size(); position++) {
						reasons.add(new ExitReason(distribution.itemKey(), position,
								distribution.counts().get(position), distribution.answered()));
					}
				}
				else {
					comeBack.add(new ComeBack(distribution.itemKey(), distribution.counts().get(1),
							distribution.counts().get(0), distribution.counts().get(2)));
				}
			}
		}
		Actions plans = null;
		if (!period.exit()) {
			int[] counts = actions.get(new ActionKey(period.figures().cycles().getFirst().id(), unit.unitId()));
			plans = (counts == null) ? Actions.NONE
					: new Actions(counts[ActionStatus.PLANNED.ordinal()], counts[ActionStatus.IN_PROGRESS.ordinal()],
							counts[ActionStatus.DONE.ordinal()], counts[ActionStatus.DROPPED.ordinal()],
							counts[ActionStatus.values().length]);
		}
		return new Figure(period.program(), period.start(), period.end(), unit.unitId(), unit.parentUnitId(),
				unit.name(), participation, areaIndices, recommend, reasons, comeBack, plans, hidden);
	}

	/** The first recommend item's score, when anyone answered it. */
	private static Optional<Map.Entry<String, RecommendScore>> recommend(ResultUnit unit) {
		return unit.recommend().entrySet().stream().findFirst().filter((entry) -> entry.getValue().answered() > 0);
	}

	private static Cell cell(Period period, ResultUnit unit, Measure measure, int respondents) {
		return new Cell(period.program(), period.start(), period.end(),
				period.figures().cycles().stream().map(ResultCycle::id).toList(), unit.unitId(), unit.parentUnitId(),
				measure, respondents);
	}

	/**
	 * The anonymity engine as a {@link MayShow}: one decision per program and measure
	 * (and per cycle for annual and pulse cycles), each unit weighed by its own
	 * respondents to that measure, so a figure resting on fewer people than its unit
	 * (skipped items) is suppressed on its own and its siblings complement it.
	 */
	private static final class EngineDecision implements MayShow {

		private final Map<String, ResultRows> rows;

		private final AnonymityEngine engine;

		private final Minimums minimums;

		EngineDecision(Map<String, ResultRows> rows, Minimums minimums) {
			this.rows = rows;
			this.engine = new AnonymityEngine(minimums);
			this.minimums = minimums;
		}

		@Override
		public Set<Cell> shown(List<Cell> candidates) {
			Set<Cell> shown = new HashSet<>();
			decisions(candidates).forEach((cell, decision) -> {
				if (decision.shown()) {
					shown.add(cell);
				}
			});
			return shown;
		}

		/** The engine's decision on each candidate, with its reason when hidden. */
		Map<Cell, AnonymityDecision> decisions(List<Cell> candidates) {
			Map<List<Object>, List<Cell>> decisions = new LinkedHashMap<>();
			for (Cell cell : candidates) {
				boolean exit = EXIT_PROGRAMS.contains(cell.program());
				// An annual or pulse cycle has its own snapshot and respondents no other
				// cycle shares; an exit stage's windows overlap and are decided together.
				List<Object> key = exit ? List.of(cell.program(), cell.measure())
						: List.of(cell.program(), cell.measure(), cell.cycleIds().getFirst());
				decisions.computeIfAbsent(key, (k) -> new ArrayList<>()).add(cell);
			}
			Map<Cell, AnonymityDecision> decided = new HashMap<>();
			decisions.forEach((key, cells) -> decided
				.putAll(EXIT_PROGRAMS.contains(cells.getFirst().program()) ? decideInTurn(cells) : decide(cells)));
			// As the results page (ResultsPage.decision): an annual or pulse cycle's
			// figure is shown only where its unit's row (participation) is, so the page,
			// its exports, the PDF and this API show the same figures.
			Map<List<Object>, AnonymityDecision> rowsShown = new HashMap<>();
			decided.forEach((cell, decision) -> {
				if (!EXIT_PROGRAMS.contains(cell.program()) && cell.measure().kind() == Measure.Kind.PARTICIPATION) {
					rowsShown.put(List.of(cell.cycleIds().getFirst(), cell.unitId()), decision);
				}
			});
			decided.replaceAll((cell, decision) -> {
				if (EXIT_PROGRAMS.contains(cell.program()) || !decision.shown()) {
					return decision;
				}
				AnonymityDecision row = rowsShown.get(List.of(cell.cycleIds().getFirst(), cell.unitId()));
				return (row == null || row.shown()) ? decision : row;
			});
			return decided;
		}

		/**
		 * An exit stage's windows decided in the order they became final, each with every
		 * earlier window, so that a window's decision never changes when a later month
		 * closes (the second review's H1: a window shown last month, hidden now in favour
		 * of this month's, let the two be subtracted). A window is shown as the engine
		 * decides only when that run leaves every earlier window's decision as it was;
		 * otherwise all its figures are hidden. What is shown over time is then always
		 * one engine run's decision.
		 */
		private Map<Cell, AnonymityDecision> decideInTurn(List<Cell> cells) {
			java.util.TreeMap<LocalDate, List<Cell>> windows = new java.util.TreeMap<>();
			cells.forEach((cell) -> windows.computeIfAbsent(cell.periodEnd(), (end) -> new ArrayList<>()).add(cell));
			Map<Cell, AnonymityDecision> fixed = new HashMap<>();
			List<Cell> earlier = new ArrayList<>();
			for (List<Cell> window : windows.values()) {
				List<Cell> run = new ArrayList<>(earlier);
				run.addAll(window);
				Map<Cell, AnonymityDecision> decided = decide(run);
				boolean kept = earlier.stream()
					.allMatch((cell) -> decided.get(cell).shown() == fixed.get(cell).shown());
				for (Cell cell : window) {
					fixed.put(cell, kept ? decided.get(cell) : AnonymityDecision.hidden(AnonymityReason.OVERLAP));
				}
				earlier.addAll(window);
			}
			return fixed;
		}

		/** The engine's decision on the cells of one program and measure (and cycle). */
		private Map<Cell, AnonymityDecision> decide(List<Cell> cells) {
			Cell first = cells.getFirst();
			boolean exit = EXIT_PROGRAMS.contains(first.program());
			ResultRows counted = this.rows.getOrDefault(first.program(),
					new ResultRows(List.of(), List.of(), List.of(), List.of(), List.of()));
			Set<Long> cycles = new HashSet<>();
			cells.forEach((cell) -> cycles.addAll(cell.cycleIds()));
			counted = counted.of(cycles);
			// The tree: each unit's parent in the latest snapshot (the highest cycle id)
			// that holds it; for one cycle, its own snapshot.
			Map<Long, ResultRows.Group> latest = new HashMap<>();
			for (ResultRows.Group group : counted.groups()) {
				latest.merge(group.unitId(), group, (a, b) -> (a.cycleId() >= b.cycleId()) ? a : b);
			}
			List<AnonymityScope.Unit> units = new ArrayList<>();
			latest.values()
				.forEach((group) -> units.add(new AnonymityScope.Unit(group.unitId(),
						(group.parentUnitId() != null && latest.containsKey(group.parentUnitId()))
								? group.parentUnitId() : null)));
			List<AnonymityScope.Respondents> respondents = new ArrayList<>();
			own(counted, first.measure()).forEach((unitCycle, count) -> {
				if (latest.containsKey(unitCycle.unitId())) {
					respondents.add(new AnonymityScope.Respondents(unitCycle.unitId(), period(unitCycle.cycleId()),
							null, null, count));
				}
			});
			// Views in order of preference: the oldest window first, whose decision is
			// already out (decideInTurn).
			Map<String, Set<String>> views = new LinkedHashMap<>();
			cells.stream()
				.sorted(java.util.Comparator.comparing(Cell::periodEnd))
				.forEach((cell) -> views.computeIfAbsent(view(cell),
						(k) -> new HashSet<>(cell.cycleIds().stream().map(EngineDecision::period).toList())));
			List<AnonymityScope.View> scopeViews = new ArrayList<>();
			views.forEach((key, periods) -> scopeViews
				.add(new AnonymityScope.View(key, exit ? AnonymityScope.Kind.EXITS : AnonymityScope.Kind.SCORES,
						periods, AnonymityScope.Filter.ANY, true)));
			AnonymityResult result = this.engine
				.decide(AnonymityScope.wholeOrganisation(units, respondents, scopeViews, List.of()));
			int minimum = exit ? this.minimums.exits() : this.minimums.scores();
			Map<Cell, AnonymityDecision> decided = new HashMap<>();
			for (Cell cell : cells) {
				// A unit outside every snapshot, or a figure whose own count is below
				// the minimum (the engine counts on the latest tree; a reorganisation
				// between pooled months could differ), is never shown.
				if (!latest.containsKey(cell.unitId())) {
					decided.put(cell, AnonymityDecision.hidden(AnonymityReason.BELOW_MINIMUM));
					continue;
				}
				AnonymityDecision decision = result.scores(view(cell), cell.unitId());
				if (decision.shown() && cell.respondents() < minimum) {
					decision = AnonymityDecision.hidden(AnonymityReason.BELOW_MINIMUM);
				}
				decided.put(cell, decision);
			}
			return decided;
		}

		private static String view(Cell cell) {
			return cell.periodStart() + "/" + cell.periodEnd();
		}

		private static String period(long cycleId) {
			return "cycle-" + cycleId;
		}

		/**
		 * Per unit and cycle, how many responses the measure rests on in the unit itself.
		 */
		private static Map<UnitCycle, Integer> own(ResultRows rows, Measure measure) {
			Map<UnitCycle, Integer> own = new HashMap<>();
			switch (measure.kind()) {
				case PARTICIPATION -> rows.respondents()
					.forEach((row) -> own.merge(new UnitCycle(row.unitId(), row.cycleId()), row.responses(),
							Integer::sum));
				case AREA_INDEX -> rows.areas()
					.stream()
					.filter((row) -> row.areaKey().equals(measure.key()))
					.forEach((row) -> own.merge(new UnitCycle(row.unitId(), row.cycleId()), row.responses(),
							Integer::sum));
				// A reasons item holds several values per response: its answered count
				// is read apart (the row without a value); any other item holds one.
				case EXIT_REASONS -> rows.values()
					.stream()
					.filter((row) -> row.itemKey().equals(measure.key()) && row.value() == null)
					.forEach((row) -> own.merge(new UnitCycle(row.unitId(), row.cycleId()), row.responses(),
							Integer::sum));
				case RECOMMEND,
						COME_BACK ->
					rows.values()
						.stream()
						.filter((row) -> row.itemKey().equals(measure.key()) && row.value() != null)
						.forEach((row) -> own.merge(new UnitCycle(row.unitId(), row.cycleId()), row.responses(),
								Integer::sum));
			}
			return own;
		}

		private record UnitCycle(long unitId, long cycleId) {

		}

	}

	/**
	 * @param periods the periods asked for
	 * @param decided the periods the engine decides on together: those asked for and
	 * every exit window
	 */
	private record Read(List<Period> periods, List<Period> decided, Map<String, ResultRows> rows) {

	}

	private record ActionKey(long cycleId, long unitId) {

	}

	private record Period(String program, ResultFigures figures) {

		LocalDate start() {
			return this.figures.periodStart();
		}

		LocalDate end() {
			return this.figures.periodEnd();
		}

		boolean exit() {
			return EXIT_PROGRAMS.contains(this.program);
		}

	}

	/**
	 * The anonymity engine's decision over all the figures one answer would hold.
	 */
	@FunctionalInterface
	public interface MayShow {

		/**
		 * Of the candidate cells, those that may be shown; any other is hidden.
		 */
		Set<Cell> shown(List<Cell> candidates);

	}

	/**
	 * One figure as the engine sees it: where it comes from and how many responses it
	 * rests on.
	 *
	 * @param program the program
	 * @param periodStart first day of the period
	 * @param periodEnd last day of the period
	 * @param cycleIds the cycles pooled (one for an annual or pulse cycle)
	 * @param unitId the unit (with its descendants)
	 * @param parentUnitId its parent in the latest snapshot, {@code null} for a top unit
	 * @param measure which figure
	 * @param respondents the responses the figure rests on: all of the unit's for
	 * participation, those that answered the area, the item otherwise
	 */
	public record Cell(String program, LocalDate periodStart, LocalDate periodEnd, List<Long> cycleIds, long unitId,
			Long parentUnitId, Measure measure, int respondents) {

		public Cell {
			cycleIds = List.copyOf(cycleIds);
		}

	}

	/**
	 * Which figure of a unit and period.
	 *
	 * @param kind the kind
	 * @param key the area or item key, {@code null} for participation
	 */
	public record Measure(Kind kind, String key) {

		public enum Kind {

			PARTICIPATION, AREA_INDEX, RECOMMEND, EXIT_REASONS, COME_BACK

		}

	}

	/**
	 * A unit's figures in a period; a figure the engine hid is {@code null} (or absent)
	 * and listed in {@code hidden}, a figure without data is {@code null} and not listed.
	 *
	 * @param program {@code annual}, {@code pulse}, {@code exit_first} or
	 * {@code exit_second}
	 * @param periodStart first day of the period
	 * @param periodEnd last day of the period
	 * @param unitId the unit, with its descendants
	 * @param parentUnitId its parent in the latest snapshot
	 * @param unitName its name in the latest snapshot
	 * @param participationPercent to the nearest 10 %, {@code null} when nobody was
	 * invited or hidden
	 * @param areaIndices per scored area, the index 0–100 rounded
	 * @param recommendScore −100 to +100 rounded
	 * @param exitReasons per reason, how many leavers named it (exit stages only)
	 * @param comeBack the answers to "would you come back?" (exit stages only)
	 * @param actions the unit's action plan for the cycle, in figures ({@code null} for
	 * the exit stages, which have no action plans)
	 * @param hidden the figures the engine hid
	 */
	public record Figure(String program, LocalDate periodStart, LocalDate periodEnd, long unitId, Long parentUnitId,
			String unitName, Integer participationPercent, Map<String, Integer> areaIndices, Integer recommendScore,
			List<ExitReason> exitReasons, List<ComeBack> comeBack, Actions actions, Set<Measure> hidden) {

		public Figure {
			areaIndices = Collections.unmodifiableMap(new LinkedHashMap<>(areaIndices));
			exitReasons = List.copyOf(exitReasons);
			comeBack = List.copyOf(comeBack);
			hidden = Collections.unmodifiableSet(new LinkedHashSet<>(hidden));
		}

	}

	/**
	 * A leaving reason in a period.
	 *
	 * @param itemKey the reasons item
	 * @param position the reason's position in the fixed list
	 * @param leavers how many named it
	 * @param answered how many answered the item
	 */
	public record ExitReason(String itemKey, int position, int leavers, int answered) {

	}

	/**
	 * The answers to a yes/no item of the exit survey ("would you come back?").
	 *
	 * @param itemKey the item
	 * @param yes answered yes
	 * @param no answered no
	 * @param dontKnow answered don't know
	 */
	public record ComeBack(String itemKey, int yes, int no, int dontKnow) {

	}

	/**
	 * A unit's action plan for a cycle in figures: how many actions are in each status,
	 * and how many of the open ones are past their due date today. Counts of the
	 * employer's actions, not of answers: no minimum applies.
	 */
	public record Actions(int planned, int inProgress, int done, int dropped, int overdue) {

		/** No action plan. */
		public static final Actions NONE = new Actions(0, 0, 0, 0, 0);

	}

}
