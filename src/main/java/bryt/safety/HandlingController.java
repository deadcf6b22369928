package bryt.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.Visibility;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the handling sections of an incident's page. Each post checks again that
 * the account handles the incident (the incident's organisation is the account's, and
 * {@link IncidentAccess#handles}); an incident it does not handle is not found (404, as
 * the page answers). A saved form goes back to the page with a "saved" banner by its
 * section; a form with errors comes back on a page of its own, holding only that section,
 * so that the errors need nothing of the rest of the incident's page and nothing refused
 * is kept in the session.
 */
@Controller
@RequestMapping("/safety/incidents/{id}")
class HandlingController {

	private static final int REFERENCE_LENGTH = 100;

	private static final int CAUSES_LENGTH = 4000;

	private static final int TITLE_LENGTH = 300;

	private static final int OWNER_LENGTH = 200;

	private final Handling handling;

	private final Organisations organisations;

	private final MessageSource messages;

	private final HandlingDutySection duty;

	private final SupportSection support;

	private final PoliceSection police;

	private final MeasureSection measures;

	private final InvestigationSection investigation;

	HandlingController(Handling handling, Organisations organisations, MessageSource messages, HandlingDutySection duty,
			SupportSection support, PoliceSection police, MeasureSection measures, InvestigationSection investigation) {
		this.handling = handling;
		this.organisations = organisations;
		this.messages = messages;
		this.duty = duty;
		this.support = support;
		this.police = police;
		this.measures = measures;
		this.investigation = investigation;
	}

	@PostMapping("/duty")
	@PreAuthorize(IncidentController.HANDLERS)
	String duty(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		handled(me, authentication, id);
		HandlingForm form = new HandlingForm(params, this.handling.today());
		SafetyClocks.Checklist checklist = new SafetyClocks.Checklist(form.checked("weapon"),
				form.checked("deathThreat"), form.checked("injuryNeedingCare"), form.checked("severalStaff"),
				form.checked("threatToFamilyOrHome"), form.checked("death"));
		LocalDate notifiedOn = form.pastDay("notifiedOn");
		String reference = form.text("reference", REFERENCE_LENGTH, false);
		LocalDate workInjury = form.pastDay("workInjuryReportedOn");
		if (reference != null && notifiedOn == null) {
			form.reject("notifiedOn", "safety.duty.error.notifiedOn");
		}
		if (form.failed()) {
			return failed(me, id, this.duty, form, model);
		}
		this.handling.saveDuty(me.organisationId(), id, checklist, notifiedOn, reference, workInjury);
		return saved(id, "duty", redirect);
	}

	@PostMapping("/support")
	@PreAuthorize(IncidentController.HANDLERS)
	String support(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		handled(me, authentication, id);
		HandlingForm form = new HandlingForm(params, this.handling.today());
		Map<SafetyClocks.SupportStep, Handling.SupportEntry> entries = new EnumMap<>(SafetyClocks.SupportStep.class);
		for (SafetyClocks.SupportStep step : SafetyClocks.SupportStep.values()) {
			LocalDate offered = form.pastDay("offered-" + step);
			boolean declined = form.checked("declined-" + step);
			LocalDate done = form.pastDay("done-" + step);
			if (declined && done != null) {
				form.reject("declined-" + step, "safety.support.error.declinedAndDone");
			}
			if (declined && offered == null) {
				form.reject("offered-" + step, "safety.support.error.declinedWithoutOffer");
			}
			if (offered != null && done != null && done.isBefore(offered)) {
				form.reject("done-" + step, "safety.support.error.doneBeforeOffered");
			}
			entries.put(step, new Handling.SupportEntry(offered, declined, done));
		}
		if (form.failed()) {
			return failed(me, id, this.support, form, model);
		}
		this.handling.saveSupport(me.organisationId(), id, entries);
		return saved(id, "support", redirect);
	}

	@PostMapping("/police")
	@PreAuthorize(IncidentController.HANDLERS)
	String police(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		handled(me, authentication, id);
		HandlingForm form = new HandlingForm(params, this.handling.today());
		PoliceDecision decision = form.choice("decision", PoliceDecision.class);
		LocalDate reportedOn = form.pastDay("reportedOn");
		String reference = form.text("reference", REFERENCE_LENGTH, false);
		Assists assists = form.choice("employerAssists", Assists.class);
		if (decision == PoliceDecision.NOT_REPORTED && (reportedOn != null || reference != null)) {
			form.reject("reportedOn", "safety.police.error.notReported");
		}
		if (decision == null && !form.hasError("decision") && (reportedOn != null || reference != null)) {
			form.reject("decision", "safety.police.error.decision");
		}
		if (form.failed()) {
			return failed(me, id, this.police, form, model);
		}
		this.handling.savePolice(me.organisationId(), id, decision, reportedOn, reference,
				(assists != null) ? assists == Assists.TRUE : null);
		return saved(id, "police", redirect);
	}

	@PostMapping("/measures")
	@PreAuthorize(IncidentController.HANDLERS)
	String measures(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		handled(me, authentication, id);
		HandlingForm form = new HandlingForm(params, this.handling.today());
		List<HandlingRepository.MeasureRecord> measures = new ArrayList<>();
		for (MeasureKind kind : MeasureKind.values()) {
			LocalDate requested = form.pastDay("requested-" + kind);
			LocalDate done = form.pastDay("done-" + kind);
			if (done != null && requested == null && !form.hasError("requested-" + kind)) {
				form.reject("requested-" + kind, "safety.measures.error.requested");
			}
			if (done != null && requested != null && done.isBefore(requested)) {
				form.reject("done-" + kind, "safety.measures.error.doneBeforeRequested");
			}
			measures.add(new HandlingRepository.MeasureRecord(kind, requested, done));
		}
		if (form.failed()) {
			return failed(me, id, this.measures, form, model);
		}
		this.handling.saveMeasures(me.organisationId(), id, measures);
		return saved(id, "measures", redirect);
	}

	@PostMapping("/investigation")
	@PreAuthorize(IncidentController.HANDLERS)
	String investigation(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me,
			Authentication authentication, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		handled(me, authentication, id);
		HandlingForm form = new HandlingForm(params, this.handling.today());
		String causes = form.text("causes", CAUSES_LENGTH, false);
		LocalDate risk = form.pastDay("riskAssessmentUpdatedOn");
		if (form.failed()) {
			return failed(me, id, this.investigation, form, model);
		}
		this.handling.saveInvestigation(me.organisationId(), id, causes, risk);
		return saved(id, "investigation", redirect);
	}

	@PostMapping("/actions")
	@PreAuthorize(IncidentController.HANDLERS)
	String addAction(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		handled(me, authentication, id);
		HandlingForm form = new HandlingForm(params, this.handling.today());
		String title = form.text("title", TITLE_LENGTH, true);
		String owner = form.text("owner", OWNER_LENGTH, true);
		LocalDate due = form.dueDay("dueOn", true);
		InvestigationAction.Side side = form.choice("side", InvestigationAction.Side.class);
		if (side == null && !form.hasError("side")) {
			form.reject("side", "safety.investigation.error.side");
		}
		if (form.failed()) {
			return failed(me, id, this.investigation, form, model);
		}
		this.handling.addAction(me.organisationId(), id, title, owner, due, side);
		return saved(id, "investigation", redirect);
	}

	/**
	 * An action done, by its own side only ({@link Handling#actionDone}); the action is a
	 * parameter, so that a crafted one gets a message.
	 */
	@PostMapping("/actions/done")
	@PreAuthorize(IncidentController.HANDLERS)
	String actionDone(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Handled handled = handled(me, authentication, id);
		HandlingForm form = new HandlingForm(params, this.handling.today());
		Long action = number(params.getFirst("action"));
		if (action == null) {
			return refused(id, "action", redirect);
		}
		String field = "doneOn-" + action;
		LocalDate done = form.pastDay(field);
		if (done == null && !form.hasError(field)) {
			form.reject(field, "safety.handling.error.day");
		}
		if (form.failed()) {
			return failed(me, id, this.investigation, form, model);
		}
		if (!handled.sides(me).contains(InvestigationAction.Side.MANAGER) && throughEmployer(authentication)) {
			return refused(id, "throughEmployer", redirect);
		}
		return switch (this.handling.actionDone(me.organisationId(), id, action, done, handled.sides(me),
				me.accountId())) {
			case DONE -> saved(id, "investigation", redirect);
			case WRONG_SIDE -> refused(id, "doneSide", redirect);
			case NOT_STANDING -> refused(id, "notStanding", redirect);
			case NOT_FOUND -> refused(id, "action", redirect);
		};
	}

	/**
	 * A waiver, for the side the account waives for: a manager or a safety representative
	 * who covers the incident's unit (HR handles incidents but waives nothing by being
	 * HR).
	 */
	@PostMapping("/actions/waive")
	@PreAuthorize(IncidentController.HANDLERS)
	String waive(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Handled handled = handled(me, authentication, id);
		Long action = number(params.getFirst("action"));
		InvestigationAction.Side side = side(params.getFirst("side"));
		if (action == null || side == null) {
			return refused(id, "action", redirect);
		}
		Role role = (side == InvestigationAction.Side.MANAGER) ? Role.MANAGER : Role.SAFETY_REPRESENTATIVE;
		if (!me.has(role) || !handled.visibility().coveredUnits().contains(handled.unitId())) {
			return refused(id, "waiveRole", redirect);
		}
		if (side == InvestigationAction.Side.SAFETY_REPRESENTATIVE && throughEmployer(authentication)) {
			return refused(id, "throughEmployer", redirect);
		}
		return switch (this.handling.waive(me.organisationId(), id, action, side, me.accountId())) {
			case WAIVED -> saved(id, "investigation", redirect);
			case SAME_PERSON -> refused(id, "waiveSamePerson", redirect);
			case NOT_STANDING -> refused(id, "notStanding", redirect);
			case NOT_FOUND -> refused(id, "action", redirect);
		};
	}

	/**
	 * One side's confirmation of the close ({@link Handling#close}): the side the form
	 * names, or the only one the account acts for. A second confirmation by the other
	 * side closes the incident.
	 */
	@PostMapping("/close")
	@PreAuthorize(IncidentController.HANDLERS)
	String close(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Handled handled = handled(me, authentication, id);
		java.util.Set<InvestigationAction.Side> sides = handled.sides(me);
		InvestigationAction.Side side = side(params.getFirst("side"));
		if (side == null && sides.size() == 1) {
			side = sides.iterator().next();
		}
		if (side == null || !sides.contains(side)) {
			return refused(id, "closeSide", redirect);
		}
		if (side == InvestigationAction.Side.SAFETY_REPRESENTATIVE && throughEmployer(authentication)) {
			return refused(id, "throughEmployer", redirect);
		}
		Handling.Closing closing = this.handling.close(me.organisationId(), id, side, me.accountId());
		return switch (closing.outcome()) {
			case CLOSED, CLOSED_WITHOUT_REPRESENTATIVE, PROPOSED -> saved(id, "investigation", redirect);
			// the section lists the actions that stand in the way
			case OPEN_ACTIONS -> refused(id, "close", redirect);
			case NOT_ACKNOWLEDGED -> refused(id, "closeNotAcknowledged", redirect);
			case NOT_INVESTIGATED -> refused(id, "closeNotInvestigated", redirect);
			case SAME_PERSON -> refused(id, "closeSamePerson", redirect);
			case NOT_STANDING -> refused(id, "notStanding", redirect);
		};
	}

	/**
	 * The incident's unit and what the account sees, when it handles the incident; else
	 * 404. A closed incident refuses every change ({@link ClosedIncidents}).
	 */
	private Handled handled(CurrentAccount me, Authentication authentication, long id) {
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		HandlingIncident incident = this.handling.incident(me.organisationId(), id)
			.filter((found) -> IncidentAccess.handles(me, visibility, found.unitId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (incident.closed()) {
			// a closed incident is read-only (ClosedIncidents)
			throw new ClosedIncidents.Refused(id);
		}
		return new Handled(incident.unitId(), visibility);
	}

	private String failed(CurrentAccount me, long id, IncidentSection section, HandlingForm form, Model model) {
		Map<String, Object> shown = new LinkedHashMap<>(section.model(me.organisationId(), id, me));
		shown.put("values", form.shownValues());
		Map<String, String> errors = new LinkedHashMap<>();
		form.errors()
			.forEach((field, error) -> errors.put(field,
					this.messages.getMessage(error, LocaleContextHolder.getLocale())));
		shown.put("errors", errors);
		model.addAttribute("incidentId", id);
		// the sections read it; a closed incident never gets here (handled refuses it)
		model.addAttribute("incidentClosed", false);
		model.addAttribute("section", section.template());
		model.addAttribute("sectionModel", shown);
		return "safety/section-failed";
	}

	private static String saved(long id, String section, RedirectAttributes redirect) {
		redirect.addFlashAttribute("handlingSaved", section);
		return "redirect:/safety/incidents/" + id + "#section-" + section;
	}

	/**
	 * The representative's word (a done mark, a waiver, the close's confirmation) is not
	 * taken from a session through the employer's identity provider, which the employer's
	 * IT controls ({@link Organisations#throughEmployersProvider}).
	 */
	private boolean throughEmployer(Authentication authentication) {
		return this.organisations.throughEmployersProvider(authentication);
	}

	private static String refused(long id, String why, RedirectAttributes redirect) {
		redirect.addFlashAttribute("handlingRefused", why);
		return "redirect:/safety/incidents/" + id + "#section-investigation";
	}

	private static Long number(String text) {
		try {
			return (text != null) ? Long.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static InvestigationAction.Side side(String text) {
		for (InvestigationAction.Side side : InvestigationAction.Side.values()) {
			if (side.name().equals(text)) {
				return side;
			}
		}
		return null;
	}

	/** The incident's unit and what the account sees. */
	private record Handled(long unitId, Visibility visibility) {

		java.util.Set<InvestigationAction.Side> sides(CurrentAccount me) {
			return Handling.sides(me, this.visibility.coveredUnits(), this.unitId);
		}

	}

	/** Whether the employer assists with the police report, as the form sends it. */
	private enum Assists {

		TRUE, FALSE

	}

}
