package bryt.shared.imports;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the import history two years: every night, deletes what is older.
 */
@Service
public class ImportHistoryPurge {

	private final ImportHistory history;

	ImportHistoryPurge(ImportHistory history) {
		this.history = history;
	}

	@Scheduled(cron = "${bryt.imports.history-purge-cron:0 20 3 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "shared-import-history-purge", lockAtMostFor = "PT10M")
	void runNightly() {
		// One statement: it needs no transaction of its own beyond the statement's.
		purge();
	}

	/**
	 * @return how many entries were deleted
	 */
	@Transactional
	public int purge() {
		return this.history.purge();
	}

}
