package bryt.shared.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import bryt.shared.disclosure.CellSuppression.Cell;
import bryt.shared.disclosure.CellSuppression.Mark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The shared pass against an exhaustive reader of its own ({@link Reader}): on small
 * random unit trees with a row total and its parts and an unpublished rest, every hidden
 * cell (and every unpublished cell or own part of 1 or 2) keeps at least two possible
 * values once the pass has run; without the tree (the within-row suppression of before)
 * the same reader works some out.
 */
class CellSuppressionTests {

	private static final List<String> COLUMNS = List.of("total", "a", "b", "x", "rest");

	private static final List<List<String>> SUMS = List.of(List.of("total", "a", "b"), List.of("a", "x", "rest"));

	@Test
	void aChildUnderThreeBesideOneShownSiblingHidesTheSibling() {
		// the organisation 5 = A 1 + B 4: A is 5 − 4 until B goes too
		Reader.Table table = oneColumn(Map.of(0L, 5L, 1L, 1L, 2L, 4L), Map.of(1L, 0L, 2L, 0L));
		assertThat(table.workedOut(10)).containsEntry("1/n", 1L);
		CellSuppression.Result result = table.protect();
		assertThat(result.secondary()).containsExactly(new Cell(2, "n"));
		assertThat(result.exposed()).isEmpty();
		assertThat(table.with(result).workedOut(10)).isEmpty();
	}

	@Test
	void twoUnderThreeWhoseRestIsTwoAreNotBothOne() {
		// 7 = 1 + 1 + 5: the two "< 3" sum to 2, so each is 1, until 5 goes too
		Reader.Table table = oneColumn(Map.of(0L, 7L, 1L, 1L, 2L, 1L, 3L, 5L), Map.of(1L, 0L, 2L, 0L, 3L, 0L));
		assertThat(table.workedOut(10)).containsEntry("1/n", 1L).containsEntry("2/n", 1L);
		CellSuppression.Result result = table.protect();
		assertThat(result.secondary()).containsExactly(new Cell(3, "n"));
		assertThat(table.with(result).workedOut(10)).isEmpty();
	}

	@Test
	void aParentWithAPartOfItsOwnKeepsASmallOwnPartHidden() {
		// P 9 = C1 4 + C2 4 + its own 1: the own part is a group of one
		Reader.Table table = oneColumn(Map.of(0L, 9L, 1L, 9L, 2L, 4L, 3L, 4L), Map.of(1L, 0L, 2L, 1L, 3L, 1L));
		assertThat(table.workedOut(20)).containsEntry("own:1/n", 1L);
		CellSuppression.Result result = table.protect();
		// the smallest of the relation's shown cells, then the table's order: C1
		assertThat(result.secondary()).containsExactly(new Cell(2, "n"));
		assertThat(table.with(result).workedOut(20)).isEmpty();
	}

	@Test
	void theSameDataHidesTheSameCells() {
		Reader.Table table = random(new Random(42));
		assertThat(table.protect()).isEqualTo(table.protect());
	}

	@Test
	void noHiddenCellOfASmallTreeCanBeWorkedOut() {
		qt().withExamples(400).forAll(integers().between(0, Integer.MAX_VALUE)).checkAssert((seed) -> {
			Reader.Table table = random(new Random(seed));
			CellSuppression.Result result = table.protect();
			assertThat(result.exposed()).as("seed %d", seed).isEmpty();
			assertThat(table.with(result).workedOut(bound(table)))
				.as("seed %d: %s hides %s", seed, table.truth(), result.secondary())
				.isEmpty();
		});
	}

	@Test
	void theWithinRowPassOfBeforeLeaksAcrossRows() {
		// The pass told nothing of the tree (each row alone, as before): the reader, who
		// knows the tree, works hidden cells out in many of the same tables.
		int leaking = 0;
		for (int seed = 0; seed < 100; seed++) {
			Reader.Table table = random(new Random(seed));
			Reader.Table rowsAlone = new Reader.Table(table.threshold(), table.rows(), Map.of(), table.columns(),
					table.sums(), table.truth(), table.marks());
			if (!table.with(rowsAlone.protect()).workedOut(bound(table)).isEmpty()) {
				leaking++;
			}
		}
		assertThat(leaking).isGreaterThan(10);
	}

	// Tables

	private static Reader.Table oneColumn(Map<Long, Long> values, Map<Long, Long> parents) {
		List<Long> rows = values.keySet().stream().sorted().toList();
		Map<Cell, Long> truth = new HashMap<>();
		Map<Cell, Mark> marks = new HashMap<>();
		values.forEach((row, value) -> {
			truth.put(new Cell(row, "n"), value);
			marks.put(new Cell(row, "n"), (value > 0 && value < 3) ? Mark.SMALL : Mark.SHOWN);
		});
		return new Reader.Table(3, rows, parents, List.of("n"), List.of(), truth, marks);
	}

	/**
	 * An organisation (row 0, nothing of its own) and 2 to 4 units below it in a random
	 * tree; every unit has its own a (of which x, the rest unpublished) and b, with many
	 * ones and twos; a parent's figures are its own plus its children's.
	 */
	static Reader.Table random(Random random) {
		int units = 2 + random.nextInt(3);
		List<Long> rows = new ArrayList<>();
		Map<Long, Long> parents = new HashMap<>();
		rows.add(0L);
		for (long unit = 1; unit <= units; unit++) {
			rows.add(unit);
			parents.put(unit, (long) random.nextInt((int) unit));
		}
		long[] pick = { 0, 0, 1, 1, 2, 2, 3, 4, 6 };
		Map<Long, long[]> own = new HashMap<>();
		for (long row : rows) {
			long x = (row == 0) ? 0 : pick[random.nextInt(pick.length)];
			long rest = (row == 0) ? 0 : pick[random.nextInt(pick.length)];
			long b = (row == 0) ? 0 : pick[random.nextInt(pick.length)];
			own.put(row, new long[] { x, rest, b });
		}
		Map<Cell, Long> truth = new HashMap<>();
		Map<Cell, Mark> marks = new HashMap<>();
		for (long row : rows) {
			long[] sum = new long[3];
			for (long other : rows) {
				if (below(other, row, parents)) {
					for (int i = 0; i < 3; i++) {
						sum[i] += own.get(other)[i];
					}
				}
			}
			Map<String, Long> values = Map.of("x", sum[0], "rest", sum[1], "b", sum[2], "a", sum[0] + sum[1], "total",
					sum[0] + sum[1] + sum[2]);
			values.forEach((column, value) -> {
				truth.put(new Cell(row, column), value);
				Mark mark = column.equals("rest") ? Mark.UNPUBLISHED
						: (value > 0 && value < 3) ? Mark.SMALL : Mark.SHOWN;
				marks.put(new Cell(row, column), mark);
			});
		}
		return new Reader.Table(3, rows, parents, COLUMNS, SUMS, truth, marks);
	}

	/** Whether {@code row} is {@code top} or below it. */
	private static boolean below(long row, long top, Map<Long, Long> parents) {
		Long at = row;
		while (at != null) {
			if (at == top) {
				return true;
			}
			at = parents.get(at);
		}
		return false;
	}

	private static long bound(Reader.Table table) {
		return table.truth().values().stream().mapToLong(Long::longValue).max().orElse(0) + 2;
	}

}
