package bryt.organisation;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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
		model.addAttribute("form", ApiTokenForm.empty());
		return page(me, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") ApiTokenForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return page(me, model);
		}
		model.addAttribute("newToken", this.tokens.create(me.organisationId(), form.name()));
		// The form is empty again for the next token; the name just given is in the list.
		model.addAttribute("form", ApiTokenForm.empty());
		return page(me, model);
	}

	private String page(CurrentAccount me, Model model) {
		model.addAttribute("tokens", this.tokens.list(me.organisationId()));
		return "organisation/api-tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(me.organisationId(), id);
		redirect.addFlashAttribute("revoked", true);
		return "redirect:/admin/api-tokens";
	}

}
