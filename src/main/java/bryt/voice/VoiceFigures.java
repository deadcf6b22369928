package bryt.voice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import bryt.shared.time.Quarter;

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

	/** The whistleblowing laws' deadline for an acknowledgement: 7 days from receipt. */
	public static final int ACKNOWLEDGE_DAYS = 7;

	/**
	 * The laws' deadline for feedback: 3 months from the acknowledgement or, without one,
	 * from the end of the 7 days.
	 */
	public static final int FEEDBACK_MONTHS = 3;

	/**
	 * A quarter's figures for the joint overview, as they stood on {@code asOf}, per unit
	 * the reports name and for the organisation, with the minimum group applied to each
	 * figure on its own group and complementary suppression (see the class comment). The
	 * deadlines are the laws' ({@value #ACKNOWLEDGE_DAYS} days, {@value #FEEDBACK_MONTHS}
	 * months), not a channel's own, so that every channel is measured alike.
	 * <ul>
	 * <li>Received: reports received from the quarter's first day to {@code asOf}.</li>
	 * <li>Acknowledged in time: of the reports received then that were acknowledged by
	 * {@code asOf} or whose 7 days had run out by then, those acknowledged within 7
	 * days.</li>
	 * <li>Feedback in time: of the reports whose feedback was due from the quarter's
	 * first day to {@code asOf}, those given feedback on or before the day it was
	 * due.</li>
	 * </ul>
	 * A report that names no unit counts in the organisation's figures only; a unit's
	 * figures are the reports that name it (not its sub-units).
	 */
	public QuarterFigures quarter(long organisationId, Quarter quarter, LocalDate asOf) {
		List<Group> groups = this.jdbc.sql("""
				with counted as (
					select r.unit_id, r.received_on, r.acknowledged_on, r.feedback_on,
						(case when r.acknowledged_on <= :asOf then r.acknowledged_on
							else r.received_on + :ackDays end + make_interval(months => :feedbackMonths))::date
							as feedback_due
					from voice_report r
					where r.organisation_id = :org and r.received_on <= :asOf
				)
				select unit_id,
					count(*) filter (where received_on >= :first) as received,
					count(*) filter (where received_on >= :first
						and (acknowledged_on <= :asOf or received_on + :ackDays < :asOf)) as acknowledge_due,
					count(*) filter (where received_on >= :first and acknowledged_on <= :asOf
						and acknowledged_on <= received_on + :ackDays) as acknowledged_in_time,
					count(*) filter (where feedback_due between :first and :asOf) as feedback_due,
					count(*) filter (where feedback_due between :first and :asOf
						and feedback_on <= feedback_due) as fed_back_in_time
				from counted
				group by unit_id
				""")
			.param("org", organisationId)
			.param("first", quarter.first())
			.param("asOf", asOf)
			.param("ackDays", ACKNOWLEDGE_DAYS)
			.param("feedbackMonths", FEEDBACK_MONTHS)
			.query((rs, row) -> {
				long unit = rs.getLong("unit_id");
				Long unitId = rs.wasNull() ? null : unit;
				return new Group(unitId, rs.getInt("received"), rs.getInt("acknowledge_due"),
						rs.getInt("acknowledged_in_time"), rs.getInt("feedback_due"), rs.getInt("fed_back_in_time"));
			})
			.list();
		Map<Long, Figure> received = suppressed(groups, Group::received, Group::received);
		Map<Long, Figure> acknowledged = suppressed(groups, Group::acknowledgeDue, Group::acknowledgedInTime);
		Map<Long, Figure> feedback = suppressed(groups, Group::feedbackDue, Group::fedBackInTime);
		Map<Long, UnitQuarter> units = new HashMap<>();
		for (Group group : groups) {
			if (group.unitId() != null) {
				units.put(group.unitId(), new UnitQuarter(received.get(group.unitId()),
						acknowledged.get(group.unitId()), feedback.get(group.unitId())));
			}
		}
		UnitQuarter organisation = new UnitQuarter(received.get(ORGANISATION), acknowledged.get(ORGANISATION),
				feedback.get(ORGANISATION));
		// The counts themselves, for the overview's complementary suppression across the
		// units (it must know what it hides); never shown.
		Map<Long, Integer> receivedCounts = new HashMap<>();
		int total = 0;
		for (Group group : groups) {
			total += group.received();
			if (group.unitId() != null) {
				receivedCounts.put(group.unitId(), group.received());
			}
		}
		receivedCounts.put(ORGANISATION, total);
		return new QuarterFigures(organisation, units, Map.copyOf(receivedCounts));
	}

	/** The key of the organisation's figures among the units' in {@link #suppressed}. */
	private static final long ORGANISATION = 0;

	/**
	 * One figure over the units and the organisation: each rests on its group (its size
	 * from {@code group}, what it counts from {@code part}). A group of fewer than
	 * {@value #MIN_GROUP} is hidden; when the organisation's is shown and exactly one
	 * group with anybody in it is hidden (the reports naming no unit count as hidden:
	 * they are never shown apart), the smallest shown unit is hidden too, so that no
	 * subtraction gives the hidden one.
	 */
	private static Map<Long, Figure> suppressed(List<Group> groups, ToIntFunction<Group> group,
			ToIntFunction<Group> part) {
		Map<Long, Figure> figures = new HashMap<>();
		int total = 0;
		int totalPart = 0;
		int hiddenWithSomebody = 0;
		List<Group> shownUnits = new ArrayList<>();
		for (Group each : groups) {
			int size = group.applyAsInt(each);
			total += size;
			totalPart += part.applyAsInt(each);
			if (each.unitId() == null) {
				if (size > 0) {
					hiddenWithSomebody++;
				}
				continue;
			}
			Figure figure = Figure.of(size, part.applyAsInt(each));
			if (figure.tooFew()) {
				hiddenWithSomebody++;
			}
			else if (size > 0) {
				shownUnits.add(each);
			}
			figures.put(each.unitId(), figure);
		}
		Figure organisation = Figure.of(total, totalPart);
		figures.put(ORGANISATION, organisation);
		if (organisation.shown() && hiddenWithSomebody == 1 && !shownUnits.isEmpty()) {
			Group smallest = shownUnits.stream()
				.min(Comparator.comparingInt(group).thenComparing(Group::unitId))
				.orElseThrow();
			figures.put(smallest.unitId(), Figure.HIDDEN);
		}
		return figures;
	}

	/**
	 * The counts of one unit (or of the reports naming none) in a quarter.
	 */
	private record Group(Long unitId, int received, int acknowledgeDue, int acknowledgedInTime, int feedbackDue,
			int fedBackInTime) {
	}

	/**
	 * A quarter's voice figures for the overview.
	 *
	 * @param organisation the organisation's, every report counted
	 * @param units per unit named by a report in the period; a unit not here had none
	 * @param receivedCounts the reports received per unit (and 0: the organisation),
	 * unsuppressed: only for the overview's complementary suppression, never to be shown
	 */
	public record QuarterFigures(UnitQuarter organisation, Map<Long, UnitQuarter> units,
			Map<Long, Integer> receivedCounts) {
	}

	/**
	 * One unit's three figures in a quarter.
	 *
	 * @param received reports received (the count is the figure)
	 * @param acknowledged reports due an acknowledgement, and of those acknowledged in
	 * time (the share is the figure)
	 * @param feedback reports due feedback, and of those given it in time
	 */
	public record UnitQuarter(Figure received, Figure acknowledged, Figure feedback) {
	}

	/**
	 * One figure and the group it rests on, as it may be shown.
	 *
	 * @param group how many reports it rests on, {@code null} when hidden
	 * @param part how many of them count (in time), {@code null} when hidden
	 * @param tooFew whether it is hidden by the minimum group or to protect another
	 */
	public record Figure(Integer group, Integer part, boolean tooFew) {

		/** Hidden: too few, or hidden with another that is. */
		static final Figure HIDDEN = new Figure(null, null, true);

		static Figure of(int group, int part) {
			return (group > 0 && group < MIN_GROUP) ? HIDDEN : new Figure(group, part, false);
		}

		/**
		 * Whether it is shown with a group of at least {@value VoiceFigures#MIN_GROUP}.
		 */
		public boolean shown() {
			return !this.tooFew && this.group != null && this.group > 0;
		}

		/** The share in time, {@code null} when hidden or nothing was due. */
		public Double share() {
			return shown() ? this.part / (double) this.group : null;
		}

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
