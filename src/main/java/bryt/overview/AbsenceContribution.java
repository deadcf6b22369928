package bryt.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.overview.AbsenceRepository.AbsenceMonth;
import bryt.overview.FigureDefinition.Format;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * Sick leave in the joint overview, from the {@code absence} import: per unit (summed
 * over the unit and every unit below it) and for the organisation, the quarter's
 * short-term and long-term sick-leave share: the sick-leave hours of the quarter's
 * imported months up to the day the figures describe, divided by the possible hours of
 * the same months. Hours, not an average of monthly shares, so that a month or a unit
 * weighs what its hours weigh.
 *
 * <p>
 * The minimum group: a figure resting on a month with fewer than {@value #MIN_GROUP}
 * employees is hidden (sick leave is health data; in a unit of three, a long-term share
 * tells who is ill). Where a unit's figure is shown and exactly one unit directly below
 * it with anybody is hidden, the smallest shown one is hidden too (and, if it has units
 * below it that are all shown, the smallest of those), so that no subtraction gives the
 * hidden one away. Nothing imported for the quarter is no data.
 */
@Component
class AbsenceContribution implements OverviewContribution {

	static final String SHORT = "absence.shortTermSickLeave";

	static final String LONG = "absence.longTermSickLeave";

	/** The smallest number of employees a month's figure may rest on. */
	static final int MIN_GROUP = 5;

	private static final List<FigureDefinition> DEFINITIONS = List.of(new FigureDefinition(SHORT, 1, Format.SHARE),
			new FigureDefinition(LONG, 1, Format.SHARE));

	private final AbsenceRepository repository;

	private final Organisations organisations;

	AbsenceContribution(AbsenceRepository repository, Organisations organisations) {
		this.repository = repository;
		this.organisations = organisations;
	}

	@Override
	public String source() {
		return "absence";
	}

	@Override
	public List<FigureDefinition> definitions() {
		return DEFINITIONS;
	}

	@Override
	public List<OverviewFigure> figures(Organisation organisation, Quarter quarter, LocalDate asOf) {
		List<AbsenceMonth> months = this.repository.months(organisation.id(), quarter.first(),
				YearMonth.from(asOf).atDay(1));
		List<Unit> units = this.organisations.units(organisation.id());
		Map<Long, Long> parents = new HashMap<>();
		Map<Long, List<Long>> children = new HashMap<>();
		for (Unit unit : units) {
			long parent = (unit.parentId() != null) ? unit.parentId() : OverviewFigure.ORGANISATION;
			parents.put(unit.id(), parent);
			children.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(unit.id());
		}
		// Each month's row counts in its unit, every unit above it and the organisation.
		Map<Long, Sum> sums = new HashMap<>();
		for (AbsenceMonth month : months) {
			Long node = month.unitId();
			while (node != null) {
				sums.computeIfAbsent(node, (k) -> new Sum()).add(month);
				node = (node == OverviewFigure.ORGANISATION) ? null
						: parents.getOrDefault(node, OverviewFigure.ORGANISATION);
			}
		}
		Map<Long, Boolean> hidden = new HashMap<>();
		sums.forEach((node, sum) -> hidden.put(node, sum.tooFew()));
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Map.Entry<Long, Sum> entry : sums.entrySet()) {
				if (hidden.get(entry.getKey())) {
					continue;
				}
				List<Long> below = children.getOrDefault(entry.getKey(), List.of())
					.stream()
					.filter(sums::containsKey)
					.toList();
				if (below.stream().filter(hidden::get).count() == 1) {
					changed |= hideSmallest(below, sums, hidden, children);
				}
			}
		}
		List<OverviewFigure> result = new ArrayList<>();
		add(result, OverviewFigure.ORGANISATION, sums, hidden);
		units.forEach((unit) -> add(result, unit.id(), sums, hidden));
		return result;
	}

	/**
	 * Hides the shown unit with the fewest employees among {@code among}, and below it as
	 * long as everything below is shown.
	 */
	private static boolean hideSmallest(List<Long> among, Map<Long, Sum> sums, Map<Long, Boolean> hidden,
			Map<Long, List<Long>> children) {
		Long smallest = among.stream()
			.filter((node) -> !hidden.get(node))
			.min(Comparator.comparingInt((Long node) -> sums.get(node).fewestEmployees)
				.thenComparing(Comparator.naturalOrder()))
			.orElse(null);
		if (smallest == null) {
			return false;
		}
		hidden.put(smallest, true);
		List<Long> below = children.getOrDefault(smallest, List.of()).stream().filter(sums::containsKey).toList();
		if (!below.isEmpty() && below.stream().noneMatch(hidden::get)) {
			hideSmallest(below, sums, hidden, children);
		}
		return true;
	}

	private static void add(List<OverviewFigure> into, long unitId, Map<Long, Sum> sums, Map<Long, Boolean> hidden) {
		Sum sum = sums.get(unitId);
		if (sum == null) {
			into.add(OverviewFigure.hidden(SHORT, unitId, Hidden.NO_DATA));
			into.add(OverviewFigure.hidden(LONG, unitId, Hidden.NO_DATA));
		}
		else if (hidden.get(unitId)) {
			into.add(OverviewFigure.hidden(SHORT, unitId, Hidden.TOO_FEW));
			into.add(OverviewFigure.hidden(LONG, unitId, Hidden.TOO_FEW));
		}
		else {
			into.add(OverviewFigure.shown(SHORT, unitId, sum.shortHours.doubleValue() / sum.possible.doubleValue()));
			into.add(OverviewFigure.shown(LONG, unitId, sum.longHours.doubleValue() / sum.possible.doubleValue()));
		}
	}

	/** A unit's months summed, and the fewest employees any one month counts. */
	private static final class Sum {

		private final Map<LocalDate, Integer> employees = new HashMap<>();

		private BigDecimal possible = BigDecimal.ZERO;

		private BigDecimal shortHours = BigDecimal.ZERO;

		private BigDecimal longHours = BigDecimal.ZERO;

		private int fewestEmployees = Integer.MAX_VALUE;

		void add(AbsenceMonth month) {
			this.possible = this.possible.add(month.possibleHours());
			this.shortHours = this.shortHours.add(month.shortHours());
			this.longHours = this.longHours.add(month.longHours());
			int total = this.employees.merge(month.month(), month.employees(), Integer::sum);
			this.fewestEmployees = this.employees.values().stream().mapToInt(Integer::intValue).min().orElse(total);
		}

		boolean tooFew() {
			return this.fewestEmployees < MIN_GROUP;
		}

	}

}
