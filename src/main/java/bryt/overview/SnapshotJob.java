package bryt.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The quarter-end snapshot: every night, on one instance at a time, each organisation's
 * previous quarter is frozen as version 1 if it has no snapshot yet. So the first run
 * after a quarter ends takes it (the first day after), a run missed while the server was
 * down is made up the next night, and a quarter HR already took on demand is left alone.
 */
@Component
class SnapshotJob {

	private static final Logger log = LoggerFactory.getLogger(SnapshotJob.class);

	private final Snapshots snapshots;

	private final Organisations organisations;

	private final Clock clock;

	SnapshotJob(Snapshots snapshots, Organisations organisations, Clock clock) {
		this.snapshots = snapshots;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Scheduled(cron = "${bryt.overview.snapshot-cron:0 30 1 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "overview-snapshot", lockAtMostFor = "PT2H")
	void runNightly() {
		int taken = takeEndedQuarter(LocalDate.now(this.clock));
		if (taken > 0) {
			log.info("Took {} quarter-end overview snapshots", taken);
		}
	}

	/**
	 * Takes version 1 of the quarter before {@code today}'s for every organisation that
	 * has none; returns how many it took. One organisation's failure does not stop the
	 * others'.
	 */
	int takeEndedQuarter(LocalDate today) {
		return takeEndedQuarter(today, this.organisations.all());
	}

	/** As {@link #takeEndedQuarter(LocalDate)}, for the given organisations. */
	int takeEndedQuarter(LocalDate today, List<Organisation> organisations) {
		Quarter ended = Quarter.of(today).previous();
		int taken = 0;
		for (Organisation organisation : organisations) {
			try {
				if (this.snapshots.takeFirst(organisation, ended).isPresent()) {
					taken++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("The {} snapshot of organisation {} failed: {}", ended, organisation.id(),
						ex.getClass().getSimpleName());
			}
		}
		return taken;
	}

}
