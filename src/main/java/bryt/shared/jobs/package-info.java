/**
 * Scheduled jobs for every module: scheduling is switched on here, and each job takes a
 * lock in PostgreSQL's {@code shedlock} table (owned by shared since V16), so that one
 * instance runs it at a time. A module declares a job on a method of one of its beans:
 *
 * <pre>
 * &#64;Scheduled(cron = "${bryt.mymodule.job-cron:0 0 7 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
 * &#64;SchedulerLock(name = "mymodule-job", lockAtMostFor = "PT1H")
 * void runDaily() { ... }
 * </pre>
 *
 * with a lock name unique across modules (prefixed with the module's name). Nothing else
 * is needed: no configuration of the module's own, no dependency on another module.
 */
package bryt.shared.jobs;
