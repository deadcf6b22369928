package bryt.organisation;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
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
 * Staff records: HR and administrators keep them; managers and union representatives read
 * their units'.
 */
@Controller
@RequestMapping("/staff")
class StaffController {

	private static final String KEEPERS = "hasAnyRole('HR', 'ADMINISTRATOR')";

	private final StaffDirectory directory;

	private final StaffRepository staff;

	private final StaffChanges changes;

	private final OrganisationTree tree;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffController(StaffDirectory directory, StaffRepository staff, StaffChanges changes, OrganisationTree tree,
			ApplicationEventPublisher events, Clock clock) {
		this.changes = changes;
		this.events = events;
		this.clock = clock;
		this.directory = directory;
		this.staff = staff;
		this.tree = tree;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('HR', 'ADMINISTRATOR', 'MANAGER', 'UNION_REPRESENTATIVE')")
	String list(@AuthenticationPrincipal CurrentAccount me,
			@RequestParam(name = "former", defaultValue = "false") boolean former, Model model) {
		model.addAttribute("staff", this.directory.list(me, former));
		model.addAttribute("former", former);
		model.addAttribute("canEdit", this.directory.visibility(me).wholeOrganisation());
		return "organisation/staff";
	}

	@GetMapping("/new")
	@PreAuthorize(KEEPERS)
	String newMember(@AuthenticationPrincipal CurrentAccount me, Model model) {
		return form(me, null, StaffForm.empty(), model);
	}

	@PostMapping
	@PreAuthorize(KEEPERS)
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") StaffForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return save(me, null, form, errors, model, redirect);
	}

	@GetMapping("/{id}")
	@PreAuthorize(KEEPERS)
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		StaffMember member = this.staff.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return form(me, id, StaffForm.of(member), model);
	}

	@PostMapping("/{id}")
	@PreAuthorize(KEEPERS)
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") StaffForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (this.staff.find(me.organisationId(), id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return save(me, id, form, errors, model, redirect);
	}

	private String save(CurrentAccount me, Long id, StaffForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.employeeNumber() != null
				&& this.staff.employeeNumberTaken(me.organisationId(), form.employeeNumber().strip(), id)) {
			errors.rejectValue("employeeNumber", "taken");
		}
		if (form.unitId() != null
				&& this.tree.units(me.organisationId()).stream().noneMatch((unit) -> unit.id() == form.unitId())) {
			errors.rejectValue("unitId", "unknown");
		}
		if (errors.hasErrors()) {
			return form(me, id, form, model);
		}
		if (id == null) {
			this.changes.create(me.organisationId(), form);
		}
		else {
			this.changes.update(me.organisationId(), id, form, LocalDate.now(this.clock));
		}
		this.events.publishEvent(new OrganisationChanged(me.organisationId()));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/staff";
	}

	private String form(CurrentAccount me, Long id, StaffForm form, Model model) {
		model.addAttribute("staffId", id);
		model.addAttribute("form", form);
		model.addAttribute("units", this.tree.units(me.organisationId()));
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("endReasons", EndReason.values());
		return "organisation/staff-form";
	}

}
