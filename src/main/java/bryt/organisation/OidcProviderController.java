package bryt.organisation;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's identity providers and whether its local passwords are on (issue
 * 16). Administrators only.
 */
@Controller
@RequestMapping("/admin/sign-in")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class OidcProviderController {

	private final OidcProviderRepository repository;

	private final OidcProviders providers;

	OidcProviderController(OidcProviderRepository repository, OidcProviders providers) {
		this.repository = repository;
		this.providers = providers;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("providers", this.repository.list(me.organisationId()));
		model.addAttribute("localPasswords", this.repository.localPasswords(me.organisationId()));
		return "organisation/sign-in";
	}

	@GetMapping("/new")
	String newProvider(Model model) {
		return form(null, OidcProviderForm.empty(), false, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") OidcProviderForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return save(me, null, form, errors, model, redirect);
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		OidcProvider provider = provider(me, id);
		return form(id, OidcProviderForm.of(provider), provider.confidential(), model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") OidcProviderForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		provider(me, id);
		return save(me, id, form, errors, model, redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, RedirectAttributes redirect) {
		provider(me, id);
		this.providers.delete(me.organisationId(), id);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/sign-in";
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
		return "redirect:/admin/sign-in";
	}

	private String save(CurrentAccount me, Long id, OidcProviderForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			this.providers.save(me.organisationId(), id, form, errors);
		}
		if (errors.hasErrors()) {
			boolean confidential = id != null && provider(me, id).confidential();
			return form(id, form, confidential, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/sign-in";
	}

	private String form(Long id, OidcProviderForm form, boolean hasSecret, Model model) {
		model.addAttribute("providerId", id);
		model.addAttribute("form", form);
		model.addAttribute("hasSecret", hasSecret);
		return "organisation/sign-in-provider";
	}

	private OidcProvider provider(CurrentAccount me, long id) {
		return this.repository.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
