package bryt.voice;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every transition of a report, allowed and forbidden. A report received on Monday 2
 * March 2026 is handled on later days; every expected date below is one of those days.
 */
class ReportTest {

	private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

	private static final LocalDate MAR_5 = LocalDate.of(2026, 3, 5);

	private static final LocalDate MAR_20 = LocalDate.of(2026, 3, 20);

	private static final LocalDate APR_7 = LocalDate.of(2026, 4, 7);

	private static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

	private static final Report NEW = Report.received(7, RECEIVED);

	private static final Report ACKNOWLEDGED = new Report(7, ReportStatus.ACKNOWLEDGED, null, RECEIVED, MAR_5, null,
			null);

	private static final Report IN_FOLLOW_UP = new Report(7, ReportStatus.IN_FOLLOW_UP, null, RECEIVED, MAR_5, null,
			null);

	private static final Report FED_BACK = new Report(7, ReportStatus.IN_FOLLOW_UP, null, RECEIVED, MAR_5, MAR_20,
			null);

	private static final Report CLOSED = new Report(7, ReportStatus.CLOSED, Outcome.ACTION_TAKEN, RECEIVED, MAR_5,
			MAR_20, APR_7);

	@Test
	void aReceivedReportIsNewWithNoOtherDay() {
		assertThat(NEW).isEqualTo(new Report(7, ReportStatus.NEW, null, RECEIVED, null, null, null));
	}

	// acknowledge

	@Test
	void acknowledgingANewReportSetsTheDay() {
		assertThat(NEW.acknowledge(MAR_5)).isEqualTo(ACKNOWLEDGED);
	}

	@Test
	void onlyANewReportIsAcknowledged() {
		for (Report report : new Report[] { ACKNOWLEDGED, IN_FOLLOW_UP, FED_BACK, CLOSED }) {
			assertThatExceptionOfType(Report.Refused.class).as(report.status().name())
				.isThrownBy(() -> report.acknowledge(MAR_20));
		}
	}

	// startFollowUp

	@Test
	void followUpStartsFromAcknowledgedKeepingItsDay() {
		assertThat(ACKNOWLEDGED.startFollowUp(MAR_20)).isEqualTo(IN_FOLLOW_UP);
	}

	@Test
	void followUpOfANewReportAcknowledgesItThatDay() {
		assertThat(NEW.startFollowUp(MAR_20))
			.isEqualTo(new Report(7, ReportStatus.IN_FOLLOW_UP, null, RECEIVED, MAR_20, null, null));
	}

	@Test
	void followUpDoesNotStartTwiceNorAfterClosing() {
		for (Report report : new Report[] { IN_FOLLOW_UP, FED_BACK, CLOSED }) {
			assertThatExceptionOfType(Report.Refused.class).as(report.status().name())
				.isThrownBy(() -> report.startFollowUp(APR_7));
		}
	}

	// giveFeedback

	@Test
	void feedbackIsGivenInFollowUp() {
		assertThat(IN_FOLLOW_UP.giveFeedback(MAR_20)).isEqualTo(FED_BACK);
	}

	@Test
	void feedbackIsGivenOnceAndOnlyInFollowUp() {
		for (Report report : new Report[] { NEW, ACKNOWLEDGED, FED_BACK, CLOSED }) {
			assertThatExceptionOfType(Report.Refused.class).as(report.status() + " " + report.feedbackOn())
				.isThrownBy(() -> report.giveFeedback(APR_7));
		}
	}

	// close

	@Test
	void closingAFollowedUpReportKeepsItsDays() {
		assertThat(FED_BACK.close(Outcome.ACTION_TAKEN, APR_7)).isEqualTo(CLOSED);
	}

	@Test
	void closingANewReportCountsAsAcknowledgedAndFedBackThatDay() {
		assertThat(NEW.close(Outcome.NOT_SUBSTANTIATED, APR_7))
			.isEqualTo(new Report(7, ReportStatus.CLOSED, Outcome.NOT_SUBSTANTIATED, RECEIVED, APR_7, APR_7, APR_7));
	}

	@Test
	void closingWithoutFeedbackCountsAsFeedbackThatDay() {
		assertThat(ACKNOWLEDGED.close(Outcome.REFERRED_ELSEWHERE, APR_7))
			.isEqualTo(new Report(7, ReportStatus.CLOSED, Outcome.REFERRED_ELSEWHERE, RECEIVED, MAR_5, APR_7, APR_7));
		assertThat(IN_FOLLOW_UP.close(Outcome.INSUFFICIENT_INFORMATION, APR_7)).isEqualTo(
				new Report(7, ReportStatus.CLOSED, Outcome.INSUFFICIENT_INFORMATION, RECEIVED, MAR_5, APR_7, APR_7));
	}

	@Test
	void closingNeedsAnOutcome() {
		for (Report report : new Report[] { NEW, ACKNOWLEDGED, IN_FOLLOW_UP, FED_BACK }) {
			assertThatExceptionOfType(Report.Refused.class).as(report.status().name())
				.isThrownBy(() -> report.close(null, APR_7));
		}
	}

	@Test
	void aClosedReportStaysClosed() {
		assertThatExceptionOfType(Report.Refused.class)
			.isThrownBy(() -> CLOSED.close(Outcome.NOT_SUBSTANTIATED, MAY_4));
	}

	// moveTo: the recipient's status form

	@Test
	void theStatusFormMovesOnlyForward() {
		assertThat(NEW.moveTo(ReportStatus.ACKNOWLEDGED, null, MAR_5)).isEqualTo(ACKNOWLEDGED);
		assertThat(ACKNOWLEDGED.moveTo(ReportStatus.IN_FOLLOW_UP, null, MAR_20)).isEqualTo(IN_FOLLOW_UP);
		assertThat(FED_BACK.moveTo(ReportStatus.CLOSED, Outcome.ACTION_TAKEN, APR_7)).isEqualTo(CLOSED);
		for (ReportStatus target : ReportStatus.values()) {
			assertThatExceptionOfType(Report.Refused.class).as("CLOSED → " + target)
				.isThrownBy(() -> CLOSED.moveTo(target, (target == ReportStatus.CLOSED) ? Outcome.ACTION_TAKEN : null,
						MAY_4));
		}
		assertThatExceptionOfType(Report.Refused.class).as("back to NEW")
			.isThrownBy(() -> NEW.moveTo(ReportStatus.NEW, null, MAR_5));
		assertThatExceptionOfType(Report.Refused.class).as("back to ACKNOWLEDGED")
			.isThrownBy(() -> IN_FOLLOW_UP.moveTo(ReportStatus.ACKNOWLEDGED, null, APR_7));
	}

	@Test
	void theStatusFormGivesAnOutcomeOnlyToClose() {
		assertThatExceptionOfType(Report.Refused.class)
			.isThrownBy(() -> NEW.moveTo(ReportStatus.ACKNOWLEDGED, Outcome.ACTION_TAKEN, MAR_5));
		assertThatExceptionOfType(Report.Refused.class)
			.isThrownBy(() -> ACKNOWLEDGED.moveTo(ReportStatus.IN_FOLLOW_UP, Outcome.ACTION_TAKEN, MAR_20));
		assertThatExceptionOfType(Report.Refused.class)
			.isThrownBy(() -> ACKNOWLEDGED.moveTo(ReportStatus.CLOSED, null, MAR_20));
	}

	// replied: a recipient's message to the reporter

	@Test
	void theFirstMessageAcknowledgesANewReport() {
		assertThat(NEW.replied(MAR_5)).isEqualTo(ACKNOWLEDGED);
	}

	@Test
	void theFirstMessageInFollowUpIsTheFeedback() {
		assertThat(IN_FOLLOW_UP.replied(MAR_20)).isEqualTo(FED_BACK);
	}

	@Test
	void otherMessagesLeaveTheReportAsItIs() {
		// Acknowledged but not in follow-up: a message there is not yet the feedback.
		for (Report report : new Report[] { ACKNOWLEDGED, FED_BACK, CLOSED }) {
			assertThat(report.replied(MAY_4)).as(report.status() + " " + report.feedbackOn()).isSameAs(report);
		}
	}

}
