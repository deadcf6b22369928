package bryt.surveys;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import bryt.organisation.CurrentAccount;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR and administrators launch annual surveys and pulses, and may close an open one early
 * or cancel it (L2). The launch's answer shows the paper codes once (a POST's page, never
 * a later GET): they are kept nowhere.
 */
@Controller
@RequestMapping("/surveys/cycles")
@PreAuthorize(CycleController.LAUNCHERS)
class CycleController {

	static final String LAUNCHERS = "hasAnyRole('HR', 'ADMINISTRATOR')";

	private final CycleService cycles;

	CycleController(CycleService cycles) {
		this.cycles = cycles;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("cycles", this.cycles.cycles(me.organisationId()));
		model.addAttribute("endings", this.cycles.endings(me.organisationId()));
		return "surveys/cycles";
	}

	/**
	 * The confirmation before an open annual survey or pulse is closed early or cancelled
	 * (L2): what will happen, and a button that does it. 404 for a cycle that cannot be
	 * ended (closed, cancelled, an exit stage, another organisation's).
	 */
	@GetMapping("/{id}/close")
	String confirmClose(@AuthenticationPrincipal CurrentAccount me, @PathVariable("id") long id, Model model) {
		return confirm(me, id, "close", model);
	}

	@GetMapping("/{id}/cancel")
	String confirmCancel(@AuthenticationPrincipal CurrentAccount me, @PathVariable("id") long id, Model model) {
		return confirm(me, id, "cancel", model);
	}

	private String confirm(CurrentAccount me, long id, String action, Model model) {
		Cycle cycle = this.cycles.endableCycle(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return confirmation(cycle, action, null, model);
	}

	/**
	 * Closes early or cancels, once confirmed on its page (a post without
	 * {@code confirmed=yes} gets the page). Refused, with the page and a message, once
	 * the cycle closed or was cancelled (its results may be released), and a close before
	 * the cycle opened.
	 */
	@PostMapping("/{id}/close")
	String close(@AuthenticationPrincipal CurrentAccount me, @PathVariable("id") long id,
			@RequestParam(name = "confirmed", required = false) String confirmed, Model model,
			RedirectAttributes redirect) {
		return end(me, id, "close", confirmed, model, redirect);
	}

	@PostMapping("/{id}/cancel")
	String cancel(@AuthenticationPrincipal CurrentAccount me, @PathVariable("id") long id,
			@RequestParam(name = "confirmed", required = false) String confirmed, Model model,
			RedirectAttributes redirect) {
		return end(me, id, "cancel", confirmed, model, redirect);
	}

	private String end(CurrentAccount me, long id, String action, String confirmed, Model model,
			RedirectAttributes redirect) {
		Cycle cycle = this.cycles.cycles(me.organisationId())
			.stream()
			.filter((candidate) -> candidate.id() == id)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!"yes".equals(confirmed)) {
			return confirmation(cycle, action, cycle.endable() ? null : notOpen(cycle), model);
		}
		CycleService.Ending ending = "close".equals(action) ? this.cycles.closeEarly(me.organisationId(), id, me)
				: this.cycles.cancel(me.organisationId(), id, me);
		return switch (ending) {
			case CLOSED_EARLY, CANCELLED -> {
				redirect.addFlashAttribute("ended", (ending == CycleService.Ending.CLOSED_EARLY)
						? "surveys.end.done.closed" : "surveys.end.done.cancelled");
				yield "redirect:/surveys/cycles";
			}
			case NOT_STARTED -> confirmation(cycle, action, "surveys.end.error.notStarted", model);
			case NOT_OPEN -> confirmation(cycle, action, notOpen(cycle), model);
		};
	}

	/**
	 * Why a cycle cannot be ended: it closed or was cancelled, or it is an exit stage's
	 * month, which closes by itself and is never "no longer open" while it takes answers.
	 */
	private static String notOpen(Cycle cycle) {
		return cycle.program().exit() ? "surveys.end.error.exitStage" : "surveys.end.error.notOpen";
	}

	private static String confirmation(Cycle cycle, String action, String error, Model model) {
		model.addAttribute("cycle", cycle);
		model.addAttribute("action", action);
		model.addAttribute("error", error);
		// refused for good (not merely "not opened yet"): no button, no warning of what
		// it would do
		model.addAttribute("refused", error != null && !"surveys.end.error.notStarted".equals(error));
		return "surveys/cycle-end";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal CurrentAccount me, Locale locale, Model model) {
		return form(me, new CycleForm("annual", null, null, null), Map.of(), locale, model);
	}

	@PostMapping
	String launch(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute CycleForm form, Locale locale,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		CycleProgram program = switch (String.valueOf(form.program())) {
			case "annual" -> CycleProgram.ANNUAL;
			case "pulse" -> CycleProgram.PULSE;
			default -> {
				errors.put("program", "surveys.cycle.error.program");
				yield null;
			}
		};
		Long instrument = (form.instrument() != null && form.instrument().strip().matches("[0-9]{1,18}"))
				? Long.valueOf(form.instrument().strip()) : null;
		if (instrument == null) {
			errors.put("instrument", "surveys.cycle.error.instrument");
		}
		LocalDate opens = date(form.opensOn(), "opensOn", errors);
		LocalDate closes = date(form.closesOn(), "closesOn", errors);
		if (errors.isEmpty()) {
			try {
				model.addAttribute("launched", this.cycles.launchAndInvite(me.organisationId(),
						new CycleCommand(program, instrument, opens, closes)));
				model.addAttribute("answerPage", this.cycles.answerPage());
				model.addAttribute("answerPageConfigured", this.cycles.answerPageConfigured());
				return "surveys/cycle-launched";
			}
			catch (CycleRefusedException ex) {
				errors.put(
						ex.getMessage().contains("instrument") ? "instrument" : ex.getMessage().contains("closes")
								? "closesOn" : ex.getMessage().contains("program") ? "program" : "opensOn",
						ex.getMessage());
			}
		}
		return form(me, form, errors, locale, model);
	}

	private static LocalDate date(String text, String field, Map<String, String> errors) {
		try {
			return LocalDate.parse(String.valueOf(text).strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "surveys.cycle.error.date");
			return null;
		}
	}

	private String form(CurrentAccount me, CycleForm form, Map<String, String> errors, Locale locale, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("instruments", this.cycles.instruments(me.organisationId(), locale));
		return "surveys/cycle-form";
	}

	/** As posted: strings, so that a crafted value gets a field message, not a 400. */
	record CycleForm(String program, String instrument, String opensOn, String closesOn) {
	}

}
