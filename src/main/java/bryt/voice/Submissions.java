package bryt.voice;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a report form once: the form's one-time id is marked used in the same transaction
 * that stores the report, so either both happen or neither.
 */
@Service
class Submissions {

	/**
	 * How long a used form is remembered. A form kept open in a tab for longer and sent
	 * again would make a second report; a month covers any back button or double click.
	 */
	static final int REMEMBERED_DAYS = 30;

	private final Reports reports;

	private final UsedFormRepository usedForms;

	private final AccessLogKey key;

	private final Clock clock;

	Submissions(Reports reports, UsedFormRepository usedForms, AccessLogKey key, Clock clock) {
		this.reports = reports;
		this.usedForms = usedForms;
		this.key = key;
		this.clock = clock;
	}

	/**
	 * Stores the report unless its form was sent before.
	 * @throws AlreadySentException when the form's id was used (nothing is stored)
	 * @throws Reports.NoRecipientException when no remaining recipient has a key
	 */
	@Transactional
	Receipt submit(Channel channel, Reports.Submission submission, String formId) {
		LocalDate today = LocalDate.now(this.clock);
		this.usedForms.deleteExpired(today);
		if (!FormOnce.valid(formId)) {
			throw new IllegalArgumentException("Not a form id");
		}
		if (!this.usedForms.claim(FormOnce.hash(this.key, formId), today.plusDays(REMEMBERED_DAYS))) {
			throw new AlreadySentException();
		}
		return this.reports.submit(channel, submission);
	}

	/** The form was sent before; the report it made stands. */
	static class AlreadySentException extends RuntimeException {

		AlreadySentException() {
			super("The form was already sent", null, false, false);
		}

	}

}
