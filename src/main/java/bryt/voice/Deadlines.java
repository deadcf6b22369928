package bryt.voice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The two deadlines of whistleblowing law (EU directive 2019/1937 art. 9, Swedish lag
 * 2021:890, Danish lov 1436/2021): acknowledge receipt within seven days; give feedback
 * within three months of the acknowledgement or, without one, of the end of those seven
 * days. Both periods are set per channel.
 *
 * @param acknowledgeBy the last day to acknowledge
 * @param feedbackBy the last day to give feedback
 */
record Deadlines(LocalDate acknowledgeBy, LocalDate feedbackBy) {

	static Deadlines of(LocalDate received, LocalDate acknowledged, int acknowledgeDays, int feedbackMonths) {
		LocalDate acknowledgeBy = received.plusDays(acknowledgeDays);
		LocalDate feedbackFrom = (acknowledged != null) ? acknowledged : acknowledgeBy;
		return new Deadlines(acknowledgeBy, feedbackFrom.plusMonths(feedbackMonths));
	}

	/**
	 * The deadline the report waits for now, if any: acknowledgement while it is new,
	 * feedback until feedback was given.
	 */
	Due due(ReportStatus status, LocalDate feedbackGiven, LocalDate today) {
		if (status == ReportStatus.NEW) {
			return Due.of(Due.Kind.ACKNOWLEDGE, this.acknowledgeBy, today);
		}
		if (status != ReportStatus.CLOSED && feedbackGiven == null) {
			return Due.of(Due.Kind.FEEDBACK, this.feedbackBy, today);
		}
		return null;
	}

	/**
	 * What is due next.
	 *
	 * @param kind acknowledgement or feedback
	 * @param by the last day
	 * @param daysLeft days from today to the last day; negative when overdue
	 * @param overdue whether the last day has passed
	 */
	record Due(Kind kind, LocalDate by, long daysLeft, boolean overdue) {

		static Due of(Kind kind, LocalDate by, LocalDate today) {
			long daysLeft = ChronoUnit.DAYS.between(today, by);
			return new Due(kind, by, daysLeft, daysLeft < 0);
		}

		enum Kind {

			ACKNOWLEDGE, FEEDBACK

		}

	}

}
