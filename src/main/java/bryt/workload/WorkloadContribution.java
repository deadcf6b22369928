package bryt.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import bryt.organisation.Organisation;
import bryt.overview.FigureDefinition;
import bryt.overview.FigureDefinition.Format;
import bryt.overview.OverviewContribution;
import bryt.overview.OverviewFigure;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * Workload's part of the joint overview: the figures of the workload page on the day the
 * quarter's figures describe, per unit (summed over the unit and all below it) and for
 * the organisation. They are counts of cases and staff, not of answers or reports, and
 * the workload page shows them to the same readers; a figure with nothing to count (no
 * capacity, no leads, no investigations) is hidden as "no data".
 */
@Component
class WorkloadContribution implements OverviewContribution {

	static final String LOAD = "workload.load";

	static final String OVER_CAPACITY = "workload.workersOverCapacity";

	static final String STAFF_PER_LEAD = "workload.staffPerLead";

	static final String STAFF_PER_MANAGER = "workload.staffPerManager";

	static final String PAST_DEADLINE = "workload.investigationsPastDeadline";

	static final String SHARE_PAST_DEADLINE = "workload.shareOfInvestigationsPastDeadline";

	static final String LONGEST_PAST_DEADLINE = "workload.longestPastDeadline";

	static final String TWO_HANDLERS = "workload.withoutSecondHandler";

	static final String TURNOVER = "workload.turnover";

	private static final List<FigureDefinition> DEFINITIONS = List.of(new FigureDefinition(LOAD, 1, Format.RATIO),
			new FigureDefinition(OVER_CAPACITY, 1, Format.COUNT),
			new FigureDefinition(STAFF_PER_LEAD, 1, Format.DECIMAL),
			new FigureDefinition(STAFF_PER_MANAGER, 1, Format.DECIMAL),
			new FigureDefinition(PAST_DEADLINE, 1, Format.COUNT),
			new FigureDefinition(SHARE_PAST_DEADLINE, 1, Format.SHARE),
			new FigureDefinition(LONGEST_PAST_DEADLINE, 1, Format.DAYS),
			new FigureDefinition(TWO_HANDLERS, 1, Format.COUNT), new FigureDefinition(TURNOVER, 1, Format.SHARE));

	private final Workload workload;

	WorkloadContribution(Workload workload) {
		this.workload = workload;
	}

	@Override
	public String source() {
		return "workload";
	}

	@Override
	public List<FigureDefinition> definitions() {
		return DEFINITIONS;
	}

	@Override
	public List<OverviewFigure> figures(Organisation organisation, Quarter quarter, LocalDate asOf) {
		WorkloadFigures figures = this.workload.figures(organisation, asOf);
		List<OverviewFigure> result = new ArrayList<>();
		add(result, OverviewFigure.ORGANISATION, figures.organisation());
		for (UnitFigures unit : figures.units()) {
			add(result, unit.unitId(), unit);
		}
		return result;
	}

	private static void add(List<OverviewFigure> into, long unitId, UnitFigures unit) {
		into.add(figure(LOAD, unitId, unit.measured() ? unit.shownLoad() : null));
		into.add(figure(OVER_CAPACITY, unitId, unit.measured() ? (double) unit.workersOverCapacity() : null));
		into.add(figure(STAFF_PER_LEAD, unitId, unit.staffPerLead()));
		into.add(figure(STAFF_PER_MANAGER, unitId, unit.staffPerManager()));
		boolean investigations = unit.openInvestigations() > 0;
		into.add(figure(PAST_DEADLINE, unitId, investigations ? (double) unit.investigationsPastDeadline() : null));
		into.add(figure(SHARE_PAST_DEADLINE, unitId, investigations ? unit.shareOfInvestigationsPastDeadline() : null));
		// None past its deadline is a longest of 0 days; no open investigation is no
		// data.
		into.add(figure(LONGEST_PAST_DEADLINE, unitId, investigations
				? (double) ((unit.longestDaysPastDeadline() != null) ? unit.longestDaysPastDeadline() : 0) : null));
		into.add(figure(TWO_HANDLERS, unitId, (unit.openCases() > 0) ? (double) unit.twoHandlerViolations() : null));
		into.add(figure(TURNOVER, unitId, (unit.headcount() > 0) ? unit.turnover() : null));
	}

	private static OverviewFigure figure(String key, long unitId, Double value) {
		return (value != null) ? OverviewFigure.shown(key, unitId, value)
				: OverviewFigure.hidden(key, unitId, Hidden.NO_DATA);
	}

}
