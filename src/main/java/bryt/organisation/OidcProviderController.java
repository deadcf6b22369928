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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employer's identity providers ({@link Side#EMPLOYER}) and whether the
 * organisation's local passwords are on (issue 16). Administrators only; the employee
 * side's providers are {@link EmployeeSideProviderController}'s.
 */
@Controller
@RequestMapping(OidcProviderController.PATH)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class OidcProviderController {

	static final String PATH = "/admin/sign-in";

	private final OidcProviderRepository repository;

	private final OidcProviders providers;

	private final ProviderPages pages;

	OidcProviderController(OidcProviderRepository repository, OidcProviders providers) {
		this.repository = repository;
		this.providers = providers;
		this.pages = new ProviderPages(repository, providers, Side.EMPLOYER, PATH);
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("localPasswords", this.repository.localPasswords(me.organisationId()));
		return this.pages.list(me, model);
	}

	@GetMapping("/new")
	String newProvider(Model model) {
		return this.pages.newProvider(model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") OidcProviderForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return this.pages.save(me, null, form, errors, model, redirect);
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		return this.pages.edit(me, id, model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") OidcProviderForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		return this.pages.save(me, id, form, errors, model, redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, RedirectAttributes redirect) {
		return this.pages.delete(me, id, redirect);
	}

	/** {@code on} is {@code true} or {@code false}; anything else changes nothing. */
	@PostMapping("/local-passwords")
	String localPasswords(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) String on,
			RedirectAttributes redirect) {
		if (!"true".equals(on) && !"false".equals(on)) {
			redirect.addFlashAttribute("localPasswordsUnchanged", true);
		}
		else if (this.providers.localPasswords(me.organisationId(), Boolean.parseBoolean(on))) {
			redirect.addFlashAttribute("saved", true);
		}
		else {
			redirect.addFlashAttribute("localPasswordsNeedProvider", true);
		}
		return "redirect:" + PATH;
	}

}
