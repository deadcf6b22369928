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

/**
 * The employee side's own identity providers ({@link Side#EMPLOYEE_SIDE}: a union's
 * identity provider), registered, changed and removed by the employee side's
 * administrator (issue 16), on the employer's provider pages' templates. No group mapping
 * and no employee numbers; local passwords stay the employer administrator's.
 */
@Controller
@RequestMapping(EmployeeSideProviderController.PATH)
@PreAuthorize("hasRole('EMPLOYEE_SIDE_ADMINISTRATOR')")
class EmployeeSideProviderController {

	static final String PATH = "/employee-side/sign-in";

	private final ProviderPages pages;

	EmployeeSideProviderController(OidcProviderRepository repository, OidcProviders providers) {
		this.pages = new ProviderPages(repository, providers, Side.EMPLOYEE_SIDE, PATH);
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
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

}
