package bryt.surveys;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The surveys' first page: where each part of the module is, for the roles that use it.
 */
@Controller
class SurveysController {

	private final CycleService cycles;

	SurveysController(CycleService cycles) {
		this.cycles = cycles;
	}

	@GetMapping("/surveys")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')")
	String page(@AuthenticationPrincipal CurrentAccount me, Model model) {
		boolean runsCycles = me.has(Role.ADMINISTRATOR) || me.has(Role.HR);
		model.addAttribute("runsCycles", runsCycles);
		if (!runsCycles) {
			// Those who do not run cycles (union, committee, managers) see which surveys
			// are
			// under way and when their results come: dates only, no running
			// participation,
			// which would be a figure before the close (P5, item 9).
			model.addAttribute("running",
					this.cycles.cycles(me.organisationId())
						.stream()
						.filter((cycle) -> cycle.open() && !cycle.program().exit())
						.sorted(java.util.Comparator.comparing(Cycle::closesOn))
						.toList());
		}
		return "surveys/index";
	}

}
