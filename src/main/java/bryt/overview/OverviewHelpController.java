package bryt.overview;

import bryt.shared.web.HelpPage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the joint overview shows and how it is made: the sources, hidden figures, the
 * snapshots and their versions, the two comments and sign-offs, and every figure's
 * definition with its version, read from the contributions at render time.
 */
@Controller
class OverviewHelpController implements HelpPage {

	private final Overview overview;

	OverviewHelpController(Overview overview) {
		this.overview = overview;
	}

	@Override
	public String module() {
		return "overview";
	}

	@Override
	public int order() {
		return 5;
	}

	@GetMapping("/help/overview")
	@PreAuthorize("isAuthenticated()")
	String help(Model model) {
		model.addAttribute("sources", OverviewPages.bySource(this.overview.definitions()));
		model.addAttribute("standing", Reviews.STANDING.toDays());
		return "overview/help";
	}

}
