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

/**
 * Every account sets its passphrase here (issue 16): with single sign-on it unlocks the
 * recipient's private key instead of a password the account never types.
 */
@Controller
@RequestMapping("/account/passphrase")
class PassphraseController {

	private final Accounts accounts;

	private final AccountRepository repository;

	private final OidcProviders providers;

	PassphraseController(Accounts accounts, AccountRepository repository, OidcProviders providers) {
		this.providers = providers;
		this.accounts = accounts;
		this.repository = repository;
	}

	@GetMapping
	String form(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("form", PassphraseForm.empty());
		return page(me, model);
	}

	@PostMapping
	String change(@AuthenticationPrincipal CurrentAccount me, Authentication login,
			@Valid @ModelAttribute("form") PassphraseForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			this.accounts.setPassphrase(me, this.providers.throughEmployer(login), form, errors);
		}
		if (errors.hasErrors()) {
			return page(me, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/";
	}

	private String page(CurrentAccount me, Model model) {
		model.addAttribute("hasPassphrase", this.repository.passphraseHash(me.accountId()).isPresent());
		return "organisation/passphrase";
	}

}
