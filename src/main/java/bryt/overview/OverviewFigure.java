package bryt.overview;

import java.util.Objects;

/**
 * One figure of one unit (or of the whole organisation) for one quarter.
 *
 * @param key the definition's key
 * @param unitId the unit, or {@value #ORGANISATION} for the whole organisation
 * @param value the figure, or {@code null} when it is not shown
 * @param hidden why it is not shown, or {@code null} when it is
 */
public record OverviewFigure(String key, long unitId, Double value, Hidden hidden) {

	/** The unit id that stands for the whole organisation. */
	public static final long ORGANISATION = 0;

	public OverviewFigure {
		Objects.requireNonNull(key, "key");
		if ((value == null) == (hidden == null)) {
			throw new IllegalArgumentException("A figure has a value or a reason it is hidden, not both: " + key);
		}
		if (value != null && (value.isNaN() || value.isInfinite())) {
			throw new IllegalArgumentException("A figure is a finite number: " + key);
		}
	}

	public static OverviewFigure shown(String key, long unitId, double value) {
		return new OverviewFigure(key, unitId, value, null);
	}

	public static OverviewFigure hidden(String key, long unitId, Hidden reason) {
		return new OverviewFigure(key, unitId, null, reason);
	}

	/** Why a figure is not shown. */
	public enum Hidden {

		/** The group it rests on is smaller than the source's minimum. */
		TOO_FEW,

		/** There is nothing to count: no staff, no cases, no survey in the quarter. */
		NO_DATA,

		/**
		 * Hidden so that another hidden figure cannot be worked out from what is shown
		 * (complementary suppression): its value may be of any size.
		 */
		COMPLEMENT

	}

}
