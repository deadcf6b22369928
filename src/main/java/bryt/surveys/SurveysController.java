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

	@GetMapping("/surveys")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')")
	String page(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("runsCycles", me.has(Role.ADMINISTRATOR) || me.has(Role.HR));
		return "surveys/index";
	}

}
