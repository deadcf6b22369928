package bryt.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import bryt.organisation.Organisation;
import bryt.shared.time.Quarter;

/**
 * A module's part of the joint overview. The module computes its figures itself, from its
 * own tables, with its own minimum-group rules already applied; the overview only
 * collects, freezes and shows them. Implementations are Spring beans in the contributing
 * module.
 *
 * <p>
 * Each figure's name, definition and minimum-group rule are messages of the contributing
 * module, under {@code overview.<key>.name}, {@code overview.<key>.definition} and
 * {@code overview.<source>.rule}, in sv, da and en.
 */
public interface OverviewContribution {

	/**
	 * The source's name: {@code workload}, {@code voice}, {@code surveys},
	 * {@code safety}, {@code absence}. Every key of its figures starts with it and a dot.
	 */
	String source();

	/** The figures this source gives, in the order the overview shows them. */
	List<FigureDefinition> definitions();

	/**
	 * The source's figures for one quarter, as they stood on {@code asOf} (the quarter's
	 * last day, or today within a running quarter): one per definition and unit, for
	 * every unit of the organisation it has figures for and for the whole organisation
	 * (unit {@value OverviewFigure#ORGANISATION}). A figure a minimum-group rule hides
	 * has no value, and says so.
	 * @param organisation the organisation
	 * @param quarter the quarter
	 * @param asOf the day the figures describe, within the quarter
	 * @return the figures, in any order
	 */
	List<OverviewFigure> figures(Organisation organisation, Quarter quarter, LocalDate asOf);

	/**
	 * The figures of this source that are counts adding up over the units, hidden by a
	 * minimum group ({@code smallestShown}): the overview passes them through the shared
	 * complementary suppression over the unit tree ({@link Overview#compute},
	 * docs/overview/figures.md "Hiding across units"). A source declaring one gives the
	 * counts themselves in {@link #contribute}.
	 */
	default List<AdditiveCount> additiveCounts() {
		return List.of();
	}

	/**
	 * The figures, and for every {@link #additiveCounts() additive count} the true count
	 * of each unit (and of the organisation, unit 0), which the overview's pass needs to
	 * choose what else to hide; the counts are never stored or shown.
	 */
	default Contributed contribute(Organisation organisation, Quarter quarter, LocalDate asOf) {
		return new Contributed(figures(organisation, quarter, asOf), Map.of());
	}

	/**
	 * A count that adds up over the units.
	 *
	 * @param key the figure's key
	 * @param smallestShown the source's minimum group: a count hidden as too few is 1 to
	 * one less than this
	 * @param subtree {@code true} when a unit's count covers it and every unit below it
	 * (a parent is its children's plus its own part); {@code false} when it is the unit's
	 * own and only the organisation's sums them (plus what names no unit)
	 */
	record AdditiveCount(String key, int smallestShown, boolean subtree) {
	}

	/**
	 * The figures and the true counts behind the additive ones.
	 *
	 * @param figures the figures as {@link #figures} gives them
	 * @param counts per additive key, per unit id (0 the organisation), the count
	 */
	record Contributed(List<OverviewFigure> figures, Map<String, Map<Long, Long>> counts) {
	}

}
