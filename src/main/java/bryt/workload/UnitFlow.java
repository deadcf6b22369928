package bryt.workload;

/**
 * What flowed through a unit before the date figures are computed for: the basis of the
 * staffing forecast.
 *
 * @param inflowPoints weighted points of the cases opened in the past 12 weeks
 * @param closedPoints weighted points of the cases closed in the past 12 months
 * @param closedPointDays the sum over those closed cases of weight × days open
 */
record UnitFlow(double inflowPoints, double closedPoints, double closedPointDays) {

	static final UnitFlow NONE = new UnitFlow(0, 0, 0);

	static final int INFLOW_DAYS = 84;

	UnitFlow plus(UnitFlow other) {
		return new UnitFlow(this.inflowPoints + other.inflowPoints, this.closedPoints + other.closedPoints,
				this.closedPointDays + other.closedPointDays);
	}

	/**
	 * The load this flow sustains (Little's law): weighted inflow per day × average
	 * weighted days a case stays open.
	 */
	double steadyLoad() {
		if (this.closedPoints == 0) {
			return 0;
		}
		return (this.inflowPoints / INFLOW_DAYS) * (this.closedPointDays / this.closedPoints);
	}

}
