package bryt.workload;

import java.time.LocalDate;

/**
 * One case on a worker's list on a date: what it is, the worker's part in it and the
 * points that part carries.
 *
 * @param primary whether the worker is its primary handler (otherwise its co-handler)
 * @param daysLate days past the deadline of an open investigation, or {@code null}
 */
record WorkerCase(String caseRef, CaseType type, int complexity, LocalDate opened, LocalDate deadline, boolean primary,
		double points, Long daysLate) {

}
