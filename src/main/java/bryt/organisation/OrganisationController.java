package bryt.organisation;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisations of this deployment. A new organisation gets its own first
 * administrator, who then builds its tree; administrators see no other organisation's
 * data.
 */
@Controller
@RequestMapping("/admin/organisations")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class OrganisationController {

	private final OrganisationRepository organisations;

	private final Accounts accounts;

	OrganisationController(OrganisationRepository organisations, Accounts accounts) {
		this.organisations = organisations;
		this.accounts = accounts;
	}

	@GetMapping
	String list(Model model) {
		return page(OrganisationForm.empty(), model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			this.accounts.createOrganisation(form, errors);
		}
		if (errors.hasErrors()) {
			return page(form, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/organisations";
	}

	private String page(OrganisationForm form, Model model) {
		model.addAttribute("organisations", this.organisations.findAll());
		model.addAttribute("form", form);
		model.addAttribute("countries", Country.values());
		return "organisation/organisations";
	}

}
