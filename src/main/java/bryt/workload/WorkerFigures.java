package bryt.workload;

/**
 * One worker's caseload on a date.
 *
 * @param openCases cases the worker handles, as primary or co-handler
 * @param weightedLoad points the worker carries
 * @param capacity points the worker can carry
 * @param loadRatio weighted load ÷ capacity
 */
public record WorkerFigures(long staffId, String employeeNumber, String name, long unitId, String unit, int openCases,
		double weightedLoad, double capacity, double loadRatio, Band band) {

	/**
	 * Whether there is a load to show: a ratio exists only against a capacity. On a date
	 * before anyone was employed (before the first import, say) there is none, and the
	 * pages say "no data" rather than "0 %".
	 */
	public boolean measured() {
		return this.capacity > 0;
	}
}
