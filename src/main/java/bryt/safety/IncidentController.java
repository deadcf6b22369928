package bryt.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The incident's page for the people handling it. The skeleton shows the unit and renders
 * every {@link IncidentSection}; the reporting part fills in the rest.
 */
@Controller
class IncidentController {

	static final String HANDLERS = "hasAnyRole('HR', 'MANAGER', 'SAFETY_REPRESENTATIVE')";

	private final IncidentRepository incidents;

	private final Organisations organisations;

	private final List<IncidentSection> sections;

	IncidentController(IncidentRepository incidents, Organisations organisations, List<IncidentSection> sections) {
		this.incidents = incidents;
		this.organisations = organisations;
		this.sections = sections;
	}

	@GetMapping("/safety/incidents/{id}")
	@PreAuthorize(HANDLERS)
	String incident(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			Model model) {
		long unitId = this.incidents.unitOf(me.organisationId(), id)
			.filter((unit) -> IncidentAccess.handles(me,
					this.organisations.visibility(authentication, me.organisationId()), unit))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
		for (IncidentSection section : this.sections) {
			shown.put(section.template(), section.model(me.organisationId(), id, me));
		}
		model.addAttribute("incidentId", id);
		model.addAttribute("unitId", unitId);
		model.addAttribute("sections", shown);
		return "safety/incident";
	}

}
