package bryt.overview;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.organisation.Organisations;
import bryt.overview.Snapshot.Side;
import bryt.shared.mail.Mail;
import bryt.shared.security.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the other side when a person computes a quarter again
 * ({@link Snapshots.Recalculated}): a mail to each of that side's accounts of the
 * organisation that has a work address, with the quarter, the version and a link to it —
 * never a figure, a reason or a comment (the link needs a login). The home card says the
 * same to those without an address ({@link OverviewHomeCards}). Sent after the
 * recalculation committed; without a mail server ({@code spring.mail.host}) nothing is
 * sent. Nothing is logged but counts.
 */
@Component
class RecalculationNotices {

	private static final Logger log = LoggerFactory.getLogger(RecalculationNotices.class);

	private final Organisations organisations;

	private final Mail mail;

	private final MessageSource messages;

	private final String from;

	private final String base;

	RecalculationNotices(Organisations organisations, Mail mail, MessageSource messages,
			@Value("${bryt.overview.mail-from:bryt@localhost}") String from, PublicUrl publicUrl) {
		this.organisations = organisations;
		this.mail = mail;
		this.messages = messages;
		this.from = from;
		this.base = publicUrl.forLinks();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void recalculated(Snapshots.Recalculated event) {
		if (!this.mail.available()) {
			return;
		}
		Optional<Side> asking = this.organisations.accounts(event.organisationId())
			.stream()
			.filter((account) -> account.id() == event.takenBy())
			.findFirst()
			.flatMap((account) -> Reviews.sideOf(account.roles()));
		Side other = (asking.orElse(Side.EMPLOYER) == Side.EMPLOYER) ? Side.UNION : Side.EMPLOYER;
		// an account of both sides speaks for neither (Reviews.sideOf)
		Set<String> addresses = this.organisations.reachableAccounts(event.organisationId())
			.stream()
			.filter((account) -> Reviews.sideOf(account.roles()).filter((side) -> side == other).isPresent())
			.map(Organisations.Addressee::email)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Locale language = this.organisations.language(event.organisationId());
		String subject = this.messages.getMessage("overview.mail.recalculated.subject",
				new Object[] { event.quarter().toString() }, language);
		String body = this.messages.getMessage("overview.mail.recalculated.body", new Object[] {
				event.quarter().toString(), event.version(), this.base + "/overview/snapshots/" + event.snapshotId() },
				language);
		int sent = this.mail.send(new Mail.Message("recalculation notice", this.from, subject, body), addresses);
		log.info("Recalculation of a quarter told to {} of {} addresses of the other side", sent, addresses.size());
	}

}
