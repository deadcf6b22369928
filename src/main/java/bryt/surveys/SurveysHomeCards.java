package bryt.surveys;

import java.time.LocalDate;
import java.util.List;

import bryt.organisation.CurrentAccount;
import bryt.organisation.HomeCard;
import bryt.organisation.HomeCard.Figure;
import bryt.organisation.HomeCard.Tone;
import bryt.organisation.HomeCards;
import bryt.organisation.Visibility;

import org.springframework.stereotype.Component;

/**
 * Surveys' card on the home page: to a reviewer of comments (employer's side: HR or an
 * administrator; employee side: a union or safety representative), how many closed
 * surveys have comments that wait for its approval, among the units its
 * {@link Visibility} shows, linking to the first one's review. The mail notices reach
 * only accounts linked to staff with a work address; this reaches every reviewer who logs
 * in. A count only, never a comment or a unit.
 */
@Component
class SurveysHomeCards implements HomeCards {

	private final CommentReview review;

	SurveysHomeCards(CommentReview review) {
		this.review = review;
	}

	@Override
	public List<HomeCard> cards(CurrentAccount account, Visibility visibility, LocalDate today) {
		List<Cycle> waiting = this.review.waitingFor(account.organisationId(), account, visibility);
		if (waiting.isEmpty()) {
			return List.of();
		}
		String href = "/surveys/results/" + waiting.getFirst().id() + "/comments/review";
		return List
			.of(new HomeCard(
					300, "home.surveys.comments.heading", List.of(Figure.of("home.surveys.comments.waiting",
							"home.count", List.of(waiting.size()), href, Tone.WARNING)),
					"home.surveys.comments.link", href));
	}

}
