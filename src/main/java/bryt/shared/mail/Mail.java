package bryt.shared.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Bryt's mail: plain text, one message per address, through the server configured with
 * {@code spring.mail.host}; without one nothing is sent. The one place a message is built
 * and sent, so the one place that decides what a failure logs: the kind of mail and the
 * exception's class, never an address, a subject or a text (an address names a person,
 * and a survey invitation's text holds its token).
 */
@Component
public class Mail {

	private static final Logger log = LoggerFactory.getLogger(Mail.class);

	private final ObjectProvider<JavaMailSender> server;

	public Mail(ObjectProvider<JavaMailSender> server) {
		this.server = server;
	}

	/** Whether a mail server is configured. */
	public boolean available() {
		return this.server.getIfAvailable() != null;
	}

	/**
	 * Sends the message to each address once; returns how many went out (none without a
	 * mail server). A message the server refuses is logged by its kind and skipped.
	 */
	public int send(Message message, Collection<String> addresses) {
		JavaMailSender sender = this.server.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (String address : new LinkedHashSet<>(addresses)) {
			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom(message.from());
			mail.setTo(address);
			mail.setSubject(message.subject());
			mail.setText(message.body());
			if (message.date() != null) {
				mail.setSentDate(Date.from(message.date()));
			}
			try {
				sender.send(mail);
				sent++;
			}
			catch (MailException ex) {
				log.warn("A mail ({}) could not be sent: {}", message.kind(), ex.getClass().getSimpleName());
			}
		}
		return sent;
	}

	/** Sends the message to one address; whether it went out. */
	public boolean send(Message message, String address) {
		return send(message, List.of(address)) == 1;
	}

	/**
	 * A message.
	 *
	 * @param kind what the mail is, for the log when it cannot be sent, e.g.
	 * {@code "survey invitation"}; never anything of its text
	 * @param from the sender's address
	 * @param subject the subject line
	 * @param body the text
	 * @param date the Date header, or null for the time of sending
	 */
	public record Message(String kind, String from, String subject, String body, Instant date) {

		public Message(String kind, String from, String subject, String body) {
			this(kind, from, subject, body, null);
		}

	}

}
