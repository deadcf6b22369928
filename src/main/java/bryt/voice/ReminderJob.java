package bryt.voice;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import bryt.shared.security.PublicUrl;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final Clock clock;

	private final String from;

	private final Locale language;

	private final String link;

	ReminderJob(ReminderAddresses addresses, Reports reports, ObjectProvider<JavaMailSender> mail,
			MessageSource messages, Clock clock, VoiceProperties properties, PublicUrl publicUrl) {
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
		Optional<JavaMailSender> sender = Optional.ofNullable(this.mail.getIfAvailable());
		if (sender.isEmpty()) {
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
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.from);
			message.setTo(address.email());
			message.setSubject(this.messages.getMessage("voice.reminder.subject", null, this.language));
			message.setText(this.messages.getMessage("voice.reminder.body", new Object[] { due, DAYS_AHEAD, this.link },
					this.language));
			try {
				sender.get().send(message);
				sent++;
			}
			catch (MailException ex) {
				log.warn("A voice reminder to account {} could not be sent: {}", address.accountId(),
						ex.getClass().getSimpleName());
			}
		}
		return sent;
	}

}
