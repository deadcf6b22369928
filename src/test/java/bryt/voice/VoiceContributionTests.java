package bryt.voice;

import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.OverviewFigure;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Voice's overview figures for 2026-Q1 (as of 2026-03-31), counted by hand.
 *
 * <pre>
 * U1  2025-10-01 ×5, acknowledged 10-03: feedback due 2026-01-03; given 2025-12-15 ×4,
 *                2026-01-10 ×1 (late)                    → feedback due in Q1 5, in time 4
 *     2026-01-05 ×5 acknowledged the next day, 2026-01-10 acknowledged 01-20 (10 days, late)
 *                                                        → received 6, ack due 6, in time 5
 * U2  2026-02-02 ×5 acknowledged 02-04                   → received 5, due 5, in time 5
 * U3  2026-01-15 acknowledged 01-16, 2026-01-20 never    → received 2, due 2, in time 1
 * U4  nothing
 * Organisation: received 13, acknowledged in time 11 of 13, feedback in time 4 of 5.
 * Received and acknowledged: U3 is under 5 and the only hidden unit with anybody, so
 * U2 (5, the smallest shown) is hidden with it; U1 is shown. Feedback: only U1 has any.
 * </pre>
 */
@BrytTest
class VoiceContributionTests {

	private static final Quarter Q1 = new Quarter(2026, 1);

	private static final LocalDate END = LocalDate.of(2026, 3, 31);

	@Autowired
	private VoiceContribution contribution;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void eachFigureAsCountedByHandWithASecondUnitHiddenBesideTheOneUnderFive() {
		Organisation org = this.organisations.create("vc-" + System.nanoTime(), "Voice overview", Country.SE);
		long u1 = unit(org, "U1");
		long u2 = unit(org, "U2");
		long u3 = unit(org, "U3");
		long u4 = unit(org, "U4");
		long channel = channel(org);
		for (int i = 0; i < 4; i++) {
			report(org, channel, u1, "2025-10-01", "2025-10-03", "2025-12-15");
		}
		report(org, channel, u1, "2025-10-01", "2025-10-03", "2026-01-10");
		for (int i = 0; i < 5; i++) {
			report(org, channel, u1, "2026-01-05", "2026-01-06", null);
			report(org, channel, u2, "2026-02-02", "2026-02-04", null);
		}
		report(org, channel, u1, "2026-01-10", "2026-01-20", null);
		report(org, channel, u3, "2026-01-15", "2026-01-16", null);
		report(org, channel, u3, "2026-01-20", null, null);

		List<OverviewFigure> figures = this.contribution.figures(org, Q1, END);

		assertThat(value(figures, VoiceContribution.RECEIVED, 0)).isEqualTo(13.0);
		assertThat(value(figures, VoiceContribution.RECEIVED, u1)).isEqualTo(6.0);
		assertThat(hidden(figures, VoiceContribution.RECEIVED, u2)).isEqualTo(Hidden.TOO_FEW);
		assertThat(hidden(figures, VoiceContribution.RECEIVED, u3)).isEqualTo(Hidden.TOO_FEW);
		assertThat(hidden(figures, VoiceContribution.RECEIVED, u4)).isEqualTo(Hidden.NO_DATA);

		assertThat(value(figures, VoiceContribution.ACKNOWLEDGED, 0)).isCloseTo(11 / 13.0, within(1e-9));
		assertThat(value(figures, VoiceContribution.ACKNOWLEDGED, u1)).isCloseTo(5 / 6.0, within(1e-9));
		assertThat(hidden(figures, VoiceContribution.ACKNOWLEDGED, u2)).isEqualTo(Hidden.TOO_FEW);
		assertThat(hidden(figures, VoiceContribution.ACKNOWLEDGED, u3)).isEqualTo(Hidden.TOO_FEW);

		assertThat(value(figures, VoiceContribution.FEEDBACK, 0)).isCloseTo(0.8, within(1e-9));
		assertThat(value(figures, VoiceContribution.FEEDBACK, u1)).isCloseTo(0.8, within(1e-9));
		assertThat(hidden(figures, VoiceContribution.FEEDBACK, u2)).isEqualTo(Hidden.NO_DATA);
		assertThat(hidden(figures, VoiceContribution.FEEDBACK, u3)).isEqualTo(Hidden.NO_DATA);
		// one figure per definition and unit, the organisation's among them
		assertThat(figures).hasSize(3 * 5);
	}

	/**
	 * Reports that name no unit are never shown apart: beside the organisation's total
	 * they are a hidden group, and the only shown unit would give them away.
	 */
	@Test
	void reportsNamingNoUnitCountAsAHiddenGroup() {
		Organisation org = this.organisations.create("vc-" + System.nanoTime(), "Voice overview", Country.SE);
		long u1 = unit(org, "U1");
		long channel = channel(org);
		for (int i = 0; i < 6; i++) {
			report(org, channel, u1, "2026-02-02", "2026-02-03", null);
		}
		for (int i = 0; i < 3; i++) {
			report(org, channel, null, "2026-02-02", "2026-02-03", null);
		}
		List<OverviewFigure> figures = this.contribution.figures(org, Q1, END);
		assertThat(value(figures, VoiceContribution.RECEIVED, 0)).isEqualTo(9.0);
		assertThat(hidden(figures, VoiceContribution.RECEIVED, u1)).isEqualTo(Hidden.TOO_FEW);
		assertThat(value(figures, VoiceContribution.ACKNOWLEDGED, 0)).isEqualTo(1.0);
	}

	/**
	 * Within a running quarter a report whose 7 days have not run out and that is not
	 * acknowledged yet is not judged.
	 */
	@Test
	void aReportStillWithinItsSevenDaysIsNotJudged() {
		Organisation org = this.organisations.create("vc-" + System.nanoTime(), "Voice overview", Country.SE);
		long u1 = unit(org, "U1");
		long channel = channel(org);
		for (int i = 0; i < 5; i++) {
			report(org, channel, u1, "2026-02-02", "2026-02-03", null);
		}
		report(org, channel, u1, "2026-03-28", null, null);
		List<OverviewFigure> figures = this.contribution.figures(org, Q1, END);
		assertThat(value(figures, VoiceContribution.RECEIVED, u1)).isEqualTo(6.0);
		assertThat(value(figures, VoiceContribution.ACKNOWLEDGED, u1)).isEqualTo(1.0);
		// the same report judged once its 7 days have run out (as of 2026-04-05, in Q2)
		VoiceFigures.QuarterFigures later = this.figuresOf(org, Quarter.of(LocalDate.of(2026, 1, 1)),
				LocalDate.of(2026, 4, 5));
		assertThat(later.units().get(u1).acknowledged().share()).isCloseTo(5 / 6.0, within(1e-9));
	}

	@Autowired
	private VoiceFigures voiceFigures;

	private VoiceFigures.QuarterFigures figuresOf(Organisation org, Quarter quarter, LocalDate asOf) {
		return this.voiceFigures.quarter(org.id(), quarter, asOf);
	}

	private static Double value(List<OverviewFigure> figures, String key, long unit) {
		OverviewFigure figure = find(figures, key, unit);
		assertThat(figure.hidden()).as("%s of %d is shown", key, unit).isNull();
		return figure.value();
	}

	private static Hidden hidden(List<OverviewFigure> figures, String key, long unit) {
		return find(figures, key, unit).hidden();
	}

	private static OverviewFigure find(List<OverviewFigure> figures, String key, long unit) {
		return figures.stream().filter((f) -> f.key().equals(key) && f.unitId() == unit).findFirst().orElseThrow();
	}

	private long unit(Organisation org, String code) {
		return this.jdbc.sql(
				"insert into unit (organisation_id, code, name, level) values (:org, :code, :code, 'UNIT') returning id")
			.param("org", org.id())
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private long channel(Organisation org) {
		return this.jdbc
			.sql("insert into voice_channel (organisation_id, kind, name) values (:org, 'WHISTLEBLOWING', 'Kanal') "
					+ "returning id")
			.param("org", org.id())
			.query(Long.class)
			.single();
	}

	private void report(Organisation org, long channel, Long unit, String received, String acknowledged,
			String feedback) {
		this.jdbc.sql("""
				insert into voice_report (organisation_id, channel_id, unit_id, receipt_selector, receipt_hash,
					receipt_wrapped_key, content, received_on, acknowledged_on, feedback_on)
				values (:org, :channel, :unit, :selector, '\\x00', '\\x00', '\\x00', :received, :ack, :feedback)
				""")
			.param("org", org.id())
			.param("channel", channel)
			.param("unit", unit)
			.param("selector", "O" + System.nanoTime())
			.param("received", LocalDate.parse(received))
			.param("ack", (acknowledged != null) ? LocalDate.parse(acknowledged) : null)
			.param("feedback", (feedback != null) ? LocalDate.parse(feedback) : null)
			.update();
	}

}
