package bryt.surveys;

import bryt.organisation.Organisations;
import bryt.organisation.SecondFactorRequirement;
import bryt.shared.DemoMode;

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

	/**
	 * In demo mode, the demo's own team-meeting pulse ({@link DemoSurveys}) is left out:
	 * its comments wait for review so that the review can be seen, and the demo's
	 * accounts log in with the password anyway ({@code SecondFactors.demoExempt}); other
	 * accounts of the demo municipality (the tests') keep logging in as before. Never on
	 * an external database ({@link DemoMode}).
	 */
	private final String demoPack;

	ReviewersNeedSecondFactor(CommentRepository comments, Organisations organisations, DemoMode demo) {
		this.comments = comments;
		this.organisations = organisations;
		this.demoPack = demo.active() ? InstrumentImport.key(DemoSurveys.MEETING_PACK_NAME) : null;
	}

	@Override
	public boolean requiresSecondFactor(long organisationId, long accountId) {
		return this.comments.awaitingReview(organisationId, this.demoPack)
				&& this.organisations.accounts(organisationId)
					.stream()
					.anyMatch((account) -> account.id() == accountId && CommentSide.of(account.roles()).isPresent());
	}

}
