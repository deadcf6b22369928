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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit tree: departments, units and teams. */
@Controller
@RequestMapping("/admin/units")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UnitController {

	private final OrganisationTree tree;

	private final UnitRepository units;

	UnitController(OrganisationTree tree, UnitRepository units) {
		this.tree = tree;
		this.units = units;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("units", this.tree.units(me.organisationId()));
		return "organisation/units";
	}

	@GetMapping("/new")
	String newUnit(@AuthenticationPrincipal CurrentAccount me, Model model) {
		return form(me, null, UnitForm.empty(), model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") UnitForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return save(me, null, form, errors, model, redirect);
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		return form(me, id, UnitForm.of(unit(me, id)), model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		unit(me, id);
		return save(me, id, form, errors, model, redirect);
	}

	private String save(CurrentAccount me, Long id, UnitForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			this.tree.save(me.organisationId(), id, form, errors);
		}
		if (errors.hasErrors()) {
			return form(me, id, form, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/units";
	}

	private String form(CurrentAccount me, Long id, UnitForm form, Model model) {
		model.addAttribute("unitId", id);
		model.addAttribute("form", form);
		model.addAttribute("levels", UnitLevel.values());
		model.addAttribute("parents",
				this.tree.units(me.organisationId())
					.stream()
					.filter((unit) -> unit.level() != UnitLevel.TEAM)
					.toList());
		return "organisation/unit-form";
	}

	private Unit unit(CurrentAccount me, long id) {
		return this.units.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
