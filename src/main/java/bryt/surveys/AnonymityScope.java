package bryt.surveys;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one viewer could see of a survey's results, which the anonymity engine
 * decides on together, because a differencing attack combines all of it: the unit tree
 * (as of the cycle's snapshot), how many answered where, the views (a cycle or a pooled
 * window, each with a filter) and the breakdowns the pages offer.
 *
 * <p>
 * A unit's figure covers its own respondents and those of every unit below it. For the
 * same figures in front of every party, decide once with every unit {@code visible} and
 * show each viewer the decisions of its own units: that is safe for any combination of
 * viewers, because hiding is decided for the union of everything shown.
 *
 * @param units the unit tree: every unit once, parents before or after their children
 * @param visible the units whose figures this viewer may see (the union: the units it
 * represents; the committee: all)
 * @param respondents how many answered, per unit (its own, not its sub-units'), period
 * and band
 * @param views what the viewer can look at, in the order of preference: when two views
 * tie, the later one's figure is hidden first
 * @param breakdowns the breakdowns offered for every view and unit
 */
public record AnonymityScope(List<Unit> units, Set<Long> visible, List<Respondents> respondents, List<View> views,
		List<Breakdown> breakdowns) {

	public AnonymityScope {
		units = List.copyOf(units);
		visible = Set.copyOf(visible);
		respondents = List.copyOf(respondents);
		views = List.copyOf(views);
		breakdowns = List.copyOf(breakdowns);
		Set<Long> ids = new HashSet<>();
		for (Unit unit : units) {
			if (!ids.add(unit.id())) {
				throw new IllegalArgumentException("Unit " + unit.id() + " is listed twice.");
			}
		}
		for (Unit unit : units) {
			if (unit.parentId() != null && !ids.contains(unit.parentId())) {
				throw new IllegalArgumentException(
						"Unit " + unit.id() + " names parent " + unit.parentId() + ", which is not in the tree.");
			}
		}
		for (Long id : visible) {
			if (!ids.contains(id)) {
				throw new IllegalArgumentException("Visible unit " + id + " is not in the tree.");
			}
		}
		for (Respondents row : respondents) {
			if (!ids.contains(row.unitId())) {
				throw new IllegalArgumentException(
						"Respondents counted in unit " + row.unitId() + ", which is not in the tree.");
			}
		}
		Set<String> keys = new HashSet<>();
		for (View view : views) {
			if (!keys.add(view.key())) {
				throw new IllegalArgumentException("View " + view.key() + " is listed twice.");
			}
		}
		keys.clear();
		for (Breakdown breakdown : breakdowns) {
			if (!keys.add(breakdown.key())) {
				throw new IllegalArgumentException("Breakdown " + breakdown.key() + " is listed twice.");
			}
		}
	}

	/** The whole organisation: every unit visible (the committee's view). */
	public static AnonymityScope wholeOrganisation(List<Unit> units, List<Respondents> respondents, List<View> views,
			List<Breakdown> breakdowns) {
		Set<Long> all = new HashSet<>();
		units.forEach((unit) -> all.add(unit.id()));
		return new AnonymityScope(units, all, respondents, views, breakdowns);
	}

	/**
	 * A unit as it was at the cycle's snapshot.
	 *
	 * @param parentId null for a root
	 */
	public record Unit(long id, Long parentId) {

		public Unit {
			if (parentId != null && parentId == id) {
				throw new IllegalArgumentException("Unit " + id + " is its own parent.");
			}
		}

	}

	/**
	 * How many answered in one unit (its own staff, not its sub-units'), in one period
	 * and with one combination of bands.
	 *
	 * @param period the cycle (an annual survey, a pulse) or the month (exit surveys), as
	 * the views name it
	 * @param tenureBand null when unknown
	 * @param ageBand null when unknown
	 */
	public record Respondents(long unitId, String period, String tenureBand, String ageBand, int count) {

		public Respondents {
			Objects.requireNonNull(period, "period");
			if (count < 0) {
				throw new IllegalArgumentException("Unit " + unitId + " has " + count + " respondents in " + period
						+ "; a count is never negative.");
			}
		}

	}

	/** Which minimum a view's figures need. */
	public enum Kind {

		/** A survey cycle's scores: {@link Minimums#scores()}. */
		SCORES,

		/** Exit answers pooled over a window: {@link Minimums#exits()}. */
		EXITS

	}

	/**
	 * A filter on the respondents' bands; null matches any band (and an unknown one).
	 */
	public record Filter(String tenureBand, String ageBand) {

		public static final Filter ANY = new Filter(null, null);

		boolean matches(String tenure, String age) {
			return (this.tenureBand == null || this.tenureBand.equals(tenure))
					&& (this.ageBand == null || this.ageBand.equals(age));
		}

	}

	/**
	 * One view of the results: the respondents of some periods (one cycle, or the months
	 * of a pooled window) that match a filter.
	 *
	 * @param closed whether every period of the view has closed; results of an open cycle
	 * are never shown
	 */
	public record View(String key, Kind kind, Set<String> periods, Filter filter, boolean closed) {

		public View {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(filter, "filter");
			periods = Set.copyOf(periods);
			if (periods.isEmpty()) {
				throw new IllegalArgumentException("View " + key + " covers no period.");
			}
		}

	}

	/** What a breakdown splits by. */
	public enum Dimension {

		TENURE, AGE

	}

	/**
	 * A breakdown of every view's figures into bands, shown for a unit only when every
	 * band reaches the minimum.
	 *
	 * @param bands every band of the dimension, as the respondents carry them
	 */
	public record Breakdown(String key, Dimension dimension, List<String> bands) {

		public Breakdown {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(dimension, "dimension");
			bands = List.copyOf(bands);
			if (bands.isEmpty()) {
				throw new IllegalArgumentException("Breakdown " + key + " has no band.");
			}
		}

		boolean matches(String band, String tenure, String age) {
			return band.equals((this.dimension == Dimension.TENURE) ? tenure : age);
		}

	}

}
