package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import bryt.organisation.Organisations;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cycles' daily jobs, each on one instance at a time: the reminder, once per cycle
 * half-way through, to everyone invited who has a work address ("if you have answered,
 * thank you": who answered is not known); and closing the cycles whose closing date has
 * passed.
 */
@Component
class CycleJobs {

	private static final Logger log = LoggerFactory.getLogger(CycleJobs.class);

	private final CycleService service;

	private final CycleRepository cycles;

	private final Organisations organisations;

	private final SurveyMail mail;

	private final Clock clock;

	CycleJobs(CycleService service, CycleRepository cycles, Organisations organisations, SurveyMail mail, Clock clock) {
		this.service = service;
		this.cycles = cycles;
		this.organisations = organisations;
		this.mail = mail;
		this.clock = clock;
	}

	@Scheduled(cron = "${bryt.surveys.reminder-cron:0 0 8 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "surveys-reminders", lockAtMostFor = "PT1H")
	void runReminders() {
		int sent = sendReminders();
		if (sent > 0) {
			log.info("Sent {} survey reminders", sent);
		}
	}

	@Scheduled(cron = "${bryt.surveys.closing-cron:0 5 0 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "surveys-closing", lockAtMostFor = "PT1H")
	void runClosing() {
		int closed = closeCycles();
		if (closed > 0) {
			log.info("Closed {} survey cycles", closed);
		}
	}

	/** Sends the reminders due today; returns how many mails were sent. */
	int sendReminders() {
		if (!this.mail.available()) {
			return 0;
		}
		int sent = 0;
		for (Cycle cycle : this.cycles.dueForReminder(LocalDate.now(this.clock))) {
			Map<Long, String> emails = this.organisations.workEmails(cycle.organisationId());
			List<String> to = this.cycles.recipients(cycle.id())
				.stream()
				.map(emails::get)
				.filter(Objects::nonNull)
				.toList();
			// Marked first: a crash half-way sends too few rather than twice.
			this.service.markReminded(cycle.id());
			sent += this.mail.reminders(to, cycle, this.service.mailLanguage(cycle.organisationId()));
		}
		return sent;
	}

	/** Closes the cycles whose closing date has passed; returns how many. */
	int closeCycles() {
		return this.service.closeDue(LocalDate.now(this.clock));
	}

}
