package bryt.safety;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.Country;
import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Organisations.Recipient;
import bryt.organisation.Role;
import bryt.organisation.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing (issue 14 item 3): a new incident is mailed at once to its unit's manager and
 * safety representative (an anonymous one, and one reported while no mail could go out,
 * at the job's next run instead: {@link SafetyJobs#routeUnrouted}); a manager
 * acknowledges it; who receives each reminder and escalation. The manager is the nearest
 * one up the tree: the unit's own, else the one of the nearest unit above that has one;
 * the same for the safety representative. HR receives what no manager can.
 */
@Service
class Routing {

	/** The notice of a new incident, in {@code safety_notice}. */
	static final String ROUTED = "routed";

	private static final Logger log = LoggerFactory.getLogger(Routing.class);

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RoutingRepository incidents;

	private final Organisations organisations;

	private final SafetyMail mail;

	private final Clock clock;

	Routing(RoutingRepository incidents, Organisations organisations, SafetyMail mail, Clock clock) {
		this.incidents = incidents;
		this.organisations = organisations;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * After the reporting transaction committed. A failure here must not reach the
	 * reporter, whose incident is stored: it is logged (ids and the exception's class
	 * only).
	 */
	@ApplicationModuleListener
	void on(IncidentReported event) {
		try {
			// An anonymous report waits for the job's next run: a mail (its Date, its
			// Message-ID) and its notice at once would date it to the second.
			if (this.incidents.find(event.organisationId(), event.incidentId())
				.map(RoutingRepository.Incident::anonymous)
				.orElse(true)) {
				return;
			}
			route(event.organisationId(), event.incidentId());
		}
		catch (RuntimeException ex) {
			log.warn("Incident {} could not be routed: {}", event.incidentId(), ex.getClass().getSimpleName());
		}
	}

	/**
	 * Mails the unit's managers and safety representatives, once per incident; returns
	 * how many mails went out. Without a mail server nothing is sent nor recorded.
	 */
	int route(long organisationId, long incidentId) {
		if (!this.mail.available()) {
			return 0;
		}
		Optional<RoutingRepository.Incident> incident = this.incidents.find(organisationId, incidentId);
		if (incident.isEmpty() || !this.incidents.claimNotice(organisationId, incidentId, ROUTED,
				incident.get().noticeTime(this.clock.instant()))) {
			return 0;
		}
		Recipients recipients = recipients(organisationId, incident.get().unitId());
		List<Recipient> to = new ArrayList<>(recipients.managersOrHr());
		to.addAll(recipients.representatives());
		// An anonymous report's mail is dated to the hour, as its arrival
		return this.mail.send(to, ROUTED, arguments(recipients, incidentId), language(organisationId),
				incident.get().anonymous() ? this.clock.instant().truncatedTo(ChronoUnit.HOURS) : null);
	}

	/**
	 * Whether a mail about the new incident reaches anyone now: a mail server is
	 * configured and one of its managers (or HR) or safety representatives has a work
	 * address. The reporter is told by what happened.
	 */
	boolean mailReaches(long organisationId, long incidentId) {
		Optional<RoutingRepository.Incident> incident = this.incidents.find(organisationId, incidentId);
		if (!this.mail.available() || incident.isEmpty()) {
			return false;
		}
		Recipients recipients = recipients(organisationId, incident.get().unitId());
		return recipients.managersOrHr().stream().anyMatch(Recipient::reachable)
				|| recipients.representatives().stream().anyMatch(Recipient::reachable);
	}

	/**
	 * A manager (or HR) acknowledges a new incident; false when it was acknowledged
	 * already.
	 */
	@Transactional
	boolean acknowledge(long organisationId, long incidentId, CurrentAccount me) {
		return this.incidents.acknowledge(organisationId, incidentId, this.clock.instant(), me.displayName());
	}

	/** Who receives what for an incident in the unit. */
	Recipients recipients(long organisationId, long unitId) {
		List<Unit> chain = this.organisations.parentChain(organisationId, unitId);
		List<Recipient> managers = List.of();
		int level = chain.size();
		for (int i = 0; i < chain.size(); i++) {
			managers = this.organisations.coveringAccounts(organisationId, chain.get(i).id(), Role.MANAGER);
			if (!managers.isEmpty()) {
				level = i;
				break;
			}
		}
		Set<Long> seen = new HashSet<>();
		managers.forEach((manager) -> seen.add(manager.accountId()));
		List<Recipient> next = List.of();
		for (int i = level + 1; i < chain.size() && next.isEmpty(); i++) {
			next = this.organisations.coveringAccounts(organisationId, chain.get(i).id(), Role.MANAGER)
				.stream()
				.filter((manager) -> !seen.contains(manager.accountId()))
				.toList();
		}
		List<Recipient> representatives = List.of();
		for (int i = 0; i < chain.size() && representatives.isEmpty(); i++) {
			representatives = this.organisations.coveringAccounts(organisationId, chain.get(i).id(),
					Role.SAFETY_REPRESENTATIVE);
		}
		String unitName = chain.isEmpty() ? "" : chain.get(0).name();
		return new Recipients(unitName, managers, next, representatives,
				this.organisations.accountsWithRole(organisationId, Role.HR));
	}

	/** The organisation's country; Sweden when it is not known. */
	Country country(long organisationId) {
		return this.organisations.find(organisationId).map(Organisation::country).orElse(Country.SE);
	}

	/** Mail goes out in the organisation's language. */
	Locale language(long organisationId) {
		return this.organisations.language(organisationId);
	}

	/** A notice's first arguments: the unit's name and the link. */
	Object[] arguments(Recipients recipients, long incidentId, Object... more) {
		Object[] arguments = new Object[2 + more.length];
		arguments[0] = recipients.unitName();
		arguments[1] = this.mail.link(incidentId);
		System.arraycopy(more, 0, arguments, 2, more.length);
		return arguments;
	}

	/** A due point in words for a mail: the day, or the day and minute in the zone. */
	static String format(SafetyClocks.Due due, ZoneId zone) {
		if (due.instant() != null) {
			return LocalDateTime.ofInstant(due.instant(), zone).truncatedTo(ChronoUnit.MINUTES).format(MINUTES);
		}
		return due.day().toString();
	}

	/**
	 * The people an incident's notices go to.
	 *
	 * @param unitName the incident's unit
	 * @param managers the nearest managers: the unit's own, else the nearest unit's above
	 * @param nextManagers the next managers above those
	 * @param representatives the nearest safety representatives
	 * @param hr every HR account
	 */
	record Recipients(String unitName, List<Recipient> managers, List<Recipient> nextManagers,
			List<Recipient> representatives, List<Recipient> hr) {

		/** The managers, or HR when no unit up the tree has one. */
		List<Recipient> managersOrHr() {
			return this.managers.isEmpty() ? this.hr : this.managers;
		}

		/** An escalation: the next managers up and HR. */
		List<Recipient> above() {
			Map<Long, Recipient> to = new LinkedHashMap<>();
			this.nextManagers.forEach((recipient) -> to.put(recipient.accountId(), recipient));
			this.hr.forEach((recipient) -> to.put(recipient.accountId(), recipient));
			return List.copyOf(to.values());
		}

		/** An overdue legal duty: the managers, the next ones up and HR. */
		List<Recipient> everyoneResponsible() {
			Map<Long, Recipient> to = new LinkedHashMap<>();
			this.managers.forEach((recipient) -> to.put(recipient.accountId(), recipient));
			above().forEach((recipient) -> to.put(recipient.accountId(), recipient));
			return List.copyOf(to.values());
		}

	}

}
