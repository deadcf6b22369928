package bryt.voice;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

	private static final LocalDate RECEIVED = LocalDate.of(2026, 1, 30);

	@Test
	void acknowledgeWithinSevenDaysAndFeedbackThreeMonthsAfterTheAcknowledgement() {
		Deadlines deadlines = Deadlines.of(RECEIVED, LocalDate.of(2026, 2, 2), 7, 3);
		// 30 January + 7 days = 6 February; 2 February + 3 months = 2 May.
		assertThat(deadlines.acknowledgeBy()).isEqualTo(LocalDate.of(2026, 2, 6));
		assertThat(deadlines.feedbackBy()).isEqualTo(LocalDate.of(2026, 5, 2));
	}

	@Test
	void withoutAcknowledgementFeedbackCountsFromTheEndOfTheSevenDays() {
		// 6 February + 3 months = 6 May.
		assertThat(Deadlines.of(RECEIVED, null, 7, 3).feedbackBy()).isEqualTo(LocalDate.of(2026, 5, 6));
	}

	@Test
	void theChannelsOwnPeriodsApply() {
		Deadlines deadlines = Deadlines.of(RECEIVED, null, 5, 1);
		// 30 January + 5 days = 4 February; + 1 month = 4 March.
		assertThat(deadlines.acknowledgeBy()).isEqualTo(LocalDate.of(2026, 2, 4));
		assertThat(deadlines.feedbackBy()).isEqualTo(LocalDate.of(2026, 3, 4));
	}

	@Test
	void countsDownAndMarksOverdue() {
		Deadlines deadlines = Deadlines.of(RECEIVED, null, 7, 3);
		Deadlines.Due newReport = deadlines.due(ReportStatus.NEW, null, LocalDate.of(2026, 2, 8));
		assertThat(newReport.kind()).isEqualTo(Deadlines.Due.Kind.ACKNOWLEDGE);
		assertThat(newReport.daysLeft()).isEqualTo(-2);
		assertThat(newReport.overdue()).isTrue();
		Deadlines acknowledged = Deadlines.of(RECEIVED, LocalDate.of(2026, 2, 2), 7, 3);
		Deadlines.Due feedback = acknowledged.due(ReportStatus.IN_FOLLOW_UP, null, LocalDate.of(2026, 4, 30));
		assertThat(feedback.kind()).isEqualTo(Deadlines.Due.Kind.FEEDBACK);
		assertThat(feedback.daysLeft()).isEqualTo(2);
		assertThat(feedback.overdue()).isFalse();
		assertThat(acknowledged.due(ReportStatus.IN_FOLLOW_UP, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1)))
			.isNull();
		assertThat(acknowledged.due(ReportStatus.CLOSED, null, LocalDate.of(2026, 6, 1))).isNull();
	}

}
