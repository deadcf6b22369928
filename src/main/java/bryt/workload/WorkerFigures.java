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
}
