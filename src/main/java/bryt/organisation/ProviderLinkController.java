package bryt.organisation;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The holder of an account links it to one of the organisation's identity providers
 * (issue 16): chosen here with the Bryt password, then logged in at the provider. Every
 * account, for itself only.
 */
@Controller
@RequestMapping(ProviderLinkController.PATH)
class ProviderLinkController {

	static final String PATH = "/account/sign-in";

	/** What the page can say about a refused link. */
	private static final Set<String> REFUSALS = Set.of("identityElsewhere", "linkFailed", "otherTenant",
			"strongerLogin", "disabled");

	private final OidcAccountLinks links;

	private final OidcProviderRepository providers;

	private final ProviderLinkRepository identities;

	ProviderLinkController(OidcAccountLinks links, OidcProviderRepository providers,
			ProviderLinkRepository identities) {
		this.links = links;
		this.providers = providers;
		this.identities = identities;
	}

	@GetMapping
	String form(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) String refused,
			Model model) {
		model.addAttribute("form", ProviderLinkForm.empty());
		model.addAttribute("refused", (refused == null) ? null : REFUSALS.contains(refused) ? refused : "linkFailed");
		return page(me, model);
	}

	@PostMapping
	String link(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") ProviderLinkForm form,
			BindingResult errors, HttpSession session, Model model) {
		Optional<OidcAccountLinks.PendingLink> pending = errors.hasErrors() ? Optional.empty()
				: this.links.start(me, form, errors);
		if (pending.isEmpty()) {
			return page(me, model);
		}
		session.setAttribute(OidcAccountLinks.PENDING, pending.get());
		return "redirect:/oauth2/authorization/" + pending.get().registrationId();
	}

	private String page(CurrentAccount me, Model model) {
		model.addAttribute("providers", this.providers.list(me.organisationId()));
		model.addAttribute("linked", this.identities.providerLabels(me.accountId()));
		return "organisation/account-sign-in";
	}

}
