package bryt.surveys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large organisation's results page lists the chosen unit's surroundings: the units
 * above it that the viewer sees, the unit, and those directly below it; never a sibling
 * or a grandchild.
 */
class ResultsPageUnitsTests {

	// R ─┬─ A ─┬─ A1 ── A1x
	// │ └─ A2
	// └─ B
	private static final ResultUnit R = unit(1, null, "R");

	private static final ResultUnit A = unit(2, 1L, "A");

	private static final ResultUnit A1 = unit(3, 2L, "A1");

	private static final ResultUnit A1X = unit(4, 3L, "A1x");

	private static final ResultUnit A2 = unit(5, 2L, "A2");

	private static final ResultUnit B = unit(6, 1L, "B");

	private static final List<ResultUnit> ALL = List.of(R, A, A1, A1X, A2, B);

	@Test
	void aMiddleUnitShowsItsParentsItselfAndItsChildren() {
		assertThat(names(ResultsController.around(ALL, A))).containsExactly("R", "A", "A1", "A2");
	}

	@Test
	void theTopUnitShowsItselfAndItsChildren() {
		assertThat(names(ResultsController.around(ALL, R))).containsExactly("R", "A", "B");
	}

	@Test
	void aLeafShowsTheWholeWayUp() {
		assertThat(names(ResultsController.around(ALL, A1X))).containsExactly("R", "A", "A1", "A1x");
	}

	@Test
	void aViewerWhoSeesOnlyPartOfTheTreeGetsNothingAboveItsCover() {
		// a manager of A: the units the page gets are A's subtree only
		assertThat(names(ResultsController.around(List.of(A, A1, A1X, A2), A1))).containsExactly("A", "A1", "A1x");
	}

	private static List<String> names(List<ResultUnit> units) {
		return units.stream().map(ResultUnit::name).toList();
	}

	private static ResultUnit unit(long id, Long parent, String name) {
		return new ResultUnit(id, null, parent, name, 0, null, List.of(), Map.of(), Map.of(), null);
	}

}
