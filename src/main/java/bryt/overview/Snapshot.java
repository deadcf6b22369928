package bryt.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import bryt.shared.time.Quarter;

/**
 * A quarter's figures as frozen at one extraction; never changed. A recalculation is a
 * new version of the same quarter, with a reason.
 *
 * @param id the snapshot's id
 * @param organisationId its organisation
 * @param quarter the quarter
 * @param version 1 for the first extraction of the quarter, then 2, 3…
 * @param asOf the day the figures describe
 * @param extractedAt when they were computed
 * @param reason why the quarter was computed again; {@code null} for version 1
 * @param definitions the definitions applied, in the overview's order
 * @param units the units as named at extraction, the organisation (id 0) first
 * @param figures every figure
 * @param comments each side's current comment
 * @param reviews each side's sign-off
 */
public record Snapshot(long id, long organisationId, Quarter quarter, int version, LocalDate asOf, Instant extractedAt,
		String reason, List<FigureDefinition> definitions, List<SnapshotUnit> units, List<OverviewFigure> figures,
		List<Comment> comments, List<Review> reviews) {

	/** The figure of one definition and unit, if the snapshot holds one. */
	public Optional<OverviewFigure> figure(String key, long unitId) {
		return this.figures.stream().filter((f) -> f.key().equals(key) && f.unitId() == unitId).findFirst();
	}

	/** A side's current comment, if it wrote one. */
	public Optional<Comment> comment(Side side) {
		return this.comments.stream().filter((c) -> c.side() == side).findFirst();
	}

	/** A side's sign-off, if it gave one. */
	public Optional<Review> review(Side side) {
		return this.reviews.stream().filter((r) -> r.side() == side).findFirst();
	}

	/**
	 * A unit as named at extraction.
	 *
	 * @param id the unit's id, 0 for the whole organisation
	 * @param code its code
	 * @param name its name
	 * @param parentId its parent, {@code null} for a top unit and the organisation
	 */
	public record SnapshotUnit(long id, String code, String name, Long parentId) {
	}

	/**
	 * A side's comment as it stands (its newest version).
	 *
	 * @param side whose comment
	 * @param body the text (the stored marker once an operator redacted it)
	 * @param writtenAt when this version was written
	 * @param redacted whether an operator redacted it
	 */
	public record Comment(Side side, String body, Instant writtenAt, boolean redacted) {

		/**
		 * The text to show a reader: the redaction's marker in the reader's language,
		 * since the one stored (V55) is in English.
		 */
		String shown(org.springframework.context.MessageSource messages, java.util.Locale locale) {
			return this.redacted ? messages.getMessage("overview.comment.redacted", null, this.body, locale)
					: this.body;
		}

	}

	/**
	 * A side's sign-off.
	 *
	 * @param side who signed
	 * @param reviewedOn the day
	 */
	public record Review(Side side, LocalDate reviewedOn) {
	}

	/** The two parties. */
	public enum Side {

		/** The employer: HR and administrators. */
		EMPLOYER,

		/** The unions: union and safety representatives. */
		UNION

	}

}
