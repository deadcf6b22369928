package bryt.organisation;

import java.util.List;
import java.util.Set;

import bryt.shared.DemoMode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/** What the login page can say about a refused provider login (issue 16). */
	private static final Set<String> REFUSALS = Set.of("failed", "unavailable", "disabled", "otherOrganisation",
			"noUsername", "usernameTaken", "accountInUse", "employerAccount", "strongerLogin", "otherTenant",
			"otherProvider");

	private final DemoMode demo;

	private final OidcProviderRepository providers;

	LoginController(DemoMode demo, OidcProviderRepository providers) {
		this.demo = demo;
		this.providers = providers;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String sso, Model model) {
		model.addAttribute("providers", this.providers.loginButtons());
		model.addAttribute("ssoRefusal", (sso == null) ? null : REFUSALS.contains(sso) ? sso : "failed");
		model.addAttribute("demoAccounts", this.demo.active() ? DemoMunicipality.ACCOUNTS : List.of());
		model.addAttribute("demoPassword", DemoMode.PASSWORD);
		return "organisation/login";
	}

}
