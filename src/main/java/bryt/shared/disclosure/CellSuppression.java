package bryt.shared.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One complementary suppression for a table of additive counts over a unit tree, for
 * every module that shows counts per unit (issues 14 and 15; docs/safety/figures.md and
 * docs/overview/figures.md, "Hiding across units").
 *
 * <p>
 * The table: rows are units (and the organisation), each with an optional parent, and
 * every parent's count in a column is the sum of its children's plus its own part (the
 * part is worked out here and never shown); columns may be related within a row (a total
 * is the sum of its parts, e.g. incidents and their categories, or a whole and a part
 * with the rest as an unpublished column). Each cell is {@link Mark#SHOWN}, a count the
 * minimum-group rule hid ({@link Mark#SMALL}: the page says it is 1 to threshold − 1),
 * hidden for another reason ({@link Mark#HIDDEN}: the page says nothing of it, so 0 or
 * more), or never shown ({@link Mark#UNPUBLISHED}). A unit's own part that is 0 is taken
 * as known (a unit without staff of its own is no secret); one that is not is unknown to
 * the reader and, like an unpublished cell, must not follow when it is 1 to threshold − 1
 * (it is a small group of its own).
 *
 * <p>
 * {@link Builder#protect()} hides further shown cells until no hidden cell (and no small
 * own part or unpublished cell) can be worked out exactly by a reader who knows every
 * shown number, every relation and the bounds above. Two readers are checked each round:
 * <ul>
 * <li>linear: Gauss–Jordan elimination over the relations (exact integer arithmetic); a
 * cell is worked out when some combination of relations leaves it alone (one equation
 * with a single hidden cell is the simplest case: parent less its shown children);</li>
 * <li>bounds: the intervals propagated through every relation to a fixed point; a cell is
 * worked out when its interval is one value (two hidden "1 to 2" cells whose shown
 * residual is 2 are both 1).</li>
 * </ul>
 * Each round, for each cell worked out, one shown cell of the relation with the fewest
 * unknowns that contains it is hidden: the smallest value first, then the table's order
 * (rows as added, columns as added), so the same data always hides the same cells. Both
 * readers are sound but not complete together (a reader combining bounds with eliminated
 * relations may learn a range, never shown here as one value in the tests); the
 * exhaustive reader of {@code CellSuppressionTests} checks small trees.
 *
 * <p>
 * Hand-written: no maintained Java library for tabular cell suppression is published on
 * Maven Central (τ-ARGUS is a desktop program; sdcTable and GaussSuppression are R
 * packages). The idea of the linear reader is GaussSuppression's (Langsrud).
 */
public final class CellSuppression {

	private CellSuppression() {
	}

	/** What the page says of a cell. */
	public enum Mark {

		/** The number is shown. */
		SHOWN,

		/** Hidden by the minimum-group rule: the page says it is 1 to threshold − 1. */
		SMALL,

		/** Hidden so that another cannot be worked out: 0 or more. */
		HIDDEN,

		/** Never shown (a rest, an own part): 0 or more; protected when small. */
		UNPUBLISHED,

		/**
		 * Shown and never to be hidden: a cell this reader sees in full (a unit whose
		 * incidents they handle); known to the reader, never a candidate.
		 */
		KNOWN

	}

	/**
	 * One cell: a row's id and a column's name.
	 *
	 * @param row the row (a unit's id)
	 * @param column the column
	 */
	public record Cell(long row, String column) {
	}

	/**
	 * What the pass decided.
	 *
	 * @param secondary the cells to show as hidden (neither a number nor "under the
	 * threshold"), in the table's order: shown cells, and cells under the threshold whose
	 * bounds alone would give them away
	 * @param exposed cells that could still be worked out because no shown cell was left
	 * to hide beside them (empty in every table the tests build)
	 */
	public record Result(Set<Cell> secondary, Set<Cell> exposed) {

		/** Whether the cell is to be shown as hidden. */
		public boolean hides(long row, String column) {
			return this.secondary.contains(new Cell(row, column));
		}

	}

	/**
	 * A table to protect.
	 * @param threshold the smallest count shown: a {@link Mark#SMALL} cell is 1 to
	 * {@code threshold − 1}
	 */
	public static Builder table(int threshold) {
		return new Builder(threshold);
	}

	/** A table being described, then protected. */
	public static final class Builder {

		private final int threshold;

		private final List<Long> rows = new ArrayList<>();

		private final Map<Long, Long> parents = new HashMap<>();

		private final List<String> columns = new ArrayList<>();

		private final List<List<String>> sums = new ArrayList<>();

		private final Map<Cell, Long> values = new HashMap<>();

		private final Map<Cell, Mark> marks = new HashMap<>();

		private Builder(int threshold) {
			if (threshold < 2) {
				throw new IllegalArgumentException("A threshold below 2 hides nothing");
			}
			this.threshold = threshold;
		}

		/** The columns, in the order ties are broken. */
		public Builder columns(List<String> names) {
			names.forEach((name) -> {
				if (!this.columns.contains(name)) {
					this.columns.add(name);
				}
			});
			return this;
		}

		/** Within every row, {@code total} is the sum of {@code parts}. */
		public Builder sum(String total, List<String> parts) {
			List<String> relation = new ArrayList<>();
			relation.add(total);
			relation.addAll(parts);
			columns(relation);
			this.sums.add(List.copyOf(relation));
			return this;
		}

		/**
		 * A row, in the order ties are broken; {@code parent} {@code null} for a top row
		 * (a parent not in the table is ignored).
		 */
		public Builder row(long id, Long parent) {
			if (this.rows.contains(id)) {
				throw new IllegalArgumentException("Row " + id + " twice");
			}
			this.rows.add(id);
			if (parent != null) {
				this.parents.put(id, parent);
			}
			return this;
		}

		/** A cell's true value and what the page says of it. */
		public Builder cell(long row, String column, long value, Mark mark) {
			if (value < 0) {
				throw new IllegalArgumentException("A count is not negative: " + row + "/" + column);
			}
			columns(List.of(column));
			Cell cell = new Cell(row, column);
			this.values.put(cell, value);
			this.marks.put(cell, Objects.requireNonNull(mark));
			return this;
		}

		/** The shown cells to hide as well. */
		public Result protect() {
			for (long row : this.rows) {
				for (String column : this.columns) {
					if (!this.values.containsKey(new Cell(row, column))) {
						throw new IllegalArgumentException("No value for " + row + "/" + column);
					}
				}
			}
			return new Pass(this).run();
		}

	}

	/** The rounds of checking and hiding. */
	private static final class Pass {

		private final Builder table;

		private final Map<Cell, Mark> marks;

		/** The order of every published cell: rows as added, then columns. */
		private final Map<Cell, Integer> order = new HashMap<>();

		private final Map<Long, List<Long>> children = new LinkedHashMap<>();

		Pass(Builder table) {
			this.table = table;
			this.marks = new HashMap<>(table.marks);
			int index = 0;
			for (long row : table.rows) {
				for (String column : table.columns) {
					this.order.put(new Cell(row, column), index++);
				}
			}
			for (long row : table.rows) {
				Long parent = table.parents.get(row);
				if (parent != null && table.rows.contains(parent)) {
					this.children.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(row);
				}
			}
		}

		Result run() {
			Set<Cell> secondary = new LinkedHashSet<>();
			Set<Cell> exposed = new LinkedHashSet<>();
			int rounds = this.order.size() + 1;
			while (rounds-- > 0) {
				Relations system = system();
				List<Integer> worked = system.workedOut();
				if (worked.isEmpty()) {
					exposed.clear();
					break;
				}
				exposed.clear();
				Set<Cell> hideNow = new LinkedHashSet<>();
				for (int variable : worked) {
					Cell candidate = system.complement(variable, this.order, this.table.values);
					if (candidate != null) {
						hideNow.add(candidate);
					}
					else {
						exposed.add(system.variables.get(variable).cell);
					}
				}
				if (hideNow.isEmpty()) {
					break;
				}
				for (Cell cell : hideNow) {
					this.marks.put(cell, Mark.HIDDEN);
					secondary.add(cell);
				}
			}
			List<Cell> sorted = new ArrayList<>(secondary);
			sorted.sort(Comparator.comparing(this.order::get));
			return new Result(Collections.unmodifiableSet(new LinkedHashSet<>(sorted)),
					Collections.unmodifiableSet(exposed));
		}

		/** The relations as the reader sees them with the current marks. */
		private Relations system() {
			Relations system = new Relations(this.table.threshold);
			List<Long> rows = this.table.rows;
			Map<Long, Map<String, Term>> own = new HashMap<>();
			for (long row : rows) {
				Map<String, Term> terms = new HashMap<>();
				for (String column : this.table.columns) {
					Cell cell = new Cell(row, column);
					terms.put(column, system.term(cell, this.table.values.get(cell), this.marks.get(cell)));
				}
				own.put(row, terms);
			}
			// Each row's sums.
			for (long row : rows) {
				for (List<String> sum : this.table.sums) {
					system.equation(own.get(row), sum);
				}
			}
			// Down the tree: parent = children + own part, per column.
			for (Map.Entry<Long, List<Long>> entry : this.children.entrySet()) {
				long parent = entry.getKey();
				Map<String, Term> direct = new HashMap<>();
				for (String column : this.table.columns) {
					long rest = this.table.values.get(new Cell(parent, column));
					for (long child : entry.getValue()) {
						rest -= this.table.values.get(new Cell(child, column));
					}
					if (rest < 0) {
						// Not additive here (the caller's figures do not add up): no
						// relation is claimed for this column under this parent.
						continue;
					}
					Term part = system.ownPart(new Cell(parent, column), rest);
					direct.put(column, part);
					List<Term> terms = new ArrayList<>();
					terms.add(own.get(parent).get(column));
					for (long child : entry.getValue()) {
						terms.add(own.get(child).get(column).negated());
					}
					terms.add(part.negated());
					system.equation(terms);
				}
				// The own part is a row of its own: its sums hold as well.
				for (List<String> sum : this.table.sums) {
					if (sum.stream().allMatch(direct::containsKey)) {
						system.equation(direct, sum);
					}
				}
			}
			return system;
		}

	}

	/** A cell in a relation: a known number, or an unknown with a coefficient. */
	private record Term(long known, int variable, int coefficient) {

		Term negated() {
			return new Term(-this.known, this.variable, -this.coefficient);
		}

	}

	/** An unknown of the reader. */
	private static final class Variable {

		final Cell cell;

		final Mark mark;

		final double low;

		final double high;

		final boolean guarded;

		Variable(Cell cell, Mark mark, double low, double high, boolean guarded) {
			this.cell = cell;
			this.mark = mark;
			this.low = low;
			this.high = high;
			this.guarded = guarded;
		}

	}

	/**
	 * One equation: the sum of coefficient × unknown equals {@code constant}; with the
	 * shown cells in it (the candidates to hide).
	 */
	private record Equation(int[] variables, int[] coefficients, long constant, List<Cell> shown) {
	}

	/** The reader's system of relations and bounds. */
	private static final class Relations {

		private final int threshold;

		final List<Variable> variables = new ArrayList<>();

		final List<Equation> equations = new ArrayList<>();

		/**
		 * The unknowns that relations without a shown cell pin by their bounds alone:
		 * hiding a shown cell cannot help them.
		 */
		private final Set<Integer> pinnedByHiddenAlone = new java.util.HashSet<>();

		/** The shown cells by their terms' ids, for the equations' candidates. */
		private final Map<Integer, Cell> shownByTerm = new HashMap<>();

		private int shownTerms;

		Relations(int threshold) {
			this.threshold = threshold;
		}

		boolean small(long value) {
			return value > 0 && value < this.threshold;
		}

		Term term(Cell cell, long value, Mark mark) {
			return switch (mark) {
				case SHOWN -> {
					int id = -(++this.shownTerms);
					this.shownByTerm.put(id, cell);
					yield new Term(value, id, 0);
				}
				case KNOWN -> new Term(value, 0, 0);
				case SMALL -> variable(cell, mark, 1, this.threshold - 1, true);
				case HIDDEN -> variable(cell, mark, 0, Double.POSITIVE_INFINITY, true);
				case UNPUBLISHED -> variable(cell, mark, 0, Double.POSITIVE_INFINITY, small(value));
			};
		}

		/** A unit's own part: known when 0, else unknown and guarded when small. */
		Term ownPart(Cell parent, long value) {
			if (value == 0) {
				return new Term(0, 0, 0);
			}
			return variable(parent, Mark.UNPUBLISHED, 0, Double.POSITIVE_INFINITY, small(value));
		}

		private Term variable(Cell cell, Mark mark, double low, double high, boolean guarded) {
			this.variables.add(new Variable(cell, mark, low, high, guarded));
			return new Term(0, this.variables.size() - 1, 1);
		}

		void equation(Map<String, Term> row, List<String> sum) {
			List<Term> terms = new ArrayList<>();
			terms.add(row.get(sum.get(0)));
			for (String part : sum.subList(1, sum.size())) {
				terms.add(row.get(part).negated());
			}
			equation(terms);
		}

		void equation(List<Term> terms) {
			Map<Integer, Integer> coefficients = new LinkedHashMap<>();
			long constant = 0;
			List<Cell> shown = new ArrayList<>();
			for (Term term : terms) {
				if (term.coefficient() == 0) {
					// Known: moved to the right-hand side.
					constant -= term.known();
					Cell cell = this.shownByTerm.get(term.variable());
					if (cell != null) {
						shown.add(cell);
					}
				}
				else {
					coefficients.merge(term.variable(), term.coefficient(), Integer::sum);
				}
			}
			coefficients.values().removeIf((c) -> c == 0);
			if (coefficients.isEmpty()) {
				return;
			}
			int[] variables = coefficients.keySet().stream().mapToInt(Integer::intValue).toArray();
			int[] values = coefficients.values().stream().mapToInt(Integer::intValue).toArray();
			this.equations.add(new Equation(variables, values, constant, shown));
		}

		/** The guarded unknowns the reader can work out, in order. */
		List<Integer> workedOut() {
			Set<Integer> worked = new java.util.TreeSet<>(linear());
			double[][] bounds = bounds(this.equations);
			double[][] alone = bounds(this.equations.stream().filter((e) -> e.shown().isEmpty()).toList());
			for (int v = 0; v < this.variables.size(); v++) {
				if (bounds[0][v] >= bounds[1][v]) {
					worked.add(v);
				}
				if (alone[0][v] >= alone[1][v]) {
					this.pinnedByHiddenAlone.add(v);
				}
			}
			worked.removeIf((v) -> !this.variables.get(v).guarded);
			return new ArrayList<>(worked);
		}

		/** The unknowns some combination of the relations leaves alone. */
		private Set<Integer> linear() {
			Elimination elimination = new Elimination();
			for (Equation equation : this.equations) {
				Map<Integer, Long> row = new java.util.TreeMap<>();
				for (int i = 0; i < equation.variables().length; i++) {
					row.put(equation.variables()[i], (long) equation.coefficients()[i]);
				}
				elimination.add(row);
			}
			return elimination.determined();
		}

		/**
		 * Every unknown's interval, propagated through the relations: {low, high}. A
		 * contradiction (low above high) cannot arise from true bounds and is taken as
		 * worked out, which only hides more.
		 */
		private double[][] bounds(List<Equation> equations) {
			int n = this.variables.size();
			double[] low = new double[n];
			double[] high = new double[n];
			for (int v = 0; v < n; v++) {
				low[v] = this.variables.get(v).low;
				high[v] = this.variables.get(v).high;
			}
			boolean changed = true;
			for (int round = 0; changed && round < 200; round++) {
				changed = false;
				for (Equation equation : equations) {
					int[] vs = equation.variables();
					int[] cs = equation.coefficients();
					for (int k = 0; k < vs.length; k++) {
						double smallest = 0;
						double largest = 0;
						for (int i = 0; i < vs.length; i++) {
							if (i == k) {
								continue;
							}
							double a = cs[i] * low[vs[i]];
							double b = cs[i] * high[vs[i]];
							smallest += Math.min(a, b);
							largest += Math.max(a, b);
						}
						// cs[k] · x = constant − rest
						double from = (equation.constant() - largest) / cs[k];
						double to = (equation.constant() - smallest) / cs[k];
						double lo = Math.ceil(Math.min(from, to) - 1e-9);
						double hi = Math.floor(Math.max(from, to) + 1e-9);
						if (lo > low[vs[k]]) {
							low[vs[k]] = lo;
							changed = true;
						}
						if (hi < high[vs[k]]) {
							high[vs[k]] = hi;
							changed = true;
						}
					}
				}
			}
			return new double[][] { low, high };
		}

		/**
		 * The cell to hide beside a worked-out unknown: from the relation with the fewest
		 * unknowns that has a shown cell, the smallest value, then the table's order.
		 * When no relation of it has a shown cell left (a total under the threshold whose
		 * parts are all under it: the bounds alone pin them), a cell "under the
		 * threshold" of its relations is shown as hidden instead, which widens its bounds
		 * to 0 or more.
		 */
		Cell complement(int variable, Map<Cell, Integer> order, Map<Cell, Long> values) {
			Comparator<Cell> smallestFirst = Comparator.comparing((Cell cell) -> values.get(cell))
				.thenComparing(order::get);
			if (!this.pinnedByHiddenAlone.contains(variable)) {
				Cell shown = nearestShown(variable, smallestFirst);
				if (shown != null) {
					return shown;
				}
			}
			for (Equation equation : holding(variable)) {
				if (!equation.shown().isEmpty()) {
					continue;
				}
				java.util.Optional<Cell> small = java.util.Arrays.stream(equation.variables())
					.mapToObj(this.variables::get)
					.filter((v) -> v.mark == Mark.SMALL)
					.map((v) -> v.cell)
					.min(smallestFirst);
				if (small.isPresent()) {
					return small.get();
				}
			}
			return nearestShown(variable, smallestFirst);
		}

		/**
		 * A shown cell of the nearest relations: those holding the unknown, else those
		 * holding an unknown of those, and so on (an own part is pinned through its
		 * parent's and children's relations); the relation with the fewest unknowns
		 * first, then the smallest value.
		 */
		private Cell nearestShown(int variable, Comparator<Cell> smallestFirst) {
			Set<Integer> seenVariables = new java.util.HashSet<>(Set.of(variable));
			Set<Equation> seen = new java.util.HashSet<>();
			List<Equation> level = holding(variable);
			while (!level.isEmpty()) {
				seen.addAll(level);
				java.util.Optional<Equation> withShown = level.stream()
					.filter((equation) -> !equation.shown().isEmpty())
					.min(Comparator.comparingInt((Equation equation) -> equation.variables().length));
				if (withShown.isPresent()) {
					return withShown.get().shown().stream().min(smallestFirst).orElseThrow();
				}
				List<Equation> next = new ArrayList<>();
				for (Equation equation : level) {
					for (int v : equation.variables()) {
						if (seenVariables.add(v)) {
							holding(v).stream()
								.filter((e) -> !seen.contains(e) && !next.contains(e))
								.forEach(next::add);
						}
					}
				}
				level = next;
			}
			return null;
		}

		private final Map<Integer, List<Equation>> holdingIndex = new HashMap<>();

		/** The relations holding an unknown, in the order they were added. */
		private List<Equation> holding(int variable) {
			if (this.holdingIndex.isEmpty()) {
				for (Equation equation : this.equations) {
					for (int v : equation.variables()) {
						this.holdingIndex.computeIfAbsent(v, (k) -> new ArrayList<>()).add(equation);
					}
				}
			}
			return this.holdingIndex.getOrDefault(variable, List.of());
		}

		private static boolean contains(Equation equation, int variable) {
			for (int v : equation.variables()) {
				if (v == variable) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Gauss–Jordan elimination on integer rows (sparse, fraction-free, each row divided
	 * by the greatest common divisor of its coefficients), keeping the rows reduced:
	 * every row has one pivot and otherwise only unknowns that are no pivot. A pivot
	 * whose row holds nothing else is determined.
	 */
	private static final class Elimination {

		private final Map<Integer, Map<Integer, Long>> rowOfPivot = new HashMap<>();

		/** For each unknown, the pivots whose rows hold it. */
		private final Map<Integer, Set<Integer>> rowsHolding = new HashMap<>();

		void add(Map<Integer, Long> equation) {
			Map<Integer, Long> row = equation;
			for (Integer pivot : new ArrayList<>(row.keySet())) {
				Map<Integer, Long> pivotRow = this.rowOfPivot.get(pivot);
				if (pivotRow != null && row.containsKey(pivot)) {
					row = combine(row, pivotRow, pivot);
				}
			}
			if (row.isEmpty()) {
				return;
			}
			int pivot = row.keySet().iterator().next();
			for (Integer other : new ArrayList<>(this.rowsHolding.getOrDefault(pivot, Set.of()))) {
				Map<Integer, Long> before = this.rowOfPivot.get(other);
				Map<Integer, Long> after = combine(before, row, pivot);
				this.rowOfPivot.put(other, after);
				index(other, before, after);
			}
			this.rowOfPivot.put(pivot, row);
			index(pivot, Map.of(), row);
		}

		Set<Integer> determined() {
			Set<Integer> determined = new LinkedHashSet<>();
			this.rowOfPivot.forEach((pivot, row) -> {
				if (row.size() == 1) {
					determined.add(pivot);
				}
			});
			return determined;
		}

		private void index(int pivot, Map<Integer, Long> before, Map<Integer, Long> after) {
			before.keySet().forEach((v) -> {
				Set<Integer> holding = this.rowsHolding.get(v);
				if (holding != null) {
					holding.remove(pivot);
				}
			});
			after.keySet().forEach((v) -> {
				if (v != pivot) {
					this.rowsHolding.computeIfAbsent(v, (k) -> new LinkedHashSet<>()).add(pivot);
				}
			});
		}

		/** {@code row} with {@code variable} eliminated by {@code by}. */
		private static Map<Integer, Long> combine(Map<Integer, Long> row, Map<Integer, Long> by, int variable) {
			long a = by.get(variable);
			long b = row.get(variable);
			Map<Integer, Long> result = new java.util.TreeMap<>();
			row.forEach((v, c) -> result.merge(v, Math.multiplyExact(c, a), Math::addExact));
			by.forEach((v, c) -> result.merge(v, Math.negateExact(Math.multiplyExact(c, b)), Math::addExact));
			result.values().removeIf((c) -> c == 0);
			long gcd = 0;
			for (long c : result.values()) {
				gcd = gcd(gcd, Math.abs(c));
			}
			if (gcd > 1) {
				final long divisor = gcd;
				result.replaceAll((v, c) -> c / divisor);
			}
			return result;
		}

		private static long gcd(long a, long b) {
			return (b == 0) ? a : gcd(b, a % b);
		}

	}

}
