package bryt.workload;

/**
 * One worker's caseload on a date.
 *
 * @param openCases cases the worker handles, as primary or co-handler
 * @param weightedLoad points the worker carries
 * @param capacity points the worker can carry
 * @param loadRatio weighted load ÷ capacity
 * @param caseworker whether the worker's role carries cases (its share in the load model
 * is above 0): only caseworkers count in the spread of load
 */
public record WorkerFigures(long staffId, String employeeNumber, String name, long unitId, String unit, int openCases,
		double weightedLoad, double capacity, double loadRatio, Band band, boolean caseworker) {

	/** A worker whose capacity tells whether they are a caseworker. */
	public WorkerFigures(long staffId, String employeeNumber, String name, long unitId, String unit, int openCases,
			double weightedLoad, double capacity, double loadRatio, Band band) {
		this(staffId, employeeNumber, name, unitId, unit, openCases, weightedLoad, capacity, loadRatio, band,
				capacity > 0);
	}

	/**
	 * The load ratio as pages show it, rounded so that it never contradicts the band
	 * ({@link Band#shownRatio}).
	 */
	public double shownLoad() {
		return Band.shownRatio(this.loadRatio);
	}

	/**
	 * Whether there is a load to show: a ratio exists only against a capacity. On a date
	 * before anyone was employed (before the first import, say) there is none, and the
	 * pages say "no data" rather than "0 %".
	 */
	public boolean measured() {
		return this.capacity > 0;
	}

	/**
	 * Whether the worker holds cases though their role carries none (a first-line lead
	 * with share 0, say): the points count in their unit's load all the same, and the
	 * pages and the JSON flag them, "carries cases without case capacity".
	 */
	public boolean withoutCaseCapacity() {
		return this.openCases > 0 && !measured();
	}

}
