package bryt.voice;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a report stands, and the only way it moves: new → acknowledged → in follow-up →
 * closed, never back. Each change returns a new report, or throws {@link Refused} when
 * the rules forbid it; the repository stores what comes back
 * ({@code ReportRepository.save}). Immutable, and free of the database and the clock:
 * {@code today} is passed in.
 *
 * @param id the report's id inside Bryt
 * @param status where the report stands
 * @param outcome how it ended; set exactly when it is closed
 * @param receivedOn the day it was submitted
 * @param acknowledgedOn the day its receipt was acknowledged; {@code null} while new
 * @param feedbackOn the day the reporter was given feedback; {@code null} until then
 * @param closedOn the day it was closed; {@code null} until then
 */
record Report(long id, ReportStatus status, Outcome outcome, LocalDate receivedOn, LocalDate acknowledgedOn,
		LocalDate feedbackOn, LocalDate closedOn) {

	Report {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(receivedOn, "receivedOn");
	}

	/** A report just submitted. */
	static Report received(long id, LocalDate today) {
		return new Report(id, ReportStatus.NEW, null, today, null, null, null);
	}

	/** Acknowledges receipt; only a new report. */
	Report acknowledge(LocalDate today) {
		refuseUnlessBefore(ReportStatus.ACKNOWLEDGED, "acknowledged");
		return new Report(this.id, ReportStatus.ACKNOWLEDGED, null, this.receivedOn, acknowledged(today),
				this.feedbackOn, null);
	}

	/**
	 * Starts the follow-up, from new or acknowledged; a new report counts as acknowledged
	 * today.
	 */
	Report startFollowUp(LocalDate today) {
		refuseUnlessBefore(ReportStatus.IN_FOLLOW_UP, "moved to follow-up");
		return new Report(this.id, ReportStatus.IN_FOLLOW_UP, null, this.receivedOn, acknowledged(today),
				this.feedbackOn, null);
	}

	/**
	 * Records that the reporter was given feedback: only in follow-up, and only once (the
	 * first message in follow-up is the feedback the law asks for).
	 */
	Report giveFeedback(LocalDate today) {
		if (this.status != ReportStatus.IN_FOLLOW_UP) {
			throw new Refused("Feedback is given in follow-up; this report is " + this.status);
		}
		if (this.feedbackOn != null) {
			throw new Refused("Feedback was already given on " + this.feedbackOn);
		}
		return new Report(this.id, this.status, null, this.receivedOn, this.acknowledgedOn, today, null);
	}

	/**
	 * Closes the report with an outcome, from any open status. A report closed before it
	 * was acknowledged or given feedback counts as both today, so that no deadline stays
	 * open on it.
	 */
	Report close(Outcome outcome, LocalDate today) {
		if (outcome == null) {
			throw new Refused("A report is closed with an outcome");
		}
		refuseUnlessBefore(ReportStatus.CLOSED, "closed");
		return new Report(this.id, ReportStatus.CLOSED, outcome, this.receivedOn, acknowledged(today),
				(this.feedbackOn != null) ? this.feedbackOn : today, today);
	}

	/**
	 * The change a recipient asks for on the report's page: a status and, to close, an
	 * outcome (and only then).
	 */
	Report moveTo(ReportStatus target, Outcome outcome, LocalDate today) {
		if (target != ReportStatus.CLOSED && outcome != null) {
			throw new Refused("Only a closed report has an outcome");
		}
		return switch (target) {
			case NEW -> throw new Refused("A report never goes back to new");
			case ACKNOWLEDGED -> acknowledge(today);
			case IN_FOLLOW_UP -> startFollowUp(today);
			case CLOSED -> close(outcome, today);
		};
	}

	/**
	 * What a recipient's message to the reporter does: the first one acknowledges a new
	 * report, the first one in follow-up is the feedback; any other leaves the report as
	 * it is.
	 */
	Report replied(LocalDate today) {
		if (this.status == ReportStatus.NEW) {
			return acknowledge(today);
		}
		if (this.status == ReportStatus.IN_FOLLOW_UP && this.feedbackOn == null) {
			return giveFeedback(today);
		}
		return this;
	}

	boolean isClosed() {
		return this.status == ReportStatus.CLOSED;
	}

	private void refuseUnlessBefore(ReportStatus target, String verb) {
		if (this.status.compareTo(target) >= 0) {
			throw new Refused("A report that is " + this.status + " cannot be " + verb);
		}
	}

	private LocalDate acknowledged(LocalDate today) {
		return (this.acknowledgedOn != null) ? this.acknowledgedOn : today;
	}

	/**
	 * The rules forbid the change: the status moves only forward, a closed report stays
	 * closed, and only closing takes an outcome. The recipient's page shows its one
	 * message for a refused change.
	 */
	static class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
