package bryt.voice;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Voice's figures for the joint overview, computed from what is stored in the clear
 * (channel, day received, optional unit, status dates); never from a report's content.
 *
 * <p>
 * Any group of fewer than {@value #MIN_GROUP} reports is suppressed: its count is not
 * given. Only one breakdown (channel × quarter × unit) is offered, with no subtotals, so
 * that a suppressed group cannot be worked out by subtracting one figure from another.
 */
@Service
public class VoiceFigures {

	/** The smallest group whose size is shown. */
	public static final int MIN_GROUP = 5;

	private final JdbcClient jdbc;

	VoiceFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reports per channel, calendar quarter of receipt and unit (a {@code null} unit
	 * means the reporter named none), ordered by channel, quarter and unit.
	 */
	public List<ReportCount> reportsPerChannelQuarterAndUnit(long organisationId) {
		return this.jdbc.sql("""
				select c.id as channel_id, c.name as channel_name,
					extract(year from r.received_on)::int as year, extract(quarter from r.received_on)::int as quarter,
					r.unit_id, count(*) as reports
				from voice_report r join voice_channel c on c.id = r.channel_id
				where r.organisation_id = :org
				group by c.id, c.name, 3, 4, r.unit_id
				order by c.id, 3, 4, r.unit_id nulls first
				""").param("org", organisationId).query((rs, row) -> {
			int count = rs.getInt("reports");
			long unit = rs.getLong("unit_id");
			Long unitId = rs.wasNull() ? null : unit;
			return new ReportCount(rs.getLong("channel_id"), rs.getString("channel_name"), rs.getInt("year"),
					rs.getInt("quarter"), unitId, (count >= MIN_GROUP) ? count : null);
		}).list();
	}

	/**
	 * How quickly the organisation's reports were handled: median days from receipt to
	 * acknowledgement and from receipt to feedback, and the share of those acknowledged
	 * or given feedback that met the channel's deadline. All {@code null} when fewer than
	 * {@value #MIN_GROUP} reports are counted.
	 */
	public Handling handling(long organisationId) {
		return this.jdbc
			.sql("""
					select count(*) as reports,
						count(r.acknowledged_on) as acknowledged,
						count(r.feedback_on) as fed_back,
						percentile_cont(0.5) within group (order by r.acknowledged_on - r.received_on)
							filter (where r.acknowledged_on is not null) as median_acknowledge,
						percentile_cont(0.5) within group (order by r.feedback_on - r.received_on)
							filter (where r.feedback_on is not null) as median_feedback,
						count(*) filter (where r.acknowledged_on <= r.received_on + c.acknowledge_days) as acknowledged_in_time,
						count(*) filter (where r.feedback_on <= (coalesce(r.acknowledged_on,
							r.received_on + c.acknowledge_days) + make_interval(months => c.feedback_months))::date)
							as fed_back_in_time
					from voice_report r join voice_channel c on c.id = r.channel_id
					where r.organisation_id = :org
					""")
			.param("org", organisationId)
			.query((rs, row) -> {
				int reports = rs.getInt("reports");
				if (reports < MIN_GROUP) {
					return new Handling(reports, null, null, null, null);
				}
				int acknowledged = rs.getInt("acknowledged");
				int fedBack = rs.getInt("fed_back");
				double medianAcknowledge = rs.getDouble("median_acknowledge");
				Double medianAck = rs.wasNull() ? null : medianAcknowledge;
				double medianFeedback = rs.getDouble("median_feedback");
				Double medianFb = rs.wasNull() ? null : medianFeedback;
				return new Handling(reports, medianAck, medianFb,
						(acknowledged > 0) ? rs.getInt("acknowledged_in_time") / (double) acknowledged : null,
						(fedBack > 0) ? rs.getInt("fed_back_in_time") / (double) fedBack : null);
			})
			.single();
	}

	/**
	 * Reports of one channel in one quarter and unit.
	 *
	 * @param channelId the channel
	 * @param channelName its name
	 * @param year year of receipt
	 * @param quarter quarter of receipt, 1–4
	 * @param unitId the unit the reporters named, {@code null} for none
	 * @param reports the number, {@code null} when under {@value VoiceFigures#MIN_GROUP}
	 */
	public record ReportCount(long channelId, String channelName, int year, int quarter, Long unitId, Integer reports) {

		public boolean suppressed() {
			return this.reports == null;
		}

	}

	/**
	 * How quickly reports were handled.
	 *
	 * @param reports reports counted
	 * @param medianDaysToAcknowledge median days from receipt to acknowledgement
	 * @param medianDaysToFeedback median days from receipt to feedback
	 * @param shareAcknowledgedInTime of the acknowledged, the share within the deadline
	 * @param shareFeedbackInTime of those given feedback, the share within the deadline
	 */
	public record Handling(int reports, Double medianDaysToAcknowledge, Double medianDaysToFeedback,
			Double shareAcknowledgedInTime, Double shareFeedbackInTime) {
	}

}
