package bryt.surveys;

import bryt.organisation.Organisations;
import bryt.organisation.SecondFactorRequirement;

import org.springframework.stereotype.Component;

/**
 * Whoever may review comments that wait for review logs in with a second factor, as a
 * recipient of voice reports does: before the release a reviewer reads the original
 * texts, names included, and approves them for a party, so a password alone must not do.
 * An account of either side (HR, administrators, union and safety representatives) of an
 * organisation with a closed cycle whose comments are not yet released needs one. Once
 * released, the comments are shown to whoever sees the units' results, as those results
 * are, without one.
 */
@Component
class ReviewersNeedSecondFactor implements SecondFactorRequirement {

	private final CommentRepository comments;

	private final Organisations organisations;

	ReviewersNeedSecondFactor(CommentRepository comments, Organisations organisations) {
		this.comments = comments;
		this.organisations = organisations;
	}

	@Override
	public boolean requiresSecondFactor(long organisationId, long accountId) {
		return this.comments.awaitingReview(organisationId) && this.organisations.accounts(organisationId)
			.stream()
			.anyMatch((account) -> account.id() == accountId && CommentSide.of(account.roles()).isPresent());
	}

}
