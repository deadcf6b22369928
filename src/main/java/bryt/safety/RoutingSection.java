package bryt.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.Country;
import bryt.organisation.CurrentAccount;
import bryt.organisation.Role;
import bryt.safety.SafetyClocks.Countdown;
import bryt.safety.SafetyClocks.Due;
import bryt.safety.SafetyClocks.SupportStep;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The routing's section of an incident's page: the acknowledgement (with its button for a
 * manager or HR), the clocks still running as countdowns or overdue marks as Voice shows
 * its deadlines, and the reminders and escalations that went out.
 */
@Component
@Order(10)
class RoutingSection implements IncidentSection {

	private final RoutingRepository incidents;

	private final Routing routing;

	private final SafetyClocks clocks;

	private final Clock clock;

	RoutingSection(RoutingRepository incidents, Routing routing, SafetyClocks clocks, Clock clock) {
		this.incidents = incidents;
		this.routing = routing;
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public Optional<Heading> heading() {
		return Optional.of(new Heading("routing-heading", "safety.routing.heading"));
	}

	@Override
	public String template() {
		return "safety/section-routing";
	}

	@Override
	public Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler) {
		RoutingRepository.Incident incident = this.incidents.find(organisationId, incidentId).orElseThrow();
		Instant now = this.clock.instant();
		ZoneId zone = this.clock.getZone();
		Country country = this.routing.country(organisationId);
		List<ClockRow> running = new ArrayList<>();
		if (incident.isNew()) {
			running.add(row("ACKNOWLEDGE", Due.at(this.clocks.acknowledgeDue(incident.receivedAt())), now, zone));
		}
		if (!incident.authorityNotified()) {
			this.clocks
				.authorityDue(country, incident.checklist(), incident.receivedAt(), incident.absenceDays(),
						incident.absenceFrom())
				.ifPresent((due) -> running.add(row("AUTHORITY_" + country, due, now, zone)));
		}
		if (country == Country.SE && incident.injured() && !incident.workInjuryReported()) {
			running.add(row("WORK_INJURY", Due.at(this.clocks.workInjuryReminderAt(incident.receivedAt())), now, zone));
		}
		if (!incident.policeDecided()) {
			running.add(row("POLICE", Due.at(this.clocks.policeDecisionDue(incident.receivedAt())), now, zone));
		}
		List<SupportStep> settled = this.incidents.settledSupport(organisationId, incidentId);
		LocalDate receivedOn = LocalDate.ofInstant(incident.receivedAt(), zone);
		for (SupportStep step : SupportStep.values()) {
			if (!settled.contains(step)) {
				running.add(row("SUPPORT_" + step, Due.on(SafetyClocks.supportDue(step, receivedOn)), now, zone));
			}
		}
		List<SentRow> sent = this.incidents.notices(organisationId, incidentId)
			.stream()
			.map((notice) -> new SentRow(notice.kind(),
					LocalDateTime.ofInstant(incident.noticeTime(notice.sentAt()), zone)))
			.toList();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("incidentId", incidentId);
		model.put("receivedAt", LocalDateTime.ofInstant(incident.receivedAt(), zone));
		model.put("acknowledgedAt",
				(incident.acknowledgedAt() != null) ? LocalDateTime.ofInstant(incident.acknowledgedAt(), zone) : null);
		model.put("acknowledgedBy", incident.acknowledgedBy());
		model.put("canAcknowledge", incident.isNew() && (handler.has(Role.MANAGER) || handler.has(Role.HR)));
		model.put("clocks", running);
		model.put("sent", sent);
		return model;
	}

	private static ClockRow row(String key, Due due, Instant now, ZoneId zone) {
		Countdown countdown = SafetyClocks.countdown(due, now, zone);
		return new ClockRow(key, (due.instant() != null) ? LocalDateTime.ofInstant(due.instant(), zone) : null,
				due.day(), countdown.overdue(), countdown.hours(), countdown.amount());
	}

	/**
	 * A clock still running.
	 *
	 * @param key what is due ({@code safety.routing.clock.<key>})
	 * @param at the due instant in the zone, or null for a due day
	 * @param day the due day, or null for a due instant
	 * @param overdue whether it has passed
	 * @param hours whether {@code amount} counts hours
	 * @param amount hours or days left, or overdue by
	 */
	record ClockRow(String key, LocalDateTime at, LocalDate day, boolean overdue, boolean hours, long amount) {
	}

	/** A reminder or escalation that went out ({@code safety.routing.sent.<kind>}). */
	record SentRow(String kind, LocalDateTime at) {
	}

}
