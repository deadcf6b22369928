package bryt.organisation;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role's landing page: what the account can see and do. */
@Controller
class HomeController {

	private final OrganisationRepository organisations;

	private final StaffRepository staff;

	private final StaffDirectory directory;

	private final Clock clock;

	HomeController(OrganisationRepository organisations, StaffRepository staff, StaffDirectory directory, Clock clock) {
		this.organisations = organisations;
		this.staff = staff;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentAccount me, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("me", me);
		model.addAttribute("organisation", this.organisations.find(me.organisationId()).orElseThrow());
		this.directory.ownRecord(me).ifPresent((member) -> model.addAttribute("ownRecord", member));
		if (me.has(Role.MANAGER) || me.has(Role.UNION_REPRESENTATIVE)) {
			model.addAttribute("coveredUnits", this.directory.coveredUnits(me));
		}
		if (this.directory.visibility(me).seesOrganisationFigures()) {
			model.addAttribute("departments", this.staff.headcountPerDepartment(me.organisationId(), today));
		}
		return "organisation/home";
	}

}
