package bryt.surveys;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
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
	private static final List<String> EXIT_PROGRAMS = List.of("exit_first", "exit_second");

	private final Results results;

	SurveyFigures(Results results) {
		this.results = results;
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
		List<Period> periods = new ArrayList<>();
		for (String program : CYCLE_PROGRAMS) {
			for (ResultFigures figures : this.results.trend(organisationId, program, from, to, ResultBreakdown.NONE)) {
				periods.add(new Period(program, figures));
			}
		}
		for (String program : EXIT_PROGRAMS) {
			for (ResultFigures figures : this.results.exitWindows(organisationId, program, YearMonth.from(from),
					YearMonth.from(to), ResultBreakdown.NONE)) {
				periods.add(new Period(program, figures));
			}
		}
		return shown(periods, mayShow);
	}

	private static List<Figure> shown(List<Period> periods, MayShow mayShow) {
		List<Cell> candidates = new ArrayList<>();
		for (Period period : periods) {
			for (ResultUnit unit : period.figures().units()) {
				candidates.addAll(candidates(period, unit));
			}
		}
		Set<Cell> shown = Set.copyOf(mayShow.shown(List.copyOf(candidates)));
		List<Figure> figures = new ArrayList<>();
		for (Period period : periods) {
			for (ResultUnit unit : period.figures().units()) {
				figures.add(figure(period, unit, shown));
			}
		}
		return figures;
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

	private static Figure figure(Period period, ResultUnit unit, Set<Cell> shown) {
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
		return new Figure(period.program(), period.start(), period.end(), unit.unitId(), unit.parentUnitId(),
				unit.name(), participation, areaIndices, recommend, reasons, comeBack, hidden);
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
	 * @param hidden the figures the engine hid
	 */
	public record Figure(String program, LocalDate periodStart, LocalDate periodEnd, long unitId, Long parentUnitId,
			String unitName, Integer participationPercent, Map<String, Integer> areaIndices, Integer recommendScore,
			List<ExitReason> exitReasons, List<ComeBack> comeBack, Set<Measure> hidden) {

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

}
