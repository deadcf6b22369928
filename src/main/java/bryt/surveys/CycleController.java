package bryt.surveys;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import bryt.organisation.CurrentAccount;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * HR and administrators launch annual surveys and pulses. The launch's answer shows the
 * paper codes once (a POST's page, never a later GET): they are kept nowhere.
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
		return "surveys/cycles";
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
