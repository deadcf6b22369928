package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.Unit;
import bryt.organisation.Visibility;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
 * The action-plan page: every action of the units the account may see, by unit. HR,
 * administrators and the manager of a unit add actions and change their status; the
 * manager's side and the safety representative comment; the committee reads.
 */
@Controller
@RequestMapping("/surveys/actions")
class ActionPlanController {

	private static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	private static final String EDITORS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER')";

	private static final String COMMENTERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE')";

	private final ActionPlans plans;

	private final Organisations organisations;

	private final Clock clock;

	ActionPlanController(ActionPlans plans, Organisations organisations, Clock clock) {
		this.plans = plans;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, Authentication authentication, Model model) {
		return page(me, visibility(me, authentication), ActionForm.empty(), null, model);
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String add(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@Valid @ModelAttribute("form") ActionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Visibility visibility = visibility(me, authentication);
		form.validate(errors, cycleIds(me), editableUnits(me, visibility), today());
		if (errors.hasErrors()) {
			return page(me, visibility, form, null, model);
		}
		this.plans.add(me.organisationId(), form.action(), author(me));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/surveys/actions";
	}

	@PostMapping("/{id}/status")
	@PreAuthorize(EDITORS)
	String changeStatus(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @RequestParam(name = "status", required = false) String status,
			RedirectAttributes redirect) {
		Visibility visibility = visibility(me, authentication);
		SurveyAction action = visibleAction(me, visibility, id);
		if (!editableUnits(me, visibility).contains(action.unitId())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		ActionStatus chosen = status(status);
		if (chosen == null) {
			redirect.addFlashAttribute("statusRefused", id);
		}
		else {
			this.plans.changeStatus(me.organisationId(), id, chosen);
			redirect.addFlashAttribute("saved", true);
		}
		return "redirect:/surveys/actions#action-" + id;
	}

	@PostMapping("/{id}/comments")
	@PreAuthorize(COMMENTERS)
	String comment(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @Valid @ModelAttribute("comment") ActionCommentForm comment,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Visibility visibility = visibility(me, authentication);
		SurveyAction action = visibleAction(me, visibility, id);
		if (errors.hasErrors()) {
			return page(me, visibility, ActionForm.empty(), action.id(), model);
		}
		this.plans.comment(me.organisationId(), action.id(), side(me), author(me), comment.text().strip());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/surveys/actions#action-" + id;
	}

	private String page(CurrentAccount me, Visibility visibility, ActionForm form, Long commentFailedOn, Model model) {
		Map<Long, Unit> units = this.organisations.units(me.organisationId())
			.stream()
			.collect(Collectors.toMap(Unit::id, (unit) -> unit, (a, b) -> a, LinkedHashMap::new));
		Map<Unit, List<SurveyAction>> byUnit = new LinkedHashMap<>();
		for (SurveyAction action : this.plans.all(me.organisationId())) {
			if (visibility.seesUnitFigures(action.unitId())) {
				byUnit.computeIfAbsent(units.get(action.unitId()), (unit) -> new java.util.ArrayList<>()).add(action);
			}
		}
		Set<Long> editable = editableUnits(me, visibility);
		model.addAttribute("byUnit", byUnit);
		model.addAttribute("today", today());
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("editable", editable);
		model.addAttribute("mayComment", me.has(Role.ADMINISTRATOR) || me.has(Role.HR) || me.has(Role.MANAGER)
				|| me.has(Role.UNION_REPRESENTATIVE));
		model.addAttribute("editableUnits",
				units.values().stream().filter((unit) -> editable.contains(unit.id())).toList());
		List<ActionPlanRepository.CycleOption> cycles = this.plans.cycles(me.organisationId());
		model.addAttribute("cycles", cycles);
		// Each action says which survey it answers (the review: the page showed none).
		model.addAttribute("cycleById",
				cycles.stream().collect(Collectors.toMap(ActionPlanRepository.CycleOption::id, (cycle) -> cycle)));
		model.addAttribute("zone", this.clock.getZone());
		model.addAttribute("form", form);
		if (!model.containsAttribute("comment")) {
			model.addAttribute("comment", ActionCommentForm.empty());
		}
		model.addAttribute("commentFailedOn", commentFailedOn);
		return "surveys/actions";
	}

	/** What the account may see, looked up once per request. */
	private Visibility visibility(CurrentAccount me, Authentication authentication) {
		return this.organisations.visibility(authentication, me.organisationId());
	}

	/** The action, if it is the organisation's and in a unit the account may see. */
	private SurveyAction visibleAction(CurrentAccount me, Visibility visibility, long id) {
		return this.plans.find(me.organisationId(), id)
			.filter((action) -> visibility.seesUnitFigures(action.unitId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * The units whose actions the account may add and change: every unit for HR and
	 * administrators, the units a manager covers (with those below them).
	 */
	private Set<Long> editableUnits(CurrentAccount me, Visibility visibility) {
		if (me.has(Role.ADMINISTRATOR) || me.has(Role.HR)) {
			return this.organisations.units(me.organisationId()).stream().map(Unit::id).collect(Collectors.toSet());
		}
		return me.has(Role.MANAGER) ? visibility.coveredUnits() : Set.of();
	}

	private List<Long> cycleIds(CurrentAccount me) {
		return this.plans.cycles(me.organisationId()).stream().map(ActionPlanRepository.CycleOption::id).toList();
	}

	/**
	 * The safety representative writes for the employee side; everyone else for the
	 * employer.
	 */
	private static SurveyAction.Side side(CurrentAccount me) {
		return me.has(Role.UNION_REPRESENTATIVE) ? SurveyAction.Side.EMPLOYEE : SurveyAction.Side.EMPLOYER;
	}

	private static String author(CurrentAccount me) {
		return me.displayName() + " (" + me.getUsername() + ")";
	}

	private static ActionStatus status(String text) {
		for (ActionStatus status : ActionStatus.values()) {
			if (status.name().equals(text)) {
				return status;
			}
		}
		return null;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
