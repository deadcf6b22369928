package bryt.workload;

import bryt.organisation.UnitLevel;

/**
 * A unit's figures on a date, summed over the unit and everything below it. The figures
 * for the whole organisation have {@code unitId} 0 and no level.
 *
 * @param headcount staff employed on the date
 * @param fte their full-time equivalents
 * @param openCases cases open on the date
 * @param openInvestigations open cases of investigation types
 * @param investigationsPastDeadline open investigations whose deadline has passed
 * @param shareOfInvestigationsPastDeadline the share of open investigations past
 * deadline, 0 when there are none
 * @param medianDaysPastDeadline median days past deadline of those, or {@code null}
 * @param staffPerLead social workers per first-line lead, or {@code null} without leads
 * @param staffPerManager social workers per unit manager, or {@code null} without
 * managers
 * @param twoHandlerViolations open cases of two-handler types with fewer than two
 * handlers
 * @param turnover leavers in the past 12 months ÷ average headcount (of the day 12 months
 * before and the date)
 * @param weightedLoad points carried by the unit's workers
 * @param capacity points the unit's workers can carry
 * @param forecastFte full-time equivalents needed to stay at 100 % given the inflow of
 * the past 12 weeks and the average weighted open time, at the unit's current experience
 * mix
 * @param spread how the load is spread over the caseworkers: how many in each band, the
 * median and the highest
 * @param caseFte the full-time equivalents of case-carrying work: each worker's FTE ×
 * their role's share in the load model; what {@code forecastFte} compares with
 * @param longestDaysPastDeadline the most days any of the investigations past their
 * deadline is past it, or {@code null} when none is (the joint overview's "longest")
 */
public record UnitFigures(long unitId, String code, String name, UnitLevel level, Long parentId, int headcount,
		double fte, int openCases, int openInvestigations, int investigationsPastDeadline,
		double shareOfInvestigationsPastDeadline, Double medianDaysPastDeadline, Double staffPerLead,
		Double staffPerManager, int twoHandlerViolations, double turnover, double weightedLoad, double capacity,
		double loadRatio, Band band, double forecastFte, Spread spread, double caseFte, Long longestDaysPastDeadline) {

	public UnitFigures {
		spread = (spread != null) ? spread : Spread.NONE;
	}

	/** Figures without the longest time past deadline (tests that do not need it). */
	public UnitFigures(long unitId, String code, String name, UnitLevel level, Long parentId, int headcount, double fte,
			int openCases, int openInvestigations, int investigationsPastDeadline,
			double shareOfInvestigationsPastDeadline, Double medianDaysPastDeadline, Double staffPerLead,
			Double staffPerManager, int twoHandlerViolations, double turnover, double weightedLoad, double capacity,
			double loadRatio, Band band, double forecastFte, Spread spread, double caseFte) {
		this(unitId, code, name, level, parentId, headcount, fte, openCases, openInvestigations,
				investigationsPastDeadline, shareOfInvestigationsPastDeadline, medianDaysPastDeadline, staffPerLead,
				staffPerManager, twoHandlerViolations, turnover, weightedLoad, capacity, loadRatio, band, forecastFte,
				spread, caseFte, null);
	}

	/** Figures without the spread of load (charts and tests that do not need it). */
	public UnitFigures(long unitId, String code, String name, UnitLevel level, Long parentId, int headcount, double fte,
			int openCases, int openInvestigations, int investigationsPastDeadline,
			double shareOfInvestigationsPastDeadline, Double medianDaysPastDeadline, Double staffPerLead,
			Double staffPerManager, int twoHandlerViolations, double turnover, double weightedLoad, double capacity,
			double loadRatio, Band band, double forecastFte) {
		this(unitId, code, name, level, parentId, headcount, fte, openCases, openInvestigations,
				investigationsPastDeadline, shareOfInvestigationsPastDeadline, medianDaysPastDeadline, staffPerLead,
				staffPerManager, twoHandlerViolations, turnover, weightedLoad, capacity, loadRatio, band, forecastFte,
				Spread.NONE, fte, null);
	}

	/**
	 * The load ratio as pages show it, rounded so that it never contradicts the band
	 * ({@link Band#shownRatio}).
	 */
	public double shownLoad() {
		return Band.shownRatio(this.loadRatio);
	}

	/** Caseworkers over capacity (above 100 %: red and amber); see {@link Spread}. */
	public int workersOverCapacity() {
		return this.spread.workersOverCapacity();
	}

	/**
	 * Whether there is a load to show: a ratio exists only against a capacity. On a date
	 * before anyone was employed (before the first import, say) there is none, and the
	 * pages say "no data" rather than "0 %".
	 */
	public boolean measured() {
		return this.capacity > 0;
	}
}
