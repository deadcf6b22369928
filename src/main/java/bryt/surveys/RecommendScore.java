package bryt.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The would-recommend score (rekommendationsvilja, anbefalingsscore) as the Net Promoter
 * Score defines it: of those who answered the 0–10 question, the share who gave 9 or 10
 * (promoters) minus the share who gave 0–6 (detractors), in percentage points, from −100
 * to +100. Nobody answered: no figure.
 *
 * @param promoters answers 9 or 10
 * @param passives answers 7 or 8
 * @param detractors answers 0 to 6
 */
public record RecommendScore(int promoters, int passives, int detractors) {

	public RecommendScore {
		if (promoters < 0 || passives < 0 || detractors < 0) {
			throw new IllegalArgumentException("counts cannot be negative");
		}
	}

	/**
	 * The score of the answers' counts by value: {@code counts[v]} answers gave {@code v}
	 * (0–10); values beyond 10 are not answers to this question and are not counted.
	 */
	static RecommendScore of(int[] counts) {
		int promoters = 0;
		int passives = 0;
		int detractors = 0;
		for (int value = 0; value < Math.min(counts.length, 11); value++) {
			if (value >= 9) {
				promoters += counts[value];
			}
			else if (value >= 7) {
				passives += counts[value];
			}
			else {
				detractors += counts[value];
			}
		}
		return new RecommendScore(promoters, passives, detractors);
	}

	/** How many answered. */
	public int answered() {
		return this.promoters + this.passives + this.detractors;
	}

	/** The exact score, −100 to +100; {@code null} when nobody answered. */
	public Double score() {
		int answered = answered();
		return (answered == 0) ? null : 100.0 * (this.promoters - this.detractors) / answered;
	}

	/**
	 * The score as shown: a whole number, a half rounded away from zero (so +12.5 and
	 * −12.5 show as 13 and −13, symmetrically); {@code null} when nobody answered.
	 */
	public Integer rounded() {
		int answered = answered();
		if (answered == 0) {
			return null;
		}
		return BigDecimal.valueOf(100L * (this.promoters - this.detractors))
			.divide(BigDecimal.valueOf(answered), 0, RoundingMode.HALF_UP)
			.intValueExact();
	}

}
