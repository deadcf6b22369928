package bryt.overview;

import java.time.LocalDate;
import java.util.List;

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

}
