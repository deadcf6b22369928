package bryt.surveys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendScoreTest {

	/** Counts by value 0–10. */
	private static int[] counts(int... byValue) {
		return byValue;
	}

	@Test
	void allPromotersScoreAHundred() {
		RecommendScore score = RecommendScore.of(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4));
		assertThat(score).isEqualTo(new RecommendScore(7, 0, 0));
		assertThat(score.score()).isEqualTo(100.0);
		assertThat(score.rounded()).isEqualTo(100);
	}

	@Test
	void allDetractorsScoreMinusAHundred() {
		// 0 to 6 are all detractors
		RecommendScore score = RecommendScore.of(counts(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0));
		assertThat(score).isEqualTo(new RecommendScore(0, 0, 7));
		assertThat(score.rounded()).isEqualTo(-100);
	}

	@Test
	void passivesCountOnlyInTheDenominator() {
		// 7 and 8 are passive: 2 promoters, 2 passives, 1 detractor: (2 − 1) / 5 = +20
		RecommendScore score = RecommendScore.of(counts(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1));
		assertThat(score).isEqualTo(new RecommendScore(2, 2, 1));
		assertThat(score.score()).isEqualTo(20.0);
		assertThat(new RecommendScore(0, 5, 0).score()).isZero();
	}

	@Test
	void noneAnsweredHasNoFigure() {
		RecommendScore score = RecommendScore.of(new int[11]);
		assertThat(score.answered()).isZero();
		assertThat(score.score()).isNull();
		assertThat(score.rounded()).isNull();
	}

	@Test
	void aHalfRoundsAwayFromZeroBothWays() {
		// 1 promoter, 7 passives: +12.5 → 13; 1 detractor, 7 passives: −12.5 → −13
		assertThat(new RecommendScore(1, 7, 0).rounded()).isEqualTo(13);
		assertThat(new RecommendScore(0, 7, 1).rounded()).isEqualTo(-13);
		// 1 of 3: +33.3 → 33
		assertThat(new RecommendScore(1, 2, 0).rounded()).isEqualTo(33);
	}

}
