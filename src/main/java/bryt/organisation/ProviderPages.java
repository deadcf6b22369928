package bryt.organisation;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The identity-provider pages of one side (issue 16): the list, the form, saving and
 * removing, for the employer's administrator ({@link OidcProviderController}) and the
 * employee side's ({@link EmployeeSideProviderController}) alike, on the same templates.
 * Each side sees and changes its own providers only: another side's is not found.
 */
final class ProviderPages {

	private final OidcProviderRepository repository;

	private final OidcProviders providers;

	private final Side side;

	private final String base;

	ProviderPages(OidcProviderRepository repository, OidcProviders providers, Side side, String base) {
		this.repository = repository;
		this.providers = providers;
		this.side = side;
		this.base = base;
	}

	String list(CurrentAccount me, Model model) {
		page(model);
		model.addAttribute("providers", this.repository.list(me.organisationId(), this.side));
		return "organisation/sign-in";
	}

	String newProvider(Model model) {
		return form(null, OidcProviderForm.empty(), false, model);
	}

	String edit(CurrentAccount me, long id, Model model) {
		OidcProvider provider = provider(me, id);
		return form(id, OidcProviderForm.of(provider), provider.confidential(), model);
	}

	String save(CurrentAccount me, Long id, OidcProviderForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (id != null) {
			provider(me, id);
		}
		if (!errors.hasErrors()) {
			this.providers.save(me.organisationId(), this.side, id, form, errors);
		}
		if (errors.hasErrors()) {
			boolean confidential = id != null && provider(me, id).confidential();
			return form(id, form, confidential, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + this.base;
	}

	String delete(CurrentAccount me, long id, RedirectAttributes redirect) {
		provider(me, id);
		this.providers.delete(me.organisationId(), this.side, id);
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + this.base;
	}

	private String form(Long id, OidcProviderForm form, boolean hasSecret, Model model) {
		page(model);
		model.addAttribute("providerId", id);
		model.addAttribute("form", form);
		model.addAttribute("hasSecret", hasSecret);
		return "organisation/sign-in-provider";
	}

	/** What the templates need to know of the side: its addresses and its texts. */
	private void page(Model model) {
		model.addAttribute("base", this.base);
		model.addAttribute("employeeSide", this.side == Side.EMPLOYEE_SIDE);
	}

	private OidcProvider provider(CurrentAccount me, long id) {
		return this.repository.find(me.organisationId(), this.side, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
