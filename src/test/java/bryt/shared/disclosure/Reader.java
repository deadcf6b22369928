package bryt.shared.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An attacker of its own, not {@link CellSuppression}'s readers: it knows every shown
 * number, every relation (a row's sums, a parent = its children + its own part) and the
 * bounds the page states, and searches the integer assignments of all unknowns for a
 * second value of each one. Exhaustive (a depth-first search with every relation checked,
 * an equation's last unknown computed, bounds pruned), so only for small tables or tables
 * with few unknowns per relation.
 */
public final class Reader {

	private final List<String> names = new ArrayList<>();

	private final Map<String, long[]> bounds = new HashMap<>();

	private final List<Map<String, Integer>> equations = new ArrayList<>();

	private final List<Long> constants = new ArrayList<>();

	/** An unknown between {@code low} and {@code high} inclusive. */
	public Reader unknown(String name, long low, long high) {
		if (!this.bounds.containsKey(name)) {
			this.names.add(name);
		}
		this.bounds.put(name, new long[] { low, high });
		return this;
	}

	/** The sum of coefficient × unknown is {@code constant}. */
	public Reader equation(Map<String, Integer> coefficients, long constant) {
		Map<String, Integer> kept = new LinkedHashMap<>(coefficients);
		kept.values().removeIf((c) -> c == 0);
		if (kept.isEmpty()) {
			if (constant != 0) {
				throw new IllegalArgumentException("A relation that does not hold: 0 = " + constant);
			}
			return this;
		}
		this.equations.add(kept);
		this.constants.add(constant);
		return this;
	}

	/**
	 * The unknowns of {@code asked} that have a single possible value (given that
	 * {@code truth}, one assignment, holds: it is checked to be one).
	 */
	public Map<String, Long> workedOut(Set<String> asked, Map<String, Long> truth) {
		long[] values = new long[this.names.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = truth.get(this.names.get(i));
		}
		if (!holds(values)) {
			throw new IllegalStateException("The truth is not a solution: " + truth);
		}
		compile();
		long[][] domains = new long[this.names.size()][];
		for (int i = 0; i < domains.length; i++) {
			domains[i] = this.bounds.get(this.names.get(i)).clone();
		}
		Map<String, Long> worked = new LinkedHashMap<>();
		for (String name : asked) {
			int index = this.names.indexOf(name);
			if (index < 0) {
				continue;
			}
			if (!search(domains, index, values[index])) {
				worked.put(name, values[index]);
			}
		}
		return worked;
	}

	private boolean holds(long[] values) {
		for (int e = 0; e < this.equations.size(); e++) {
			long sum = 0;
			for (Map.Entry<String, Integer> term : this.equations.get(e).entrySet()) {
				sum += term.getValue() * values[this.names.indexOf(term.getKey())];
			}
			if (sum != this.constants.get(e)) {
				return false;
			}
		}
		for (int i = 0; i < values.length; i++) {
			long[] b = this.bounds.get(this.names.get(i));
			if (values[i] < b[0] || values[i] > b[1]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether an assignment exists with unknown {@code other} not {@code not}: every
	 * unknown's interval is narrowed through every relation to a fixed point (a relation
	 * with one unknown left fixes it), then the search branches on the unknown with the
	 * narrowest interval, trying each value.
	 */
	private boolean search(long[][] domains, int other, long not) {
		long[][] d = new long[domains.length][];
		for (int i = 0; i < d.length; i++) {
			d[i] = domains[i].clone();
		}
		if (!narrow(d, other, not)) {
			return false;
		}
		int next = -1;
		for (int i = 0; i < d.length; i++) {
			if (d[i][0] < d[i][1] && (next < 0 || d[i][1] - d[i][0] < d[next][1] - d[next][0])) {
				next = i;
			}
		}
		if (next < 0) {
			// Every unknown fixed: the relations hold by narrowing, check once more.
			long[] values = new long[d.length];
			for (int i = 0; i < d.length; i++) {
				values[i] = d[i][0];
			}
			return holds(values) && values[other] != not;
		}
		for (long value = d[next][0]; value <= d[next][1]; value++) {
			if (next == other && value == not) {
				continue;
			}
			long[] before = d[next];
			d[next] = new long[] { value, value };
			if (search(d, other, not)) {
				return true;
			}
			d[next] = before;
		}
		return false;
	}

	/** Narrows the intervals; false when one is empty. */
	private boolean narrow(long[][] d, int other, long not) {
		boolean changed = true;
		while (changed) {
			changed = false;
			if (d[other][0] == d[other][1] && d[other][0] == not) {
				return false;
			}
			if (d[other][0] == not) {
				d[other][0]++;
				changed = true;
			}
			if (d[other][1] == not) {
				d[other][1]--;
				changed = true;
			}
			for (int e = 0; e < this.equations.size(); e++) {
				int[] vs = this.variables.get(e);
				int[] cs = this.coefficients.get(e);
				long constant = this.constants.get(e);
				long low = 0;
				long high = 0;
				for (int i = 0; i < vs.length; i++) {
					low += Math.min(cs[i] * d[vs[i]][0], cs[i] * d[vs[i]][1]);
					high += Math.max(cs[i] * d[vs[i]][0], cs[i] * d[vs[i]][1]);
				}
				if (constant < low || constant > high) {
					return false;
				}
				for (int k = 0; k < vs.length; k++) {
					long restLow = low - Math.min(cs[k] * d[vs[k]][0], cs[k] * d[vs[k]][1]);
					long restHigh = high - Math.max(cs[k] * d[vs[k]][0], cs[k] * d[vs[k]][1]);
					// cs[k] · x = constant − rest, rest in [restLow, restHigh]
					long from = constant - restHigh;
					long to = constant - restLow;
					long lo = (cs[k] > 0) ? Math.ceilDiv(from, cs[k]) : Math.ceilDiv(to, cs[k]);
					long hi = (cs[k] > 0) ? Math.floorDiv(to, cs[k]) : Math.floorDiv(from, cs[k]);
					if (lo > d[vs[k]][0]) {
						d[vs[k]][0] = lo;
						changed = true;
					}
					if (hi < d[vs[k]][1]) {
						d[vs[k]][1] = hi;
						changed = true;
					}
					if (d[vs[k]][0] > d[vs[k]][1]) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private final List<int[]> variables = new ArrayList<>();

	private final List<int[]> coefficients = new ArrayList<>();

	private void compile() {
		this.variables.clear();
		this.coefficients.clear();
		for (Map<String, Integer> equation : this.equations) {
			this.variables.add(equation.keySet().stream().mapToInt(this.names::indexOf).toArray());
			this.coefficients.add(equation.values().stream().mapToInt(Integer::intValue).toArray());
		}
	}

	/**
	 * A table as a page shows it: rows (a parent is the sum of its children and its own
	 * part, worked out from the truth: known when 0, else unknown and guarded when
	 * small), columns with sums within each row, every cell's truth and mark.
	 *
	 * @param threshold the smallest count shown
	 * @param rows the rows
	 * @param parents each row's parent (absent: none)
	 * @param columns the columns
	 * @param sums within a row: the total, then its parts
	 * @param truth every cell's value
	 * @param marks every cell's mark
	 */
	public record Table(int threshold, List<Long> rows, Map<Long, Long> parents, List<String> columns,
			List<List<String>> sums, Map<CellSuppression.Cell, Long> truth,
			Map<CellSuppression.Cell, CellSuppression.Mark> marks) {

		/** The table with the pass's secondary cells hidden. */
		public Table with(CellSuppression.Result result) {
			Map<CellSuppression.Cell, CellSuppression.Mark> after = new HashMap<>(this.marks);
			result.secondary().forEach((cell) -> after.put(cell, CellSuppression.Mark.HIDDEN));
			return new Table(this.threshold, this.rows, this.parents, this.columns, this.sums, this.truth, after);
		}

		/** The pass over this table. */
		public CellSuppression.Result protect() {
			CellSuppression.Builder builder = CellSuppression.table(this.threshold).columns(this.columns);
			this.sums.forEach((sum) -> builder.sum(sum.get(0), sum.subList(1, sum.size())));
			for (long row : this.rows) {
				builder.row(row, this.parents.get(row));
				for (String column : this.columns) {
					CellSuppression.Cell cell = new CellSuppression.Cell(row, column);
					builder.cell(row, column, this.truth.get(cell), this.marks.get(cell));
				}
			}
			return builder.protect();
		}

		/**
		 * The guarded unknowns (hidden cells; unpublished cells and own parts of 1 to
		 * threshold − 1) that have one possible value, each unknown at most
		 * {@code bound}.
		 */
		public Map<String, Long> workedOut(long bound) {
			Reader reader = new Reader();
			Map<String, Long> truthByName = new LinkedHashMap<>();
			java.util.Set<String> guarded = new java.util.LinkedHashSet<>();
			Map<Long, Map<String, Object>> terms = new HashMap<>();
			for (long row : this.rows) {
				Map<String, Object> rowTerms = new HashMap<>();
				for (String column : this.columns) {
					CellSuppression.Cell cell = new CellSuppression.Cell(row, column);
					long value = this.truth.get(cell);
					CellSuppression.Mark mark = this.marks.get(cell);
					String name = row + "/" + column;
					switch (mark) {
						case SHOWN, KNOWN -> rowTerms.put(column, value);
						case SMALL -> {
							reader.unknown(name, 1, this.threshold - 1);
							guarded.add(name);
						}
						case HIDDEN -> {
							reader.unknown(name, 0, bound);
							guarded.add(name);
						}
						case UNPUBLISHED -> {
							reader.unknown(name, 0, bound);
							if (value > 0 && value < this.threshold) {
								guarded.add(name);
							}
						}
					}
					if (mark != CellSuppression.Mark.SHOWN && mark != CellSuppression.Mark.KNOWN) {
						rowTerms.put(column, name);
						truthByName.put(name, value);
					}
				}
				terms.put(row, rowTerms);
			}
			for (long row : this.rows) {
				for (List<String> sum : this.sums) {
					relation(reader, terms.get(row), sum);
				}
			}
			for (long parent : this.rows) {
				List<Long> children = this.rows.stream()
					.filter((row) -> Long.valueOf(parent).equals(this.parents.get(row)))
					.toList();
				if (children.isEmpty()) {
					continue;
				}
				Map<String, Object> own = new HashMap<>();
				for (String column : this.columns) {
					long rest = this.truth.get(new CellSuppression.Cell(parent, column));
					for (long child : children) {
						rest -= this.truth.get(new CellSuppression.Cell(child, column));
					}
					if (rest < 0) {
						continue;
					}
					if (rest == 0) {
						own.put(column, 0L);
					}
					else {
						String name = "own:" + parent + "/" + column;
						reader.unknown(name, 0, bound);
						truthByName.put(name, rest);
						own.put(column, name);
						if (rest < this.threshold) {
							guarded.add(name);
						}
					}
					Map<String, Integer> coefficients = new LinkedHashMap<>();
					long constant = 0;
					constant = add(coefficients, constant, terms.get(parent).get(column), 1);
					for (long child : children) {
						constant = add(coefficients, constant, terms.get(child).get(column), -1);
					}
					constant = add(coefficients, constant, own.get(column), -1);
					reader.equation(coefficients, constant);
				}
				for (List<String> sum : this.sums) {
					if (sum.stream().allMatch(own::containsKey)) {
						relation(reader, own, sum);
					}
				}
			}
			return reader.workedOut(guarded, truthByName);
		}

		private static void relation(Reader reader, Map<String, Object> row, List<String> sum) {
			Map<String, Integer> coefficients = new LinkedHashMap<>();
			long constant = add(coefficients, 0, row.get(sum.get(0)), 1);
			for (String part : sum.subList(1, sum.size())) {
				constant = add(coefficients, constant, row.get(part), -1);
			}
			reader.equation(coefficients, constant);
		}

		/**
		 * A term: a known number moves to the constant, an unknown adds its coefficient.
		 */
		private static long add(Map<String, Integer> coefficients, long constant, Object term, int sign) {
			if (term instanceof String name) {
				coefficients.merge(name, sign, Integer::sum);
				return constant;
			}
			return constant - sign * (Long) term;
		}

	}

}
