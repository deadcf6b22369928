package bryt.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import bryt.organisation.CurrentAccount;
import bryt.organisation.HomeCard;
import bryt.organisation.HomeCard.Figure;
import bryt.organisation.HomeCard.Tone;
import bryt.organisation.HomeCards;
import bryt.organisation.Role;
import bryt.organisation.Visibility;

import org.springframework.stereotype.Component;

/**
 * Safety's cards on the home page (issue 14), so that its pages can be found:
 * <ul>
 * <li>To one who handles incidents (HR, a manager, a safety representative): how many of
 * the incidents they handle wait for acknowledgement and how many of those are overdue
 * ({@link SafetyClocks#acknowledgeDue}), from the same list the incidents page shows.
 * Counts only.</li>
 * <li>To one who may report logged in ({@link Incidents#mayReport}): the report form and
 * their own reports.</li>
 * <li>To the readers of the figures: the figures page.</li>
 * </ul>
 */
@Component
class SafetyHomeCards implements HomeCards {

	private final Incidents incidents;

	private final SafetyClocks clocks;

	private final Clock clock;

	SafetyHomeCards(Incidents incidents, SafetyClocks clocks, Clock clock) {
		this.incidents = incidents;
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public List<HomeCard> cards(CurrentAccount account, Visibility visibility, LocalDate today) {
		List<HomeCard> cards = new ArrayList<>();
		if (handles(account)) {
			cards.add(handled(account, visibility));
		}
		if (Incidents.mayReport(account, visibility)) {
			cards.add(new HomeCard(230, "home.safety.report.heading",
					List.of(Figure.of("home.safety.report.label", "home.safety.report.value", List.of(),
							"/safety/report", Tone.NONE),
							Figure.of("home.safety.mine.label", "home.safety.mine.value", List.of(), "/safety/mine",
									Tone.NONE)),
					"home.safety.report.link", "/safety/report"));
		}
		if (readsFigures(account)) {
			cards.add(new HomeCard(
					240, "home.safety.figures.heading", List.of(Figure.of("home.safety.figures.label",
							"home.safety.figures.value", List.of(), "/safety/figures", Tone.NONE)),
					"home.safety.figures.link", "/safety/figures"));
		}
		return cards;
	}

	/** As {@link IncidentController#HANDLERS}. */
	static boolean handles(CurrentAccount account) {
		return account.has(Role.HR) || account.has(Role.MANAGER) || account.has(Role.SAFETY_REPRESENTATIVE);
	}

	/** As {@link SafetyFiguresController#READERS}. */
	static boolean readsFigures(CurrentAccount account) {
		return handles(account) || account.has(Role.UNION_REPRESENTATIVE) || account.has(Role.COMMITTEE_MEMBER);
	}

	private HomeCard handled(CurrentAccount account, Visibility visibility) {
		Instant now = this.clock.instant();
		List<Incident> waiting = this.incidents.handled(account, visibility)
			.stream()
			.filter((incident) -> "NEW".equals(incident.status()))
			.toList();
		long overdue = waiting.stream()
			.filter((incident) -> now.isAfter(this.clocks.acknowledgeDue(incident.receivedAt())))
			.count();
		List<Figure> rows = List.of(
				Figure.of("home.safety.waiting", "home.count", List.of(waiting.size()), "/safety/incidents",
						waiting.isEmpty() ? Tone.GOOD : Tone.WARNING),
				Figure.of("home.safety.overdue", "home.count", List.of(overdue), "/safety/incidents",
						(overdue == 0) ? Tone.GOOD : Tone.ALERT));
		return new HomeCard(220, "home.safety.incidents.heading", rows, "home.safety.incidents.link",
				"/safety/incidents");
	}

}
