package bryt.voice;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import bryt.organisation.Organisations;
import bryt.shared.mail.Mail;
import bryt.shared.security.PublicUrl;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every recipient of the reports an account got back, by e-mail to the address they
 * chose for reminders: who got access, how many of their reports, and who gave it.
 * Nothing from the reports: no channel, no date, no number, no text, no receipt. Sent
 * after the transaction committed; without a mail server ({@code spring.mail.host}) the
 * access log alone tells.
 */
@Component
class AccessNotices {

	private final ReportRepository reports;

	private final ReminderAddresses addresses;

	private final Organisations directory;

	private final Mail mail;

	private final MessageSource messages;

	private final String from;

	private final Locale language;

	private final String link;

	AccessNotices(ReportRepository reports, ReminderAddresses addresses, Organisations directory, Mail mail,
			MessageSource messages, VoiceProperties properties, PublicUrl publicUrl) {
		this.reports = reports;
		this.addresses = addresses;
		this.directory = directory;
		this.mail = mail;
		this.messages = messages;
		this.from = properties.mailFrom();
		this.language = Locale.forLanguageTag(properties.mailLanguage());
		this.link = properties.inbox(publicUrl);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void accessRestored(AccessRestored event) {
		if (!this.mail.available()) {
			return;
		}
		Map<Long, Integer> reportsByRecipient = new LinkedHashMap<>();
		for (long reportId : event.reportIds()) {
			for (long recipient : this.reports.everyRecipient(reportId)) {
				reportsByRecipient.merge(recipient, 1, Integer::sum);
			}
		}
		Map<Long, String> names = this.directory.accounts(event.organisationId())
			.stream()
			.collect(Collectors.toMap(Organisations.AccountSummary::id, Organisations.AccountSummary::displayName));
		String by = event.by().stream().map((id) -> names.getOrDefault(id, "?")).collect(Collectors.joining(", "));
		String target = names.getOrDefault(event.accountId(), "?");
		reportsByRecipient.forEach((recipient, count) -> this.addresses.find(recipient).ifPresent((address) -> {
			String subject = this.messages.getMessage("voice.access.mail.subject", null, this.language);
			String body = this.messages.getMessage(
					event.recovery() ? "voice.access.mail.recovered" : "voice.access.mail.regranted",
					new Object[] { target, count, by, this.link }, this.language);
			this.mail.send(new Mail.Message("voice access notice", this.from, subject, body), address);
		}));
	}

}
