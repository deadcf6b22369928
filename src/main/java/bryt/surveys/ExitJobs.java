package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The exit survey's daily jobs, each on one instance at a time: the first stage for
 * leavers whose end date was registered, and the second stage for private addresses whose
 * day has come. Mail goes out after the transaction that stored the invitations (and
 * deleted the addresses) committed: a crash sends too few rather than twice. Nothing is
 * logged but counts.
 */
@Component
class ExitJobs {

	private static final Logger log = LoggerFactory.getLogger(ExitJobs.class);

	private final ExitSurveys exits;

	private final CycleService service;

	private final CycleRepository cycles;

	private final Organisations organisations;

	private final SurveyMail mail;

	private final Clock clock;

	ExitJobs(ExitSurveys exits, CycleService service, CycleRepository cycles, Organisations organisations,
			SurveyMail mail, Clock clock) {
		this.exits = exits;
		this.service = service;
		this.cycles = cycles;
		this.organisations = organisations;
		this.mail = mail;
		this.clock = clock;
	}

	@Scheduled(cron = "${bryt.surveys.exit-cron:0 30 7 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "surveys-exit", lockAtMostFor = "PT1H")
	void run() {
		openMonths();
		int first = inviteLeavers();
		int second = sendSecondStage();
		if (first + second > 0) {
			log.info("Sent {} first-stage and {} second-stage exit survey invitations", first, second);
		}
	}

	/**
	 * This month's exit cycles for every organisation, mail server or not: an exit window
	 * is final only once every month in it has closed its cycles.
	 */
	void openMonths() {
		LocalDate today = LocalDate.now(this.clock);
		for (Organisation organisation : this.organisations.all()) {
			this.exits.openMonth(organisation.id(), today);
		}
	}

	/** The first stage for every organisation; returns how many mails were sent. */
	int inviteLeavers() {
		if (!this.mail.available()) {
			// Invited without a mail would be invited never: wait for a mail server.
			return 0;
		}
		LocalDate today = LocalDate.now(this.clock);
		int sent = 0;
		for (Organisation organisation : this.organisations.all()) {
			sent += this.exits.inviteLeavers(organisation.id(), today).map(this::send).orElse(0);
		}
		return sent;
	}

	/** The second stage due today; returns how many mails were sent. */
	int sendSecondStage() {
		if (!this.mail.available()) {
			return 0;
		}
		return this.exits.secondStage(LocalDate.now(this.clock)).stream().mapToInt(this::send).sum();
	}

	private int send(ExitSurveys.Invitations invitations) {
		Cycle cycle = this.cycles.cycle(invitations.cycleId()).orElseThrow();
		// an exit invitation that could not be mailed has no paper fallback: its leaver
		// has gone (the warning is logged by SurveyMail)
		return invitations.mails().size()
				- this.mail.invitations(invitations.mails(), cycle, this.service.mailLanguage(cycle.organisationId()))
					.size();
	}

}
