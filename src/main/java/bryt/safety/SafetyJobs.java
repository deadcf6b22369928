package bryt.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.Country;
import bryt.organisation.Organisations.Recipient;
import bryt.safety.SafetyClocks.Due;
import bryt.safety.SafetyClocks.Facts;
import bryt.safety.SafetyClocks.Notice;
import bryt.safety.SafetyClocks.SupportStep;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety module's one job, on one instance at a time: every open incident against
 * {@link SafetyClocks}, each reminder and escalation sent once ({@code safety_notice}).
 * The escalation when nobody acknowledged in time goes to the next manager up and HR; an
 * overdue legal duty to the manager, the next manager up and HR; the other reminders to
 * the manager. Without a mail server ({@code spring.mail.host}) it does nothing and
 * records nothing, so that the notices go out once one is configured.
 */
@Component
class SafetyJobs {

	private static final Logger log = LoggerFactory.getLogger(SafetyJobs.class);

	private final RoutingRepository incidents;

	private final Routing routing;

	private final SafetyClocks clocks;

	private final SafetyMail mail;

	private final SafetyProperties properties;

	private final Clock clock;

	SafetyJobs(RoutingRepository incidents, Routing routing, SafetyClocks clocks, SafetyMail mail,
			SafetyProperties properties, Clock clock) {
		this.incidents = incidents;
		this.routing = routing;
		this.clocks = clocks;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${bryt.safety.job-cron:0 */15 * * * *}", zone = "${bryt.time-zone:Europe/Stockholm}")
	@SchedulerLock(name = "safety-clocks", lockAtMostFor = "PT10M")
	void runClocks() {
		int routed = routeUnrouted();
		if (routed > 0) {
			log.info("Sent {} safety routing mails at the job's run", routed);
		}
		int sent = sendNotices();
		if (sent > 0) {
			log.info("Sent {} safety reminders and escalations", sent);
		}
	}

	/**
	 * Routes every new incident that has no routing notice: an anonymous one (never
	 * routed at once, docs/safety/routing.md) and one reported while no mail server was
	 * configured. Returns how many mails went out.
	 * <p>
	 * An anonymous report (received to the hour, H) is routed only from the hour after it
	 * (H + 1): every anonymous report of hour H then goes out at the same run, so that
	 * neither the mail's time (its Date, its Message-ID, the mail server's log) nor its
	 * order dates one within its hour (fix14).
	 */
	int routeUnrouted() {
		if (!this.mail.available()) {
			return 0;
		}
		int sent = 0;
		java.time.Instant now = this.clock.instant();
		for (RoutingRepository.Incident incident : this.incidents.unrouted()) {
			if (incident.anonymous() && now.isBefore(incident.receivedAt().plus(java.time.Duration.ofHours(1)))) {
				continue;
			}
			try {
				sent += this.routing.route(incident.organisationId(), incident.id());
			}
			catch (RuntimeException ex) {
				log.warn("Incident {} could not be routed: {}", incident.id(), ex.getClass().getSimpleName());
			}
		}
		return sent;
	}

	/** Sends the notices due now; returns how many mails went out. */
	int sendNotices() {
		if (!this.mail.available()) {
			return 0;
		}
		Instant now = this.clock.instant();
		ZoneId zone = this.clock.getZone();
		LocalDate today = LocalDate.ofInstant(now, zone);
		Map<Long, List<SupportStep>> settled = this.incidents.settledSupport();
		Map<Long, Country> countries = new HashMap<>();
		int sent = 0;
		for (RoutingRepository.Incident incident : this.incidents.open()) {
			Country country = countries.computeIfAbsent(incident.organisationId(), this.routing::country);
			Map<String, Object[]> due = due(incident, country, settled.getOrDefault(incident.id(), List.of()), now,
					zone, today);
			Routing.Recipients recipients = null;
			for (Map.Entry<String, Object[]> notice : due.entrySet()) {
				if (!this.incidents.claimNotice(incident.organisationId(), incident.id(), notice.getKey(),
						incident.noticeTime(now))) {
					continue;
				}
				if (recipients == null) {
					recipients = this.routing.recipients(incident.organisationId(), incident.unitId());
				}
				Locale language = this.routing.language(incident.organisationId());
				sent += this.mail.send(to(notice.getKey(), recipients), notice.getKey(),
						this.routing.arguments(recipients, incident.id(), notice.getValue()), language);
			}
		}
		return sent;
	}

	/** The notices an incident has earned now, by kind, with their own arguments. */
	private Map<String, Object[]> due(RoutingRepository.Incident incident, Country country, List<SupportStep> settled,
			Instant now, ZoneId zone, LocalDate today) {
		Map<String, Object[]> due = new LinkedHashMap<>();
		Facts facts = new Facts(country, incident.receivedAt(), !incident.isNew(), incident.checklist(),
				incident.injured(), incident.absenceDays(), incident.absenceFrom(), incident.authorityNotified(),
				incident.workInjuryReported(), incident.policeDecided());
		for (Notice notice : this.clocks.notices(facts, now, zone)) {
			due.put(notice.kind(), switch (notice) {
				case ACKNOWLEDGE_ESCALATION -> new Object[] { this.properties.acknowledgeHours() };
				case AUTHORITY_ESCALATION -> new Object[] { this.properties.authorityHours() };
				case POLICE_REMINDER -> new Object[] { this.properties.policeHours() };
				case WORK_INJURY_REMINDER -> new Object[0];
				case AUTHORITY_REMINDER, AUTHORITY_OVERDUE ->
					new Object[] { Routing.format(authorityDue(facts), zone) };
			});
		}
		LocalDate receivedOn = LocalDate.ofInstant(incident.receivedAt(), zone);
		for (SupportStep step : SupportStep.values()) {
			if (SafetyClocks.supportReminder(step, receivedOn, settled.contains(step), today)) {
				due.put(supportKind(step),
						new Object[] { Routing.format(Due.on(SafetyClocks.supportDue(step, receivedOn)), zone) });
			}
		}
		return due;
	}

	private Due authorityDue(Facts facts) {
		Optional<Due> due = this.clocks.authorityDue(facts.country(), facts.checklist(), facts.receivedAt(),
				facts.absenceDays(), facts.absenceFrom());
		return due.orElseThrow();
	}

	/** Who receives a notice. */
	private static List<Recipient> to(String kind, Routing.Recipients recipients) {
		if (kind.equals(Notice.ACKNOWLEDGE_ESCALATION.kind())) {
			return recipients.above();
		}
		if (kind.equals(Notice.AUTHORITY_ESCALATION.kind()) || kind.equals(Notice.AUTHORITY_OVERDUE.kind())) {
			return recipients.everyoneResponsible();
		}
		return recipients.managersOrHr();
	}

	/** The notice of a support step, in {@code safety_notice} and the messages. */
	static String supportKind(SupportStep step) {
		return "support-" + step.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
