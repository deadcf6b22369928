package bryt.workload;

import java.time.Clock;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Role;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
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
 * The load-model page: the model's parameters, the bands, the case types, and the
 * case-carrying share of each role with every change to it (who and when). Everyone who
 * may see the load model sees the history; HR and administrators change the shares, as
 * they import the case types.
 */
@Controller
@RequestMapping("/workload/case-types")
class LoadModelController {

	private static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	private static final String CHANGERS = "hasAnyRole('ADMINISTRATOR', 'HR')";

	private final Workload workload;

	private final RoleShareChanges changes;

	private final Clock clock;

	LoadModelController(Workload workload, RoleShareChanges changes, Clock clock) {
		this.workload = workload;
		this.changes = changes;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, Locale locale, Model model) {
		return page(me, RoleSharesForm.of(this.workload.settings(me.organisationId()).shares()), locale, model);
	}

	@PostMapping("/shares")
	@PreAuthorize(CHANGERS)
	String changeShares(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") RoleSharesForm form,
			BindingResult errors, Locale locale, Model model, RedirectAttributes redirect) {
		form.validate(errors);
		if (errors.hasErrors()) {
			return page(me, form, locale, model);
		}
		this.changes.change(me.organisationId(), form.shares(), me.displayName() + " (" + me.getUsername() + ")");
		redirect.addFlashAttribute("saved", true);
		return "redirect:/workload/case-types#shares";
	}

	private String page(CurrentAccount me, RoleSharesForm form, Locale locale, Model model) {
		model.addAttribute("caseTypes", this.workload.caseTypes(me.organisationId()));
		model.addAttribute("loadModel", WorkloadHelpController.loadModel(this.workload, me.organisationId()));
		model.addAttribute("language", locale.getLanguage());
		model.addAttribute("form", form);
		model.addAttribute("history", this.changes.history(me.organisationId()));
		// when each change was made, in the zone Bryt counts dates in (as the import
		// history), not in UTC
		model.addAttribute("zone", this.clock.getZone());
		model.addAttribute("mayChange", me.has(Role.ADMINISTRATOR) || me.has(Role.HR));
		return "workload/case-types";
	}

}
