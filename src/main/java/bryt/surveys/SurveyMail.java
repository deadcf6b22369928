package bryt.surveys;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import bryt.shared.mail.Mail;
import bryt.shared.security.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Invitations and reminders by mail. An invitation carries its link (the token) and is
 * built and sent in memory; nothing pairs an address with a token afterwards. A reminder
 * carries no token (none is kept) and goes to everyone invited. Nothing is logged but
 * counts: no address, no token. Without a mail server ({@code spring.mail.host}) nothing
 * is sent and the counts say so.
 */
@Component
class SurveyMail {

	private static final Logger log = LoggerFactory.getLogger(SurveyMail.class);

	private final Mail mail;

	private final MessageSource messages;

	private final String from;

	private final String answerLink;

	private final boolean answerLinkConfigured;

	SurveyMail(Mail mail, MessageSource messages, SurveysProperties properties, PublicUrl publicUrl) {
		this.mail = mail;
		this.messages = messages;
		this.from = properties.mailFrom();
		this.answerLink = properties.answerLink().isBlank() ? publicUrl.forLinks() + "/s" : properties.answerLink();
		this.answerLinkConfigured = !properties.answerLink().isBlank() || !publicUrl.value().isEmpty();
	}

	/**
	 * Whether the code-entry page's address comes from the settings
	 * ({@code bryt.surveys.answer-link} or {@code bryt.public-url}); if not, mails and
	 * slips carry {@code http://localhost:8080/s}, which reaches nobody.
	 */
	boolean answerPageConfigured() {
		return this.answerLinkConfigured;
	}

	/** The code-entry page's address, for mails and paper sheets. */
	String answerPage() {
		return this.answerLink;
	}

	/** Whether a mail server is configured. */
	boolean available() {
		return this.mail.available();
	}

	/**
	 * Sends the invitations; returns the codes of those that could not be sent, so that
	 * they can be handed out on paper instead of being lost.
	 */
	List<InvitationCode> invitations(Collection<CycleLaunch.Launched.Mail> mails, Cycle cycle, Locale language) {
		if (!this.mail.available()) {
			return mails.stream().map(CycleLaunch.Launched.Mail::code).toList();
		}
		// The exit stages have their own wording (surveys.mail.exit_first.*,
		// exit_second.*).
		String kind = cycle.program().exit() ? cycle.program().key() : "invitation";
		String subject = this.messages.getMessage("surveys.mail." + kind + ".subject", null, language);
		String closes = cycle.closesOn()
			.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language));
		List<InvitationCode> unsent = new ArrayList<>();
		for (CycleLaunch.Launched.Mail invitation : mails) {
			String body = this.messages.getMessage("surveys.mail." + kind + ".body",
					new Object[] { this.answerLink + "/" + invitation.code().value(), closes, this.answerLink,
							invitation.code().grouped() },
					language);
			if (!this.mail.send(new Mail.Message("survey invitation", this.from, subject, body), invitation.email())) {
				unsent.add(invitation.code());
			}
		}
		if (!unsent.isEmpty()) {
			log.warn("{} of {} survey invitations of cycle {} could not be sent", unsent.size(), mails.size(),
					cycle.id());
		}
		return unsent;
	}

	/** Sends a cycle's reminder to everyone invited; returns how many were sent. */
	int reminders(Collection<String> emails, Cycle cycle, Locale language) {
		String subject = this.messages.getMessage("surveys.mail.reminder.subject", null, language);
		String closes = cycle.closesOn()
			.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language));
		String body = this.messages.getMessage("surveys.mail.reminder.body", new Object[] { closes, this.answerLink },
				language);
		return this.mail.send(new Mail.Message("survey reminder", this.from, subject, body), emails);
	}

	/**
	 * Sends a notice to staff (the comment review's reviewers); returns how many were
	 * sent. A notice names accounts and a survey, never a comment.
	 */
	int notices(Collection<String> emails, String subject, String body) {
		return this.mail.send(new Mail.Message("survey notice", this.from, subject, body), emails);
	}

}
