package bryt.safety;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.voice.Sealing;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting an incident logged in, for oneself or for a colleague, on one page without
 * JavaScript; and the reporter's own list. Who may report: an account with a staff
 * record, or one that covers units (a manager or a representative reporting for someone).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class IncidentReportController {

	private final Incidents incidents;

	private final Organisations organisations;

	private final Sealing sealing;

	private final java.time.Clock clock;

	private final Routing routing;

	IncidentReportController(Incidents incidents, Organisations organisations, Sealing sealing, java.time.Clock clock,
			Routing routing) {
		this.incidents = incidents;
		this.routing = routing;
		this.organisations = organisations;
		this.sealing = sealing;
		this.clock = clock;
	}

	@GetMapping("/safety/report")
	String form(@AuthenticationPrincipal CurrentAccount me, Authentication authentication, Model model) {
		Incidents.ReportChoices choices = this.incidents.choices(me, reporter(me, authentication));
		Map<String, String> values = new LinkedHashMap<>(defaults(this.clock));
		values.put(IncidentForm.PERSON, (choices.ownStaffId() != null) ? "self" : "other");
		if (choices.ownUnitId() != null) {
			values.put(IncidentForm.UNIT, String.valueOf(choices.ownUnitId()));
		}
		return form(choices, values, Map.of(), model);
	}

	@PostMapping("/safety/report")
	String report(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam Map<String, String> params,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		Incidents.ReportChoices choices = this.incidents.choices(me, reporter(me, authentication));
		Map<String, String> fileErrors = new LinkedHashMap<>();
		List<Sealing.CleanFile> cleaned = this.sealing.readFiles(files, fileErrors);
		Incidents.Reported reported = this.incidents.report(me, choices, new IncidentForm(params), cleaned, fileErrors);
		if (!reported.stored()) {
			return form(choices, reported.values(), reported.errors(), model);
		}
		redirect.addFlashAttribute("reported", true);
		// Told by what will happen: "have been told" only when a mail reaches someone.
		redirect.addFlashAttribute("mailed", this.routing.mailReaches(me.organisationId(), reported.incidentId()));
		return "redirect:/safety/mine";
	}

	@GetMapping("/safety/mine")
	String mine(@AuthenticationPrincipal CurrentAccount me, jakarta.servlet.http.HttpSession session, Model model) {
		model.addAttribute("reports", this.incidents.mine(me, session.getId()));
		model.addAttribute("units", IncidentPages.unitNames(this.organisations.units(me.organisationId())));
		return "safety/mine";
	}

	private Visibility reporter(CurrentAccount me, Authentication authentication) {
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		if (!Incidents.mayReport(me, visibility)) {
			throw new AccessDeniedException("Neither staff nor covering units");
		}
		return visibility;
	}

	private String form(Incidents.ReportChoices choices, Map<String, String> values, Map<String, String> errors,
			Model model) {
		model.addAttribute("choices", choices);
		model.addAttribute("units", choices.units());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("maxFiles", Sealing.MAX_FILES);
		model.addAttribute("maxMegapixels", this.sealing.maxMegapixels());
		IncidentPages.addOptions(model);
		return "safety/report";
	}

	/**
	 * Today, the part of the day it is now, no LVU or LVM case, no injury, no absence.
	 */
	static Map<String, String> defaults(java.time.Clock clock) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(IncidentForm.OCCURRED_ON, LocalDate.now(clock).toString());
		int hour = LocalTime.now(clock).getHour();
		Incident.PartOfDay part = (hour < 6) ? Incident.PartOfDay.NIGHT
				: (hour < 12) ? Incident.PartOfDay.MORNING : (hour < 18) ? Incident.PartOfDay.AFTERNOON
						: (hour < 22) ? Incident.PartOfDay.EVENING : Incident.PartOfDay.NIGHT;
		values.put(IncidentForm.PART_OF_DAY, part.name());
		values.put(IncidentForm.CASE_KIND, Incident.CaseKind.NONE.name());
		values.put(IncidentForm.INJURY, Incident.Injury.NONE.name());
		values.put(IncidentForm.ABSENCE_DAYS, "0");
		return values;
	}

}
