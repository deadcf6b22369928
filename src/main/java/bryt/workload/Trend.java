package bryt.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly trend of an organisation: its figures and every unit's on each of the past
 * 52 weeks, the last on the date asked for. Computed by {@link WorkloadCalculator} like
 * the figures of a single date, from the cases open on each of those dates; the forecast
 * is left out (zero).
 *
 * @param weeks the dates, oldest first, a week apart
 * @param figures the figures on each date, in the same order
 */
public record Trend(List<LocalDate> weeks, List<WorkloadFigures> figures) {

	static final int WEEKS = 52;

	/** The figures of one unit (or with {@code 0} the organisation) week by week. */
	public List<UnitFigures> of(long unitId) {
		List<UnitFigures> series = new ArrayList<>(this.figures.size());
		for (WorkloadFigures week : this.figures) {
			series.add((unitId == 0) ? week.organisation() : week.unit(unitId).orElseThrow());
		}
		return series;
	}

}
