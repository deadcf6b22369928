package bryt.organisation;

import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every account changes its own password here. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final Accounts accounts;

	private final OidcProviders providers;

	PasswordController(Accounts accounts, OidcProviders providers) {
		this.providers = providers;
		this.accounts = accounts;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return "organisation/password";
	}

	@PostMapping
	String change(@AuthenticationPrincipal CurrentAccount me, Authentication login,
			@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			this.accounts.changeOwnPassword(me, this.providers.throughEmployer(login), form, errors);
		}
		if (errors.hasErrors()) {
			return "organisation/password";
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/";
	}

}
