package bryt.organisation;

import java.util.List;

import bryt.shared.web.HelpPage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organisation tree and the roles: who sees what. */
@Controller
class OrganisationHelpController implements HelpPage {

	@Override
	public String module() {
		return "organisation";
	}

	@Override
	public int order() {
		return 3;
	}

	@GetMapping("/help/organisation")
	@PreAuthorize("isAuthenticated()")
	String help(Model model) {
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("levels", List.of(UnitLevel.values()));
		return "organisation/help";
	}

}
