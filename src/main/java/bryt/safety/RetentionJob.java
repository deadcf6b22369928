package bryt.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes a closed incident's personal data {@code bryt.safety.retention-years} after the
 * day it closed (issue 14 item 11): the description, the case reference, who reported it
 * and whom it happened to, the receipt, the wrapped keys, the evidence, the causes, who
 * acknowledged it, the police and authority references, and the names on its actions and
 * waivers. The structured columns stay, so the figures of its quarter do not change. Runs
 * daily, on one instance at a time. The bean has its own name: Voice's retention job is a
 * {@code RetentionJob} too.
 */
@Component("safetyRetentionJob")
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final RetentionRepository repository;

	private final SafetyProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	RetentionJob(RetentionRepository repository, SafetyProperties properties, TransactionTemplate transaction,
			Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(cron = "${bryt.safety.retention-cron:0 45 3 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "safety-retention", lockAtMostFor = "PT1H")
	void runDaily() {
		int removed = removeExpired(LocalDate.now(this.clock));
		if (removed > 0) {
			log.info("Removed the personal data of {} closed safety incidents whose retention time had passed",
					removed);
		}
	}

	/**
	 * Removes the personal data of every incident that closed {@code retention-years}
	 * years or more before {@code today}; returns how many.
	 */
	int removeExpired(LocalDate today) {
		LocalDate last = today.minusYears(this.properties.retentionYears());
		Integer removed = this.transaction.execute((status) -> {
			List<Long> due = this.repository.due(last);
			due.forEach((id) -> this.repository.removePersonalData(id, today));
			return due.size();
		});
		return (removed != null) ? removed : 0;
	}

}
