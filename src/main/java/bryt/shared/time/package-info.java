/**
 * Periods every module counts in: the calendar quarter of the safety figures, the joint
 * overview and the committee report.
 */
package bryt.shared.time;
