package bryt.workload;

/**
 * A unit's (or the organisation's) figures on one date of the weekly trend, counting
 * everything below it, defined as in {@link UnitFigures}.
 */
public record WeekFigures(long unitId, String code, int headcount, int openCases, int openInvestigations,
		int investigationsPastDeadline, int twoHandlerViolations, double weightedLoad, double capacity,
		double loadRatio, Band band) {

	/**
	 * Whether there is a load to show: a ratio exists only against a capacity. On a date
	 * before anyone was employed (before the first import, say) there is none, and the
	 * pages say "no data" rather than "0 %".
	 */
	public boolean measured() {
		return this.capacity > 0;
	}

	/** The share of open investigations past deadline, 0 when there are none. */
	public double shareOfInvestigationsPastDeadline() {
		return (this.openInvestigations > 0) ? (double) this.investigationsPastDeadline / this.openInvestigations : 0;
	}

}
