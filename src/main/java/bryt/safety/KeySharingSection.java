package bryt.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import bryt.organisation.CurrentAccount;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who handles the incident but has no key to it yet, and from when they receive it: an
 * account an administrator made or changed recently waits {@link Incidents#KEY_STANDING},
 * and the handlers should see that rather than wonder (docs/safety/anonymity.md). Shows
 * nothing when every handler holds the key. Last on the page: it concerns the people
 * handling the incident, not the incident, and a manager who comes to act on the incident
 * should not read about keys first (the outsider review of 2026-11-30).
 */
@Component
@Order(HandlingDutySection.ORDER + 50)
class KeySharingSection implements IncidentSection {

	private final Incidents incidents;

	private final Clock clock;

	KeySharingSection(Incidents incidents, Clock clock) {
		this.incidents = incidents;
		this.clock = clock;
	}

	@Override
	public String template() {
		return "safety/section-keys";
	}

	@Override
	public Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler) {
		Instant now = this.clock.instant();
		List<Row> waiting = this.incidents.waitingForKey(organisationId, incidentId)
			.stream()
			.map((wait) -> new Row(wait.name(),
					(wait.from() != null) ? LocalDateTime.ofInstant(wait.from(), this.clock.getZone()) : null,
					wait.from() != null && !wait.from().isAfter(now) && !wait.keyPair(), wait.employeeSide()))
			.toList();
		return Map.of("waiting", waiting);
	}

	/**
	 * @param from from when the key is shared, in the zone; null for a disabled account
	 * @param noKeyPair whether only their own key pair is missing (set up in Voice)
	 * @param employeeSide whether they handle it for the employee side (what makes their
	 * account their own differs)
	 */
	record Row(String name, LocalDateTime from, boolean noKeyPair, boolean employeeSide) {
	}

}
