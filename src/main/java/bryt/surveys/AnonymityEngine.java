package bryt.surveys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.surveys.AnonymityScope.Breakdown;
import bryt.surveys.AnonymityScope.Kind;
import bryt.surveys.AnonymityScope.Respondents;
import bryt.surveys.AnonymityScope.Unit;
import bryt.surveys.AnonymityScope.View;

/**
 * The one anonymity engine (anonymitetsmotorn): decides for every figure a viewer could
 * see whether it is shown, and if not why, applying every rule of issue 13 together. Pure
 * Java, no database, no Spring: pages, exports, the PDF and the API all ask it, so what
 * one output hides no other reveals. The rules and the guarantee are in
 * docs/surveys/anonymity.md.
 *
 * <p>
 * The rules, in the order they are applied until nothing changes:
 * <ol>
 * <li>a figure of an open cycle, of a unit outside the viewer's scope or below the
 * minimum is hidden;</li>
 * <li>complementary suppression, per view: for every shown figure, what remains when its
 * nearest shown sub-units are taken away must be empty or reach the minimum, else the
 * smallest of those sub-units is hidden too, and so on;</li>
 * <li>overlap: two shown figures of different views (filters, pooled windows) that
 * overlap and differ by fewer than the minimum respondents: the smaller one is hidden
 * (for a unit against a larger unit's figure, the later view's);</li>
 * <li>a breakdown is shown only where its figure is and every one of its cells reaches
 * the minimum, and not above a shown sub-unit with a band below the minimum;</li>
 * <li>the check that makes the rules a guarantee: every set of respondents that lies in
 * exactly the same shown figures (a region of their Venn diagram) is empty or reaches the
 * minimum, else a figure around it (or one that alone sets a neighbouring region apart)
 * is hidden: a breakdown first, then a later view's figure, then the smaller.</li>
 * </ol>
 * Each step only hides, so the loop ends; it is polynomial in units, views and bands (no
 * search over subsets).
 */
public final class AnonymityEngine {

	private final Minimums minimums;

	public AnonymityEngine(Minimums minimums) {
		this.minimums = minimums;
	}

	/** Decides every figure of the scope: scores (with breakdowns) and comments. */
	public AnonymityResult decide(AnonymityScope scope) {
		Tree tree = new Tree(scope);
		int[] scoreMinimums = new int[scope.views().size()];
		int[] commentMinimums = new int[scope.views().size()];
		for (int v = 0; v < scoreMinimums.length; v++) {
			boolean exits = scope.views().get(v).kind() == Kind.EXITS;
			scoreMinimums[v] = exits ? this.minimums.exits() : this.minimums.scores();
			commentMinimums[v] = Math.max(this.minimums.comments(), scoreMinimums[v]);
		}
		Run scores = new Run(tree, scope, scoreMinimums, scope.breakdowns());
		scores.decide();
		Run comments = new Run(tree, scope, commentMinimums, List.of());
		comments.decide();
		int views = scope.views().size();
		AnonymityDecision[][] scoreDecisions = new AnonymityDecision[views][];
		AnonymityDecision[][] commentDecisions = new AnonymityDecision[views][];
		AnonymityDecision[][][] breakdownDecisions = new AnonymityDecision[views][scope.breakdowns().size()][];
		for (int v = 0; v < views; v++) {
			scoreDecisions[v] = scores.decisions(v);
			AnonymityDecision[] own = comments.decisions(v);
			commentDecisions[v] = new AnonymityDecision[tree.size];
			for (int u = 0; u < tree.size; u++) {
				commentDecisions[v][u] = scoreDecisions[v][u].shown() ? own[u] : scoreDecisions[v][u];
			}
			for (int b = 0; b < scope.breakdowns().size(); b++) {
				breakdownDecisions[v][b] = scores.breakdownDecisions(v, b);
			}
		}
		return new AnonymityResult(scope, tree.index, scoreDecisions, commentDecisions, breakdownDecisions);
	}

	/**
	 * The unit tree by index, and the respondents by unit and class (one period and one
	 * combination of bands: the finest set any figure can tell apart).
	 */
	private static final class Tree {

		final int size;

		final long[] ids;

		final int[] parent;

		final int[][] children;

		/** Children before their parents. */
		final int[] postOrder;

		final boolean[] visible;

		final Map<Long, Integer> index = new HashMap<>();

		final List<String[]> classes = new ArrayList<>();

		/** Respondents of the unit itself, by class. */
		final int[][] own;

		/** Respondents of the unit and every unit below it, by class. */
		final int[][] subtree;

		Tree(AnonymityScope scope) {
			List<Unit> units = scope.units();
			this.size = units.size();
			this.ids = new long[this.size];
			this.parent = new int[this.size];
			this.visible = new boolean[this.size];
			for (int u = 0; u < this.size; u++) {
				this.ids[u] = units.get(u).id();
				this.index.put(this.ids[u], u);
				this.visible[u] = scope.visible().contains(this.ids[u]);
			}
			List<List<Integer>> kids = new ArrayList<>();
			for (int u = 0; u < this.size; u++) {
				kids.add(new ArrayList<>());
			}
			List<Integer> roots = new ArrayList<>();
			for (int u = 0; u < this.size; u++) {
				Long parentId = units.get(u).parentId();
				this.parent[u] = (parentId != null) ? this.index.get(parentId) : -1;
				if (this.parent[u] < 0) {
					roots.add(u);
				}
				else {
					kids.get(this.parent[u]).add(u);
				}
			}
			this.children = new int[this.size][];
			for (int u = 0; u < this.size; u++) {
				this.children[u] = kids.get(u).stream().mapToInt(Integer::intValue).toArray();
			}
			this.postOrder = postOrder(roots);
			Map<List<String>, Integer> classIndex = new HashMap<>();
			List<int[]> rows = new ArrayList<>();
			for (Respondents row : scope.respondents()) {
				List<String> key = Arrays.asList(row.period(), row.tenureBand(), row.ageBand());
				Integer k = classIndex.get(key);
				if (k == null) {
					k = this.classes.size();
					classIndex.put(key, k);
					this.classes.add(new String[] { row.period(), row.tenureBand(), row.ageBand() });
				}
				rows.add(new int[] { this.index.get(row.unitId()), k, row.count() });
			}
			this.own = new int[this.size][this.classes.size()];
			for (int[] row : rows) {
				this.own[row[0]][row[1]] += row[2];
			}
			this.subtree = new int[this.size][];
			for (int u : this.postOrder) {
				this.subtree[u] = this.own[u].clone();
				for (int child : this.children[u]) {
					for (int k = 0; k < this.classes.size(); k++) {
						this.subtree[u][k] += this.subtree[child][k];
					}
				}
			}
		}

		private int[] postOrder(List<Integer> roots) {
			int[] order = new int[this.size];
			int filled = 0;
			int[] stack = new int[this.size];
			int[] next = new int[this.size];
			for (int root : roots) {
				int depth = 0;
				stack[0] = root;
				next[root] = 0;
				while (depth >= 0) {
					int u = stack[depth];
					if (next[u] < this.children[u].length) {
						int child = this.children[u][next[u]++];
						stack[++depth] = child;
						next[child] = 0;
					}
					else {
						order[filled++] = u;
						depth--;
					}
				}
			}
			if (filled != this.size) {
				throw new IllegalArgumentException(
						"The unit tree has a cycle: " + (this.size - filled) + " units never reach a root.");
			}
			return order;
		}

	}

	/**
	 * One kind of figure a view shows per unit: the view's own (a base figure) or one
	 * band of a breakdown of it.
	 *
	 * @param group the figures shown or hidden together (a breakdown's bands)
	 */
	private record Figure(int view, int breakdown, boolean[] classes, int minimum, int[] group) {

		boolean isBase() {
			return this.breakdown < 0;
		}

	}

	/** The decisions for one set of minimums (scores, or comments). */
	private static final class Run {

		private final Tree tree;

		private final List<View> views;

		private final List<Figure> figures = new ArrayList<>();

		/** Respondents per figure and unit. */
		private final int[][] count;

		/** Null while shown. */
		private final AnonymityReason[][] hidden;

		/** The figures that cover each class. */
		private final int[][] figuresOfClass;

		Run(Tree tree, AnonymityScope scope, int[] minimums, List<Breakdown> breakdowns) {
			this.tree = tree;
			this.views = scope.views();
			int classes = tree.classes.size();
			for (int v = 0; v < this.views.size(); v++) {
				View view = this.views.get(v);
				boolean[] mask = new boolean[classes];
				for (int k = 0; k < classes; k++) {
					String[] c = tree.classes.get(k);
					mask[k] = view.periods().contains(c[0]) && view.filter().matches(c[1], c[2]);
				}
				this.figures.add(new Figure(v, -1, mask, minimums[v], new int[] { v }));
			}
			for (int v = 0; v < this.views.size(); v++) {
				for (int b = 0; b < breakdowns.size(); b++) {
					Breakdown breakdown = breakdowns.get(b);
					int first = this.figures.size();
					int[] group = new int[breakdown.bands().size()];
					for (int j = 0; j < group.length; j++) {
						group[j] = first + j;
					}
					for (String band : breakdown.bands()) {
						boolean[] base = this.figures.get(v).classes();
						boolean[] mask = new boolean[classes];
						for (int k = 0; k < classes; k++) {
							String[] c = tree.classes.get(k);
							mask[k] = base[k] && breakdown.matches(band, c[1], c[2]);
						}
						this.figures.add(new Figure(v, b, mask, minimums[v], group));
					}
				}
			}
			this.count = new int[this.figures.size()][tree.size];
			this.hidden = new AnonymityReason[this.figures.size()][tree.size];
			for (int f = 0; f < this.figures.size(); f++) {
				boolean[] mask = this.figures.get(f).classes();
				for (int u = 0; u < tree.size; u++) {
					int sum = 0;
					for (int k = 0; k < classes; k++) {
						if (mask[k]) {
							sum += tree.subtree[u][k];
						}
					}
					this.count[f][u] = sum;
				}
			}
			this.figuresOfClass = new int[classes][];
			for (int k = 0; k < classes; k++) {
				List<Integer> covering = new ArrayList<>();
				for (int f = 0; f < this.figures.size(); f++) {
					if (this.figures.get(f).classes()[k]) {
						covering.add(f);
					}
				}
				this.figuresOfClass[k] = covering.stream().mapToInt(Integer::intValue).toArray();
			}
		}

		void decide() {
			hideTheObvious();
			boolean changed = true;
			while (changed) {
				changed = complementary();
				changed |= overlaps();
				changed |= breakdownsFollowTheirFigures();
				changed |= breakdownsAboveASmallBand();
				if (!changed) {
					changed = smallRegions();
				}
			}
		}

		private boolean shown(int f, int u) {
			return this.hidden[f][u] == null;
		}

		/**
		 * Hides a figure, a breakdown band with all its bands; true if anything changed.
		 */
		private boolean hide(int f, int u, AnonymityReason reason) {
			boolean changed = false;
			for (int g : this.figures.get(f).group()) {
				if (this.hidden[g][u] == null) {
					this.hidden[g][u] = reason;
					changed = true;
				}
			}
			return changed;
		}

		private void hideTheObvious() {
			for (int f = 0; f < this.figures.size(); f++) {
				Figure figure = this.figures.get(f);
				View view = this.views.get(figure.view());
				for (int u = 0; u < this.tree.size; u++) {
					if (!figure.isBase() && !shown(figure.view(), u)) {
						hide(f, u, this.hidden[figure.view()][u]);
					}
					else if (!this.tree.visible[u]) {
						hide(f, u, AnonymityReason.NOT_IN_SCOPE);
					}
					else if (!view.closed()) {
						hide(f, u, AnonymityReason.NOT_CLOSED);
					}
					else if (this.count[f][u] < figure.minimum()) {
						hide(f, u, figure.isBase() ? AnonymityReason.BELOW_MINIMUM : AnonymityReason.BREAKDOWN);
					}
				}
			}
		}

		/**
		 * Per view, children before parents: what a shown figure has beyond its nearest
		 * shown sub-units must be empty or reach the minimum; else the smallest of those
		 * is hidden, its own nearest shown sub-units take its place, and again.
		 */
		private boolean complementary() {
			boolean changed = false;
			for (int v = 0; v < this.views.size(); v++) {
				int minimum = this.figures.get(v).minimum();
				int[] count = this.count[v];
				List<List<Integer>> nearest = new ArrayList<>(this.tree.size);
				for (int u = 0; u < this.tree.size; u++) {
					nearest.add(null);
				}
				for (int u : this.tree.postOrder) {
					List<Integer> parts = new ArrayList<>();
					for (int child : this.tree.children[u]) {
						if (shown(v, child)) {
							parts.add(child);
						}
						else {
							parts.addAll(nearest.get(child));
						}
					}
					if (shown(v, u)) {
						int rest = count[u];
						for (int part : parts) {
							rest -= count[part];
						}
						while (rest > 0 && rest < minimum && !parts.isEmpty()) {
							int smallest = parts.get(0);
							for (int part : parts) {
								if (count[part] < count[smallest] || (count[part] == count[smallest]
										&& this.tree.ids[part] < this.tree.ids[smallest])) {
									smallest = part;
								}
							}
							hide(v, smallest, AnonymityReason.COMPLEMENTARY);
							changed = true;
							parts.remove(Integer.valueOf(smallest));
							rest += count[smallest];
							for (int below : nearest.get(smallest)) {
								parts.add(below);
								rest -= count[below];
							}
						}
					}
					nearest.set(u, parts);
				}
			}
			return changed;
		}

		/**
		 * Two views' figures of a unit and one of its ancestors (or itself) overlap when
		 * they share respondents; if either has fewer than the minimum beyond the other,
		 * the smaller figure (on a tie the later view's) is hidden.
		 */
		private boolean overlaps() {
			boolean changed = false;
			int classes = this.tree.classes.size();
			for (int v1 = 0; v1 < this.views.size(); v1++) {
				for (int v2 = v1 + 1; v2 < this.views.size(); v2++) {
					boolean[] m1 = this.figures.get(v1).classes();
					boolean[] m2 = this.figures.get(v2).classes();
					int minimum = Math.max(this.figures.get(v1).minimum(), this.figures.get(v2).minimum());
					int[] both = new int[this.tree.size];
					int[] onlyFirst = new int[this.tree.size];
					int[] onlySecond = new int[this.tree.size];
					for (int u = 0; u < this.tree.size; u++) {
						int[] sub = this.tree.subtree[u];
						for (int k = 0; k < classes; k++) {
							if (m1[k] && m2[k]) {
								both[u] += sub[k];
							}
							else if (m1[k]) {
								onlyFirst[u] += sub[k];
							}
							else if (m2[k]) {
								onlySecond[u] += sub[k];
							}
						}
					}
					for (int u = 0; u < this.tree.size; u++) {
						if (both[u] == 0) {
							continue;
						}
						for (int a = u; a >= 0; a = this.tree.parent[a]) {
							// v1 at the unit, v2 at the ancestor
							changed |= overlap(v1, u, v2, a, onlyFirst[u], this.count[v2][a] - both[u], minimum);
							if (a != u) {
								// v1 at the ancestor, v2 at the unit
								changed |= overlap(v1, a, v2, u, this.count[v1][a] - both[u], onlySecond[u], minimum);
							}
						}
					}
				}
			}
			return changed;
		}

		private boolean overlap(int v1, int u1, int v2, int u2, int firstBeyond, int secondBeyond, int minimum) {
			if (!shown(v1, u1) || !shown(v2, u2)) {
				return false;
			}
			boolean revealing = (firstBeyond > 0 && firstBeyond < minimum)
					|| (secondBeyond > 0 && secondBeyond < minimum);
			if (!revealing) {
				return false;
			}
			// The same unit in two views (with and without a filter, two pooled windows):
			// the
			// smaller goes, as issue 13 says. A unit against a larger unit's figure in
			// another
			// view: the later view's goes, so a filter never costs a unit its own figure.
			if (u1 == u2 && this.count[v1][u1] < this.count[v2][u2]) {
				return hide(v1, u1, AnonymityReason.OVERLAP);
			}
			return hide(v2, u2, AnonymityReason.OVERLAP);
		}

		/**
		 * A breakdown of a unit tells, band by band, what its shown sub-units hold; where
		 * a shown sub-unit has a band of fewer than the minimum (so its own breakdown is
		 * hidden), the breakdowns above it would single those few out against the
		 * sub-unit's figure. The region check below would find each such case; this finds
		 * them all in one walk up the tree.
		 */
		private boolean breakdownsAboveASmallBand() {
			boolean changed = false;
			for (int f = this.views.size(); f < this.figures.size(); f++) {
				Figure band = this.figures.get(f);
				if (band.group()[0] != f) {
					continue;
				}
				int v = band.view();
				for (int u = 0; u < this.tree.size; u++) {
					if (!shown(v, u) || shown(f, u)) {
						continue;
					}
					boolean small = false;
					for (int g : band.group()) {
						small |= this.count[g][u] > 0 && this.count[g][u] < band.minimum();
					}
					if (small) {
						for (int a = this.tree.parent[u]; a >= 0; a = this.tree.parent[a]) {
							changed |= hide(f, a, AnonymityReason.BREAKDOWN);
						}
					}
				}
			}
			return changed;
		}

		private boolean breakdownsFollowTheirFigures() {
			boolean changed = false;
			for (int f = this.views.size(); f < this.figures.size(); f++) {
				int v = this.figures.get(f).view();
				for (int u = 0; u < this.tree.size; u++) {
					if (!shown(v, u) && shown(f, u)) {
						changed |= hide(f, u, this.hidden[v][u]);
					}
				}
			}
			return changed;
		}

		/**
		 * The guarantee: group the respondents by the exact set of shown figures that
		 * cover them. Whatever sums and differences of shown figures an attacker forms,
		 * the set it is about is a union of such groups; so every group must be empty or
		 * reach the minimum. A group below it has the smallest shown figure around it
		 * hidden.
		 */
		private boolean smallRegions() {
			Map<Region, int[]> regions = new HashMap<>();
			long[] buffer = new long[64];
			for (int u0 = 0; u0 < this.tree.size; u0++) {
				int[] own = this.tree.own[u0];
				for (int k = 0; k < own.length; k++) {
					if (own[k] == 0) {
						continue;
					}
					int n = 0;
					for (int a = u0; a >= 0; a = this.tree.parent[a]) {
						for (int f : this.figuresOfClass[k]) {
							if (shown(f, a)) {
								if (n == buffer.length) {
									buffer = Arrays.copyOf(buffer, n * 2);
								}
								buffer[n++] = (long) f * this.tree.size + a;
							}
						}
					}
					if (n == 0) {
						continue;
					}
					long[] members = Arrays.copyOf(buffer, n);
					Arrays.sort(members);
					regions.computeIfAbsent(new Region(members), (key) -> new int[1])[0] += own[k];
				}
			}
			Map<Region, List<Long>> small = new HashMap<>();
			for (Map.Entry<Region, int[]> entry : regions.entrySet()) {
				int minimum = 0;
				for (long member : entry.getKey().members()) {
					minimum = Math.max(minimum, this.figures.get((int) (member / this.tree.size)).minimum());
				}
				if (entry.getValue()[0] < minimum) {
					List<Long> candidates = new ArrayList<>();
					for (long member : entry.getKey().members()) {
						candidates.add(member);
					}
					small.put(entry.getKey(), candidates);
				}
			}
			if (small.isEmpty()) {
				return false;
			}
			// Hiding a figure around the small group merges it with the group just
			// outside
			// that figure; hiding the one figure that alone sets a neighbouring group
			// apart
			// (a breakdown band, say) merges that group into the small one. Either may be
			// the
			// smaller loss.
			// A region one member larger is found by its hash less that member's: the
			// hash of a
			// region is the sum of its members' hashes, so no subset is ever built.
			Map<Long, List<Region>> smallByHash = new HashMap<>();
			for (Region region : small.keySet()) {
				smallByHash.computeIfAbsent(region.hash(), (key) -> new ArrayList<>()).add(region);
			}
			for (Region region : regions.keySet()) {
				long hash = region.hash();
				for (long member : region.members()) {
					List<Region> within = smallByHash.get(hash - Region.hash(member));
					if (within == null) {
						continue;
					}
					for (Region candidate : within) {
						if (candidate.members().length == region.members().length - 1
								&& region.containsAll(candidate)) {
							small.get(candidate).add(member);
						}
					}
				}
			}
			boolean changed = false;
			Set<Long> hiddenNow = new HashSet<>();
			List<Region> ordered = new ArrayList<>(small.keySet());
			ordered.sort(Region::compareTo);
			for (Region region : ordered) {
				List<Long> candidates = small.get(region);
				if (candidates.stream().anyMatch(hiddenNow::contains)) {
					continue;
				}
				long smallest = candidates.get(0);
				for (long candidate : candidates) {
					if (smaller((int) (candidate / this.tree.size), (int) (candidate % this.tree.size), smallest)) {
						smallest = candidate;
					}
				}
				int f = (int) (smallest / this.tree.size);
				int u = (int) (smallest % this.tree.size);
				for (int g : this.figures.get(f).group()) {
					hiddenNow.add((long) g * this.tree.size + u);
				}
				changed |= hide(f, u, AnonymityReason.OVERLAP);
			}
			return changed;
		}

		/**
		 * Which of two figures to give up first: a breakdown before a view's own figure,
		 * a later view's before an earlier one's (the scope lists the views in order of
		 * preference), then the smaller, then the unit with the higher id.
		 */
		private boolean smaller(int f, int u, long than) {
			int g = (int) (than / this.tree.size);
			int w = (int) (than % this.tree.size);
			if (keep(f) != keep(g)) {
				return keep(f) < keep(g);
			}
			if (this.count[f][u] != this.count[g][w]) {
				return this.count[f][u] < this.count[g][w];
			}
			return (f != g) ? f > g : this.tree.ids[u] > this.tree.ids[w];
		}

		/**
		 * How much a figure is worth keeping: breakdowns least, then views from the last.
		 */
		private int keep(int f) {
			Figure figure = this.figures.get(f);
			return figure.isBase() ? this.views.size() - figure.view() : 0;
		}

		AnonymityDecision[] decisions(int v) {
			AnonymityDecision[] decisions = new AnonymityDecision[this.tree.size];
			boolean exits = this.views.get(v).kind() == Kind.EXITS;
			for (int u = 0; u < this.tree.size; u++) {
				AnonymityReason reason = this.hidden[v][u];
				if (reason == null) {
					decisions[u] = AnonymityDecision.shownFigure();
					continue;
				}
				decisions[u] = AnonymityDecision.hidden(reason);
				if (exits && reason == AnonymityReason.BELOW_MINIMUM) {
					for (int a = this.tree.parent[u]; a >= 0; a = this.tree.parent[a]) {
						if (shown(v, a)) {
							decisions[u] = AnonymityDecision.rolledUpTo(this.tree.ids[a]);
							break;
						}
					}
				}
			}
			return decisions;
		}

		AnonymityDecision[] breakdownDecisions(int v, int b) {
			int f = -1;
			for (int g = this.views.size(); g < this.figures.size(); g++) {
				if (this.figures.get(g).view() == v && this.figures.get(g).breakdown() == b) {
					f = g;
					break;
				}
			}
			AnonymityDecision[] decisions = new AnonymityDecision[this.tree.size];
			for (int u = 0; u < this.tree.size; u++) {
				AnonymityReason reason = this.hidden[f][u];
				decisions[u] = (reason == null) ? AnonymityDecision.shownFigure() : AnonymityDecision.hidden(reason);
			}
			return decisions;
		}

	}

	/** The shown figures (figure × unit) around a group of respondents, sorted. */
	private record Region(long[] members) implements Comparable<Region> {

		/**
		 * The sum of the members' hashes, so a region less one member is one subtraction.
		 */
		long hash() {
			long sum = 0;
			for (long member : this.members) {
				sum += hash(member);
			}
			return sum;
		}

		/** SplitMix64's finaliser: a member's hash. */
		static long hash(long member) {
			long z = member + 0x9E3779B97F4A7C15L;
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			return z ^ (z >>> 31);
		}

		boolean containsAll(Region other) {
			int i = 0;
			for (long member : other.members) {
				while (i < this.members.length && this.members[i] < member) {
					i++;
				}
				if (i == this.members.length || this.members[i] != member) {
					return false;
				}
			}
			return true;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Region region && Arrays.equals(this.members, region.members);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.members);
		}

		@Override
		public int compareTo(Region other) {
			return Arrays.compare(this.members, other.members);
		}

	}

}
