package bryt.surveys;

/**
 * Why the anonymity engine hides a figure. Pages, exports, the PDF and the API show the
 * reason in words through {@link #messageKey()} (bundle {@code i18n/surveys}).
 */
public enum AnonymityReason {

	/** The figure covers fewer respondents than the minimum. */
	BELOW_MINIMUM,

	/**
	 * A sibling (or a larger unit's other part) is hidden, and without hiding this one
	 * too the parent minus its visible parts would reveal the hidden group.
	 */
	COMPLEMENTARY,

	/**
	 * Another figure the viewer can see (another filter, pooled window or cycle) differs
	 * from this one by fewer than the minimum respondents.
	 */
	OVERLAP,

	/** A breakdown (tenure band, age band) where some cell is below the minimum. */
	BREAKDOWN,

	/**
	 * The cycle (or a month of the pooled window) has not closed yet: no running scores.
	 */
	NOT_CLOSED,

	/**
	 * Exit answers of a unit below the minimum, counted in a larger unit instead
	 * ({@link AnonymityDecision#countedIn()}).
	 */
	ROLLED_UP,

	/** The unit is outside what this viewer may see. */
	NOT_IN_SCOPE;

	/**
	 * The message key of the reason's explanation, e.g.
	 * {@code surveys.hidden.below-minimum}.
	 */
	public String messageKey() {
		return "surveys.hidden." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
