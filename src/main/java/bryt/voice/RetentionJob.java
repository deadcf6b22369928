package bryt.voice;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes closed reports, with their messages, files, keys and access log, when their
 * channel's retention time after closing has passed (default 730 days: the Swedish limit,
 * lag 2021:890 5 kap. 5 §). Only the fact that a report existed and when it was deleted
 * remains, with a keyed seal for the access log's export check. Runs daily, on one
 * instance at a time.
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final ReportRepository reports;

	private final AccessLogs accessLogs;

	private final TransactionTemplate transaction;

	private final Clock clock;

	RetentionJob(ReportRepository reports, AccessLogs accessLogs, TransactionTemplate transaction, Clock clock) {
		this.reports = reports;
		this.accessLogs = accessLogs;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(cron = "${bryt.voice.retention-cron:0 15 3 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "voice-retention", lockAtMostFor = "PT1H")
	void runDaily() {
		int deleted = deleteExpired();
		if (deleted > 0) {
			log.info("Deleted {} closed voice reports whose retention time had passed", deleted);
		}
	}

	/** Deletes every expired report; returns how many. */
	int deleteExpired() {
		LocalDate today = LocalDate.now(this.clock);
		Integer deleted = this.transaction.execute((status) -> {
			int count = 0;
			for (ReportRepository.Expired report : this.reports.expired(today)) {
				// The keyed seal tells the export's check that this report went by
				// retention.
				this.reports.delete(report, today, this.accessLogs.deletionSeal(report.id()));
				count++;
			}
			return count;
		});
		return (deleted != null) ? deleted : 0;
	}

}
