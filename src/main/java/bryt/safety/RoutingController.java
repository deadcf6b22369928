package bryt.safety;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The routing section's form: a manager handling the incident, or HR, acknowledges it. A
 * safety representative handles the incident too but does not acknowledge it: the
 * acknowledgement is the employer's.
 */
@Controller
class RoutingController {

	private final RoutingRepository incidents;

	private final Routing routing;

	private final Organisations organisations;

	private final ClosedIncidents closed;

	RoutingController(RoutingRepository incidents, Routing routing, Organisations organisations,
			ClosedIncidents closed) {
		this.incidents = incidents;
		this.routing = routing;
		this.organisations = organisations;
		this.closed = closed;
	}

	@PostMapping("/safety/incidents/{id}/acknowledge")
	@PreAuthorize("hasAnyRole('HR', 'MANAGER')")
	String acknowledge(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me,
			Authentication authentication) {
		this.incidents.find(me.organisationId(), id)
			.filter((incident) -> IncidentAccess.handles(me,
					this.organisations.visibility(authentication, me.organisationId()), incident.unitId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.closed.refuseChanges(me.organisationId(), id);
		// Acknowledged already (by someone else, or a second click): the page shows by
		// whom.
		this.routing.acknowledge(me.organisationId(), id, me);
		return "redirect:/safety/incidents/" + id;
	}

}
