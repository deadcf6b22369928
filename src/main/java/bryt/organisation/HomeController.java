package bryt.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each role's first screen: the figures and alerts the account acts on, each linking to
 * its page. The cards come from every module's {@link HomeCards} bean; this page only
 * orders and shows them.
 */
@Controller
class HomeController {

	private final OrganisationRepository organisations;

	private final StaffRepository staff;

	private final StaffDirectory directory;

	private final List<HomeCards> contributions;

	private final Clock clock;

	HomeController(OrganisationRepository organisations, StaffRepository staff, StaffDirectory directory,
			List<HomeCards> contributions, Clock clock) {
		this.contributions = contributions;
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
		if (Role.covers(me.roles())) {
			model.addAttribute("coveredUnits", this.directory.coveredUnits(me));
		}
		Visibility visibility = this.directory.visibility(me);
		List<HomeCard> cards = this.contributions.stream()
			.flatMap((contribution) -> contribution.cards(me, visibility, today).stream())
			.sorted(Comparator.comparingInt(HomeCard::order))
			.toList();
		model.addAttribute("cards", cards);
		model.addAttribute("alerts",
				cards.stream().flatMap((card) -> card.figures().stream()).filter(HomeCard.Figure::alert).toList());
		if (visibility.seesOrganisationFigures()) {
			model.addAttribute("departments", this.staff.headcountPerDepartment(me.organisationId(), today));
		}
		return "organisation/home";
	}

}
