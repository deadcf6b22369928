package bryt.organisation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create and revoke the organisation's API tokens. */
@Controller
@RequestMapping("/admin/api-tokens")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("tokens", this.tokens.list(me.organisationId()));
		return "organisation/api-tokens";
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "") String name,
			Model model) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			model.addAttribute("nameError", true);
			return list(me, model);
		}
		model.addAttribute("newToken", this.tokens.create(me.organisationId(), trimmed));
		return list(me, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(me.organisationId(), id);
		redirect.addFlashAttribute("revoked", true);
		return "redirect:/admin/api-tokens";
	}

}
