package bryt.workload;

import java.time.LocalDate;
import java.util.List;

import bryt.organisation.Visibility;

/**
 * One worker's load on one date of their weekly series ({@link TrendCalculator#worker}):
 * the same figures as their {@link WorkerFigures} on that date.
 *
 * @param date the week's date
 * @param unitId the unit they worked in on the date, or {@code null} when they were not
 * employed then (or the week is {@link #withheld()})
 * @param weightedLoad points carried
 * @param capacity points they could carry
 * @param loadRatio weighted load ÷ capacity, 0 without capacity
 * @param withheld whether the reader may not see this week: the worker was then in a unit
 * whose staff the reader does not see (its figures are zero)
 */
record WorkerWeek(LocalDate date, Long unitId, double weightedLoad, double capacity, double loadRatio, Band band,
		boolean withheld) {

	/**
	 * The weeks as a reader sees them: a week on which the worker was in a unit whose
	 * staff the reader does not see is withheld, as that date's page would withhold the
	 * worker's row. The worker's page shows no more of their past than the pages of those
	 * dates.
	 */
	static List<WorkerWeek> shownTo(List<WorkerWeek> weeks, long staffId, Visibility visibility) {
		return weeks.stream()
			.map((week) -> (week.unitId() == null || visibility.seesStaffMember(staffId, week.unitId())) ? week
					: week.withhold())
			.toList();
	}

	/** A week on which the worker was not employed: no figures, and no 0 %. */
	static WorkerWeek notEmployed(LocalDate date) {
		return new WorkerWeek(date, null, 0, 0, 0, Band.of(0), false);
	}

	/** Whether there is a load to show: only against a capacity, and only if shown. */
	boolean measured() {
		return !this.withheld && this.capacity > 0;
	}

	/** The same week with its figures left out, for a reader who may not see them. */
	WorkerWeek withhold() {
		return new WorkerWeek(this.date, null, 0, 0, 0, Band.of(0), true);
	}

}
