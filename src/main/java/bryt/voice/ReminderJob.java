package bryt.voice;

import java.time.Clock;
import java.util.Locale;

import bryt.shared.mail.Mail;
import bryt.shared.security.PublicUrl;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily reminders to recipients who chose an address: how many of their reports must be
 * acknowledged or answered within {@value #DAYS_AHEAD} days or are overdue. A reminder
 * holds only that number and a link to log in; no channel, no date, no content. Runs on
 * one instance at a time; without a mail server ({@code spring.mail.host}) it does
 * nothing.
 */
@Component
class ReminderJob {

	static final int DAYS_AHEAD = 2;

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private final ReminderAddresses addresses;

	private final Reports reports;

	private final Mail mail;

	private final MessageSource messages;

	private final Clock clock;

	private final String from;

	private final Locale language;

	private final String link;

	ReminderJob(ReminderAddresses addresses, Reports reports, Mail mail, MessageSource messages, Clock clock,
			VoiceProperties properties, PublicUrl publicUrl) {
		this.addresses = addresses;
		this.reports = reports;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.from = properties.mailFrom();
		this.language = Locale.forLanguageTag(properties.mailLanguage());
		this.link = properties.inbox(publicUrl);
	}

	@Scheduled(cron = "${bryt.voice.reminder-cron:0 0 7 * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "voice-reminders", lockAtMostFor = "PT1H")
	void runDaily() {
		int sent = sendReminders();
		if (sent > 0) {
			log.info("Sent {} voice reminders", sent);
		}
	}

	/** Sends the reminders that are due today; returns how many were sent. */
	int sendReminders() {
		if (!this.mail.available()) {
			return 0;
		}
		int sent = 0;
		for (ReminderAddresses.Address address : this.addresses.all()) {
			long due = this.reports.inbox(address.organisationId(), address.accountId())
				.stream()
				.filter((row) -> row.due() != null && row.due().daysLeft() <= DAYS_AHEAD)
				.count();
			if (due == 0) {
				continue;
			}
			String subject = this.messages.getMessage("voice.reminder.subject", null, this.language);
			String body = this.messages.getMessage("voice.reminder.body", new Object[] { due, DAYS_AHEAD, this.link },
					this.language);
			if (this.mail.send(new Mail.Message("voice reminder", this.from, subject, body), address.email())) {
				sent++;
			}
		}
		return sent;
	}

}
