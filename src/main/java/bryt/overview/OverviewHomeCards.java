package bryt.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import bryt.organisation.CurrentAccount;
import bryt.organisation.HomeCard;
import bryt.organisation.HomeCard.Figure;
import bryt.organisation.HomeCard.Tone;
import bryt.organisation.HomeCards;
import bryt.organisation.Role;
import bryt.organisation.Visibility;
import bryt.overview.Snapshot.Side;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * The overview's card on the home page: to every reader of the overview who sees some
 * unit's figures, a link to it; to an account of one side, how many of the last
 * {@value OverviewController#QUARTERS} quarters' newest snapshots wait for its side's
 * sign-off.
 */
@Component
class OverviewHomeCards implements HomeCards {

	private final Snapshots snapshots;

	OverviewHomeCards(Snapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public List<HomeCard> cards(CurrentAccount account, Visibility visibility, LocalDate today) {
		if (!reads(account) || (!visibility.seesOrganisationFigures() && visibility.coveredUnits().isEmpty())) {
			return List.of();
		}
		List<Figure> figures = new ArrayList<>();
		figures.add(Figure.of("home.overview.label", "home.overview.value", List.of(), "/overview", Tone.NONE));
		Optional<Side> side = Reviews.sideOf(account.roles());
		if (side.isPresent()) {
			Quarter from = Quarter.of(today).endingHere(OverviewController.QUARTERS).getFirst();
			List<Snapshot> all = this.snapshots.list(account.organisationId());
			long waiting = all.stream()
				.filter((snapshot) -> snapshot.quarter().compareTo(from) >= 0)
				.filter((snapshot) -> all.stream()
					.noneMatch((other) -> other.quarter().equals(snapshot.quarter())
							&& other.version() > snapshot.version()))
				.filter((snapshot) -> snapshot.review(side.get()).isEmpty())
				.count();
			figures.add(Figure.of("home.overview.waiting." + side.get().name(), "home.count", List.of(waiting),
					"/overview/snapshots", (waiting == 0) ? Tone.GOOD : Tone.WARNING));
			// ovtrust: a recalculation that waits for both sides' review, while the
			// quarter's
			// report stays the version both signed: the other side learns of it here too
			long recalculated = all.stream()
				.map(Snapshot::quarter)
				.filter((quarter) -> quarter.compareTo(from) >= 0)
				.distinct()
				.filter((quarter) -> Snapshots.Standing
					.of(all.stream().filter((snapshot) -> snapshot.quarter().equals(quarter)).toList())
					.waiting()
					.isPresent())
				.count();
			if (recalculated > 0) {
				figures.add(Figure.of("home.overview.recalculated", "home.count", List.of(recalculated),
						"/overview/snapshots", Tone.WARNING));
			}
		}
		return List.of(new HomeCard(500, "home.overview.heading", figures, "home.overview.link", "/overview"));
	}

	/** As {@link OverviewController#READERS}. */
	static boolean reads(CurrentAccount account) {
		return account.has(Role.HR) || account.has(Role.ADMINISTRATOR) || account.has(Role.MANAGER)
				|| account.has(Role.UNION_REPRESENTATIVE) || account.has(Role.SAFETY_REPRESENTATIVE)
				|| account.has(Role.COMMITTEE_MEMBER);
	}

}
