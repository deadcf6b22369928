package bryt.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.overview.Snapshot.Side;
import bryt.shared.PersonalIdentityNumbers;
import bryt.shared.time.Quarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two parties' comments on a snapshot and their sign-offs. The employer's side (HR,
 * administrators) writes and signs the employer's; the unions' side (union and safety
 * representatives) the unions'; neither the other's, and an account of both sides neither
 * (one person is not both parties). A side's sign-off freezes its own comment; only the
 * newest version of a quarter is commented and signed (a recalculation starts without
 * either). The unions' side counts only from an account an administrator has not made or
 * changed in the last {@link #STANDING} (docs/development.md: an approval an
 * administrator could hand to an account of their making).
 */
@Service
class Reviews {

	private static final Logger log = LoggerFactory.getLogger(Reviews.class);

	/**
	 * How long a union-side account must stand unchanged before it speaks for the unions.
	 */
	static final Duration STANDING = Duration.ofDays(30);

	/** The longest comment. */
	static final int MAX_LENGTH = 4000;

	private final Snapshots snapshots;

	private final ReviewRepository repository;

	private final Organisations organisations;

	private final Clock clock;

	private final PersonNames names;

	Reviews(Snapshots snapshots, ReviewRepository repository, Organisations organisations, Clock clock,
			PersonNames names) {
		this.names = names;
		this.snapshots = snapshots;
		this.repository = repository;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** The side an account speaks for ({@link bryt.organisation.Side#speakingFor}). */
	static Optional<Side> sideOf(Set<Role> roles) {
		return bryt.organisation.Side.speakingFor(roles)
			.map((side) -> (side == bryt.organisation.Side.EMPLOYER) ? Side.EMPLOYER : Side.UNION);
	}

	/** Writes (or rewrites) the side's comment. */
	@Transactional
	public Outcome comment(long organisationId, long snapshotId, CurrentAccount account, Side side, String body) {
		Outcome refused = check(organisationId, snapshotId, account, side);
		if (refused != null) {
			return refused;
		}
		String text = (body != null) ? body.strip() : "";
		// the form checks both; a caller that skipped it still stores nothing it must not
		if (text.isEmpty() || text.length() > MAX_LENGTH || PersonalIdentityNumbers.containsOne(text)) {
			throw new IllegalArgumentException("A comment is 1 to 4,000 characters without an identity number.");
		}
		// a public document, never deleted: no name of the organisation's people
		// (ovtrust)
		if (this.names.containsOne(organisationId, text)) {
			return Outcome.NAMED;
		}
		this.repository.comment(snapshotId, side, text, account.accountId(), this.clock.instant());
		return Outcome.DONE;
	}

	/**
	 * Signs the snapshot off for the side: "reviewed on" today, recording the version the
	 * signer confirmed having read. A confirmation of another version (a page read before
	 * a recalculation, a crafted request) is refused.
	 * @param version the version the signer confirmed having read
	 */
	@Transactional
	public Outcome signOff(long organisationId, long snapshotId, CurrentAccount account, Side side, int version) {
		Outcome refused = check(organisationId, snapshotId, account, side);
		if (refused != null) {
			return refused;
		}
		Snapshot snapshot = this.snapshots.find(organisationId, snapshotId).orElseThrow();
		if (snapshot.version() != version) {
			return Outcome.OTHER_VERSION;
		}
		this.repository.review(snapshotId, version, side, account.accountId(), LocalDate.now(this.clock));
		return Outcome.DONE;
	}

	/**
	 * From when an account's comment and sign-off count for its side: at once for the
	 * employer's, {@link #STANDING} after the account became its holder's own for the
	 * unions' ({@link Organisations#heldByHolderSince} for the employee side: their own
	 * password, not set through the employer's identity provider, or their first login
	 * through the employee side's own provider, and second factor, no administrator's
	 * change since; never for a disabled account or one of another organisation). An
	 * administrator who set a union account's password cannot sign the report off for the
	 * unions by waiting, as in the surveys' comment review.
	 */
	@Transactional(readOnly = true)
	public Instant speaksFrom(long organisationId, CurrentAccount account) {
		if (sideOf(account.roles()).filter((side) -> side == Side.UNION).isEmpty()) {
			return Instant.MIN;
		}
		return this.organisations
			.heldByHolderSince(organisationId, account.accountId(), bryt.organisation.Side.EMPLOYEE_SIDE)
			.map((since) -> since.plus(STANDING))
			.orElse(Instant.MAX);
	}

	/** Why the account may not act for the side on the snapshot now, or null. */
	private Outcome check(long organisationId, long snapshotId, CurrentAccount account, Side side) {
		if (account.organisationId() != organisationId) {
			return Outcome.NOT_FOUND;
		}
		Optional<Snapshot> snapshot = this.snapshots.find(organisationId, snapshotId);
		if (snapshot.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		if (sideOf(account.roles()).filter((own) -> own == side).isEmpty()) {
			return Outcome.NOT_YOUR_SIDE;
		}
		this.repository.lock(snapshotId, side);
		if (this.snapshots.newestVersion(organisationId, snapshot.get().quarter()) != snapshot.get().version()) {
			return Outcome.SUPERSEDED;
		}
		if (this.repository.reviewed(snapshotId, side)) {
			return Outcome.SIGNED;
		}
		if (speaksFrom(organisationId, account).isAfter(this.clock.instant())) {
			return Outcome.NOT_STANDING;
		}
		return null;
	}

	/**
	 * The text an operator's redaction leaves in a comment's place (V55: the database
	 * lets exactly this change through once the redaction is logged).
	 */
	static final String REDACTED = "[removed by the operator]";

	/** Every version of both sides' comments on a quarter's snapshots, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredComment> stored(long organisationId, Quarter quarter) {
		return this.repository.stored(organisationId, quarter);
	}

	/**
	 * An operator's redaction of one stored comment: logged (who, when, why) and its text
	 * replaced by {@link #REDACTED}, the original kept nowhere. The log line names the
	 * comment's id only.
	 * @throws IllegalArgumentException for no such comment of the organisation, one
	 * already redacted, or a missing, too long or identity-number-bearing who or why
	 */
	@Transactional
	public StoredComment redact(long organisationId, long commentId, String by, String reason) {
		String who = (by != null) ? by.strip() : "";
		String why = (reason != null) ? reason.strip() : "";
		if (who.isEmpty() || who.length() > 200 || why.isEmpty() || why.length() > 1000
				|| PersonalIdentityNumbers.containsOne(who) || PersonalIdentityNumbers.containsOne(why)) {
			throw new IllegalArgumentException(
					"--by (1 to 200 characters) and --reason (1 to 1,000) are required, without an identity number");
		}
		StoredComment comment = this.repository.stored(organisationId, commentId)
			.orElseThrow(() -> new IllegalArgumentException("No comment #" + commentId + " in this organisation"));
		if (comment.redacted()) {
			throw new IllegalArgumentException("Comment #" + commentId + " is redacted already");
		}
		this.repository.redact(commentId, who, this.clock.instant(), why, REDACTED);
		log.info("Overview comment #{} redacted by the operator", commentId);
		return this.repository.stored(organisationId, commentId).orElseThrow();
	}

	/**
	 * One stored version of a side's comment.
	 *
	 * @param id the comment's number
	 * @param quarter its snapshot's quarter
	 * @param version its snapshot's version
	 * @param side whose
	 * @param body the text ({@link #REDACTED} once redacted)
	 * @param writtenAt when
	 * @param redacted whether an operator redacted it
	 */
	record StoredComment(long id, Quarter quarter, int version, Side side, String body, Instant writtenAt,
			boolean redacted) {
	}

	/** What became of a comment or sign-off. */
	enum Outcome {

		/** Written. */
		DONE,
		/** No such snapshot in the account's organisation. */
		NOT_FOUND,
		/** The account does not speak for that side. */
		NOT_YOUR_SIDE,
		/** The side has signed the snapshot off: its comment is frozen. */
		SIGNED,
		/** A newer version of the quarter exists; comment and sign that one. */
		SUPERSEDED,
		/** The account has not stood unchanged long enough to speak for the unions. */
		NOT_STANDING,
		/** The sign-off confirmed having read another version than the snapshot's. */
		OTHER_VERSION,
		/** The comment holds the name of one of the organisation's people. */
		NAMED,
		/**
		 * The unions' act from a session logged in through the employer's identity
		 * provider ({@link Organisations#throughEmployersProvider}).
		 */
		THROUGH_EMPLOYER

	}

}
