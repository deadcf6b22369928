package bryt.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An area's index 0–100 (områdesindex, områdeindeks), only for an area the instrument
 * marks as scored ({@code survey_area.scored}).
 *
 * <p>
 * The rule: each item value {@code v} on a scale of {@code n} points (values
 * {@code 0 … n−1}) scores {@code 100·v/(n−1)}, a reversed item {@code 100·(n−1−v)/(n−1)}
 * ({@link #itemScore}); a response's area score is the mean of the scores of the area's
 * items it answered; the area index is the mean of the response scores, over the
 * responses that answered at least one of the area's items. Every response weighs the
 * same however many items it skipped, and items on scales of different lengths weigh the
 * same.
 *
 * <p>
 * For an instrument validated with a Rasch model (Prevent's OSA survey as revised by
 * RISE) this linear score is an approximation of the validated score: RISE merged some
 * response categories and scores areas on a logit scale; the pack's README says so.
 *
 * <p>
 * The per-response means are taken in SQL ({@code ResultsRepository.areaSums}), so that
 * no response's answers leave the database one by one: the query returns, per group and
 * area, the sum of the response scores as fractions of 1 and how many responses they are.
 * This record holds those two numbers.
 *
 * @param scoreSum the sum of the response scores, each a fraction 0–1
 * @param responses how many responses answered at least one item of the area
 */
record AreaIndex(double scoreSum, int responses) {

	static final AreaIndex NONE = new AreaIndex(0, 0);

	AreaIndex {
		if (responses < 0 || scoreSum < 0 || scoreSum > responses + 1e-9) {
			throw new IllegalArgumentException("not a sum of " + responses + " scores from 0 to 1: " + scoreSum);
		}
	}

	/**
	 * One item's score 0–100: value {@code v} on a scale of {@code points} values.
	 */
	static double itemScore(int value, int points, boolean reverse) {
		if (points < 2 || value < 0 || value >= points) {
			throw new IllegalArgumentException("value " + value + " is not on a scale of " + points + " points");
		}
		return 100.0 * (reverse ? points - 1 - value : value) / (points - 1);
	}

	AreaIndex plus(AreaIndex other) {
		return new AreaIndex(this.scoreSum + other.scoreSum, this.responses + other.responses);
	}

	/** The index 0–100; {@code null} when no response answered an item of the area. */
	Double value() {
		return (this.responses == 0) ? null : 100 * this.scoreSum / this.responses;
	}

	/** The index as shown: a whole number, a half rounded up; {@code null} as above. */
	Integer rounded() {
		Double value = value();
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).intValueExact();
	}

}
