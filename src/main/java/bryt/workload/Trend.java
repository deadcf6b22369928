package bryt.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The weekly trend of an organisation: its figures and every unit's on each of the past
 * 52 weeks, the last on the date asked for (see {@link TrendCalculator}).
 *
 * @param weeks the dates, oldest first, a week apart
 * @param series per unit id, in the order of the units (parents first) and with the
 * organisation first under {@code 0}: the figures week by week, in the order of the dates
 */
public record Trend(List<LocalDate> weeks, Map<Long, List<WeekFigures>> series) {

	static final int WEEKS = 52;

	/** The figures of one unit (or with {@code 0} the organisation) week by week. */
	public List<WeekFigures> of(long unitId) {
		return this.series.get(unitId);
	}

}
