package bryt.surveys;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.surveys.AnonymityScope.Breakdown;
import bryt.surveys.AnonymityScope.Dimension;
import bryt.surveys.AnonymityScope.Respondents;
import bryt.surveys.AnonymityScope.Unit;
import bryt.surveys.AnonymityScope.View;

/**
 * A differencing attacker, written apart from the engine: it takes every figure the
 * engine lets the viewer see, as the set of respondents it covers, and derives what sums
 * and differences of them reveal. A finding is a non-empty derived set of fewer than the
 * minimum respondents.
 */
final class AnonymityAttack {

	/** How many derived sets the open-ended search builds before it stops. */
	private static final int DERIVED_LIMIT = 600;

	private final AnonymityScope scope;

	private final List<Respondents> rows;

	/** Every shown figure, by a name for messages, as a set of rows. */
	private final Map<String, BitSet> shown = new LinkedHashMap<>();

	private final int minimum;

	private AnonymityAttack(AnonymityScope scope, int minimum) {
		this.scope = scope;
		this.rows = scope.respondents();
		this.minimum = minimum;
	}

	/** Fails with the first finding in the scores or the comments the result shows. */
	static void assertNothingBelowTheMinimum(AnonymityScope scope, AnonymityResult result, int minimum) {
		String finding = findings(scope, result, minimum, false);
		if (finding == null) {
			finding = findings(scope, result, Minimums.DEFAULT.comments(), true);
		}
		if (finding != null) {
			throw new AssertionError(finding);
		}
	}

	/**
	 * The first finding, or null.
	 * @param comments attack the comments shown rather than the scores
	 */
	static String findings(AnonymityScope scope, AnonymityResult result, int minimum, boolean comments) {
		AnonymityAttack attack = new AnonymityAttack(scope, minimum);
		for (View view : scope.views()) {
			for (Unit unit : scope.units()) {
				AnonymityDecision decision = comments ? result.comments(view.key(), unit.id())
						: result.scores(view.key(), unit.id());
				if (!decision.shown()) {
					continue;
				}
				BitSet figure = attack.rowsOf(view, unit.id(), null, null);
				attack.shown.put(view.key() + "@" + unit.id(), figure);
				if (comments) {
					continue;
				}
				for (Breakdown breakdown : scope.breakdowns()) {
					if (result.breakdown(view.key(), unit.id(), breakdown.key()).shown()) {
						for (String band : breakdown.bands()) {
							attack.shown.put(view.key() + "@" + unit.id() + "/" + band,
									attack.rowsOf(view, unit.id(), breakdown, band));
						}
					}
				}
			}
		}
		return attack.attack();
	}

	private String attack() {
		String finding = parentMinusShownChildren();
		if (finding == null) {
			finding = pairwiseDifferences();
		}
		if (finding == null) {
			finding = repeatedDifferences();
		}
		if (finding == null) {
			finding = regions();
		}
		return finding;
	}

	/** Per view: a shown figure minus the figures of its shown children. */
	private String parentMinusShownChildren() {
		for (View view : this.scope.views()) {
			for (Unit unit : this.scope.units()) {
				BitSet parent = this.shown.get(view.key() + "@" + unit.id());
				if (parent == null) {
					continue;
				}
				BitSet rest = (BitSet) parent.clone();
				List<String> children = new ArrayList<>();
				for (Unit child : this.scope.units()) {
					BitSet figure = this.shown.get(view.key() + "@" + child.id());
					if (figure != null && Long.valueOf(unit.id()).equals(child.parentId())) {
						rest.andNot(figure);
						children.add(child.id() + "");
					}
				}
				if (small(rest)) {
					return view.key() + "@" + unit.id() + " minus its shown children " + children + " leaves "
							+ size(rest) + " respondents";
				}
			}
		}
		return null;
	}

	/**
	 * Any shown figure minus any other it overlaps: a figure nested in it (a sub-unit,
	 * the same unit filtered), or one beside it (the next pooled window).
	 */
	private String pairwiseDifferences() {
		for (Map.Entry<String, BitSet> a : this.shown.entrySet()) {
			for (Map.Entry<String, BitSet> b : this.shown.entrySet()) {
				if (a.getValue().intersects(b.getValue())) {
					BitSet difference = (BitSet) a.getValue().clone();
					difference.andNot(b.getValue());
					if (small(difference)) {
						return a.getKey() + " minus " + b.getKey() + " leaves " + size(difference) + " respondents";
					}
				}
			}
		}
		return null;
	}

	/** Differences of differences, as far as {@link #DERIVED_LIMIT} sets. */
	private String repeatedDifferences() {
		List<BitSet> derived = new ArrayList<>(new HashSet<>(this.shown.values()));
		Set<BitSet> seen = new HashSet<>(derived);
		for (int i = 0; i < derived.size() && derived.size() < DERIVED_LIMIT; i++) {
			BitSet a = derived.get(i);
			for (int j = 0; j <= i && derived.size() < DERIVED_LIMIT; j++) {
				BitSet b = derived.get(j);
				if (!a.intersects(b)) {
					continue;
				}
				for (BitSet difference : List.of(minus(a, b), minus(b, a))) {
					if (small(difference)) {
						return "a difference of differences of shown figures leaves " + size(difference)
								+ " respondents: rows " + difference;
					}
					if (!difference.isEmpty() && seen.add(difference)) {
						derived.add(difference);
					}
				}
			}
		}
		return null;
	}

	/**
	 * The respondents that lie in exactly the same shown figures: every set the attacker
	 * can derive is a union of these, so none may be small.
	 */
	private String regions() {
		Map<Set<String>, Integer> regions = new HashMap<>();
		for (int row = 0; row < this.rows.size(); row++) {
			Set<String> around = new HashSet<>();
			for (Map.Entry<String, BitSet> figure : this.shown.entrySet()) {
				if (figure.getValue().get(row)) {
					around.add(figure.getKey());
				}
			}
			if (!around.isEmpty()) {
				regions.merge(around, this.rows.get(row).count(), Integer::sum);
			}
		}
		for (Map.Entry<Set<String>, Integer> region : regions.entrySet()) {
			if (region.getValue() > 0 && region.getValue() < this.minimum) {
				return region.getValue() + " respondents lie in exactly " + region.getKey();
			}
		}
		return null;
	}

	private BitSet rowsOf(View view, long unitId, Breakdown breakdown, String band) {
		Set<Long> subtree = subtree(unitId);
		BitSet set = new BitSet();
		for (int row = 0; row < this.rows.size(); row++) {
			Respondents r = this.rows.get(row);
			boolean in = r.count() > 0 && subtree.contains(r.unitId()) && view.periods().contains(r.period())
					&& (view.filter().tenureBand() == null || view.filter().tenureBand().equals(r.tenureBand()))
					&& (view.filter().ageBand() == null || view.filter().ageBand().equals(r.ageBand()));
			if (in && breakdown != null) {
				in = band.equals((breakdown.dimension() == Dimension.TENURE) ? r.tenureBand() : r.ageBand());
			}
			set.set(row, in);
		}
		return set;
	}

	private Set<Long> subtree(long unitId) {
		Set<Long> subtree = new HashSet<>(Set.of(unitId));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Unit unit : this.scope.units()) {
				if (unit.parentId() != null && subtree.contains(unit.parentId())) {
					grew |= subtree.add(unit.id());
				}
			}
		}
		return subtree;
	}

	private static BitSet minus(BitSet a, BitSet b) {
		BitSet difference = (BitSet) a.clone();
		difference.andNot(b);
		return difference;
	}

	private boolean small(BitSet set) {
		int size = size(set);
		return size > 0 && size < this.minimum;
	}

	private int size(BitSet set) {
		int size = 0;
		for (int row = set.nextSetBit(0); row >= 0; row = set.nextSetBit(row + 1)) {
			size += this.rows.get(row).count();
		}
		return size;
	}

}
