package bryt.voice;

import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Figures from eight reports whose dates are chosen by hand:
 *
 * <pre>
 * received    unit  acknowledged (days)  feedback (days, in time?)
 * 2026-01-05  –     01-06 (1)            02-05 (31, yes: due 04-06)
 * 2026-01-10  –     01-12 (2)            03-10 (59, yes: due 04-12)
 * 2026-02-01  –     02-04 (3)
 * 2026-02-10  –     02-20 (10, late)     06-01 (111, late: due 05-20)
 * 2026-03-01  –
 * 2026-03-15  –     03-16 (1)
 * 2026-04-02  U     04-03 (1)
 * 2026-05-02  U
 * </pre>
 */
@BrytTest
class VoiceFiguresTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private VoiceFigures figures;

	@Test
	void countsPerChannelQuarterAndUnitAndSuppressesGroupsUnderFive() {
		Ids ids = createReports("figures-counts");
		List<VoiceFigures.ReportCount> counts = this.figures.reportsPerChannelQuarterAndUnit(ids.organisation());
		assertThat(counts).hasSize(2);
		assertThat(counts.get(0)).isEqualTo(new VoiceFigures.ReportCount(ids.channel(), "Kanal", 2026, 1, null, 6));
		assertThat(counts.get(1))
			.isEqualTo(new VoiceFigures.ReportCount(ids.channel(), "Kanal", 2026, 2, ids.unit(), null));
		assertThat(counts.get(1).suppressed()).isTrue();
	}

	@Test
	void mediansAndSharesWithinTheDeadlines() {
		Ids ids = createReports("figures-handling");
		VoiceFigures.Handling handling = this.figures.handling(ids.organisation());
		assertThat(handling.reports()).isEqualTo(8);
		// Days to acknowledge 1, 1, 1, 2, 3, 10: median (1 + 2) / 2.
		assertThat(handling.medianDaysToAcknowledge()).isEqualTo(1.5);
		// Days to feedback 31, 59, 111.
		assertThat(handling.medianDaysToFeedback()).isEqualTo(59.0);
		assertThat(handling.shareAcknowledgedInTime()).isCloseTo(5 / 6.0, within(1e-9));
		assertThat(handling.shareFeedbackInTime()).isCloseTo(2 / 3.0, within(1e-9));
	}

	@Test
	void showsNothingForFewerThanFiveReports() {
		long org = organisation("figures-few");
		VoiceFigures.Handling handling = this.figures.handling(org);
		assertThat(handling).isEqualTo(new VoiceFigures.Handling(0, null, null, null, null));
	}

	private Ids createReports(String code) {
		long org = organisation(code);
		long unit = this.jdbc
			.sql("insert into unit (organisation_id, code, name, level) values (:org, 'U', 'Enhet U', "
					+ "'UNIT') returning id")
			.param("org", org)
			.query(Long.class)
			.single();
		long channel = this.jdbc
			.sql("insert into voice_channel (organisation_id, kind, name) values (:org, 'WHISTLEBLOWING', 'Kanal') "
					+ "returning id")
			.param("org", org)
			.query(Long.class)
			.single();
		report(org, channel, null, "2026-01-05", "2026-01-06", "2026-02-05");
		report(org, channel, null, "2026-01-10", "2026-01-12", "2026-03-10");
		report(org, channel, null, "2026-02-01", "2026-02-04", null);
		report(org, channel, null, "2026-02-10", "2026-02-20", "2026-06-01");
		report(org, channel, null, "2026-03-01", null, null);
		report(org, channel, null, "2026-03-15", "2026-03-16", null);
		report(org, channel, unit, "2026-04-02", "2026-04-03", null);
		report(org, channel, unit, "2026-05-02", null, null);
		return new Ids(org, channel, unit);
	}

	private long organisation(String code) {
		return this.jdbc.sql("insert into organisation (code, name, country) values (:code, :code, 'SE') returning id")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private void report(long org, long channel, Long unit, String received, String acknowledged, String feedback) {
		this.jdbc.sql("""
				insert into voice_report (organisation_id, channel_id, unit_id, receipt_selector, receipt_hash,
					receipt_wrapped_key, content, received_on, acknowledged_on, feedback_on)
				values (:org, :channel, :unit, :selector, '\\x00', '\\x00', '\\x00', :received, :ack, :feedback)
				""")
			.param("org", org)
			.param("channel", channel)
			.param("unit", unit)
			.param("selector", "F" + System.nanoTime())
			.param("received", LocalDate.parse(received))
			.param("ack", (acknowledged != null) ? LocalDate.parse(acknowledged) : null)
			.param("feedback", (feedback != null) ? LocalDate.parse(feedback) : null)
			.update();
	}

	private record Ids(long organisation, long channel, long unit) {
	}

}
