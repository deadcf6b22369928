package bryt.safety;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import bryt.organisation.Organisations.Recipient;
import bryt.shared.mail.Mail;
import bryt.shared.security.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The safety module's mail: a notice names the unit and the step that is due and links to
 * the incident's page, nothing else (docs/safety/routing.md says why). Nothing is logged
 * but counts and account ids: no address, no text. Without a mail server
 * ({@code spring.mail.host}) nothing is sent.
 */
@Component
class SafetyMail {

	private static final Logger log = LoggerFactory.getLogger(SafetyMail.class);

	private final Mail mail;

	private final MessageSource messages;

	private final String from;

	private final String base;

	SafetyMail(Mail mail, MessageSource messages, SafetyProperties properties, PublicUrl publicUrl) {
		this.mail = mail;
		this.messages = messages;
		this.from = properties.mailFrom();
		this.base = publicUrl.forLinks();
	}

	/**
	 * Says at start when no mail server is configured: routing then mails nobody, and the
	 * handlers see new incidents only in their lists until one is (the job routes them
	 * then).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warnWithoutMail() {
		if (!available()) {
			log.warn("No mail server (spring.mail.host): safety incidents are not mailed to their managers and "
					+ "safety representatives; they are in the incidents lists, and are mailed once a server is set");
		}
	}

	/** Whether a mail server is configured. */
	boolean available() {
		return this.mail.available();
	}

	/** The incident's page: the only thing a notice links to. */
	String link(long incidentId) {
		return this.base + "/safety/incidents/" + incidentId;
	}

	/**
	 * Sends one notice to each reachable recipient (an address once, however many roles
	 * it holds); returns how many mails went out.
	 * @param kind the notice, {@code safety.mail.<kind>.subject} and {@code .body}
	 * @param arguments the body's arguments: {0} is the unit's name, {1} the link, then
	 * the notice's own
	 */
	int send(Collection<Recipient> recipients, String kind, Object[] arguments, Locale language) {
		return send(recipients, kind, arguments, language, null);
	}

	/**
	 * As {@link #send(Collection, String, Object[], Locale)}, with the mails' Date header
	 * set to {@code date} (an anonymous report's notice: the hour, not the second).
	 */
	int send(Collection<Recipient> recipients, String kind, Object[] arguments, Locale language,
			java.time.Instant date) {
		if (!this.mail.available()) {
			return 0;
		}
		String subject = this.messages.getMessage("safety.mail." + kind + ".subject", null, language);
		String body = this.messages.getMessage("safety.mail." + kind + ".body", arguments, language) + "\n\n"
				+ this.messages.getMessage("safety.mail.footer", null, language);
		Set<String> addresses = new LinkedHashSet<>();
		int unreachable = 0;
		for (Recipient recipient : recipients) {
			if (recipient.reachable()) {
				addresses.add(recipient.email());
			}
			else {
				unreachable++;
			}
		}
		if (unreachable > 0) {
			log.info("{} recipients of a safety notice ({}) have no work address; they see it in Bryt only",
					unreachable, kind);
		}
		return this.mail.send(new Mail.Message("safety notice (" + kind + ")", this.from, subject, body, date),
				addresses);
	}

}
