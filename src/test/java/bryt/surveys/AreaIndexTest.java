package bryt.surveys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class AreaIndexTest {

	@Test
	void anItemValueMapsOntoZeroToAHundred() {
		// a 4-point scale: 0, 33.3, 66.7, 100
		assertThat(AreaIndex.itemScore(0, 4, false)).isZero();
		assertThat(AreaIndex.itemScore(1, 4, false)).isCloseTo(100 / 3.0, within(1e-12));
		assertThat(AreaIndex.itemScore(3, 4, false)).isEqualTo(100.0);
		// a 6-point scale: steps of 20
		assertThat(AreaIndex.itemScore(2, 6, false)).isEqualTo(40.0);
		assertThat(AreaIndex.itemScore(5, 6, false)).isEqualTo(100.0);
	}

	@Test
	void aReversedItemTurnsTheScaleAround() {
		assertThat(AreaIndex.itemScore(1, 6, true)).isEqualTo(80.0);
		assertThat(AreaIndex.itemScore(5, 6, true)).isZero();
		assertThat(AreaIndex.itemScore(0, 4, true)).isEqualTo(100.0);
	}

	@Test
	void refusesAValueOffTheScale() {
		assertThatIllegalArgumentException().isThrownBy(() -> AreaIndex.itemScore(4, 4, false));
		assertThatIllegalArgumentException().isThrownBy(() -> AreaIndex.itemScore(-1, 4, false));
	}

	@Test
	void theIndexIsTheMeanOfTheResponseScores() {
		// response A: l1 = 3 of 4 points → 100, l2 reversed 1 of 6 → 80, l3 = 5 of 6 →
		// 100:
		// (100 + 80 + 100) / 3 = 93.33; response B: l1 = 1 → 33.33, l2 reversed 5 → 0:
		// (33.33 + 0) / 2 = 16.67; the index (93.33 + 16.67) / 2 = 55
		double a = (AreaIndex.itemScore(3, 4, false) + AreaIndex.itemScore(1, 6, true)
				+ AreaIndex.itemScore(5, 6, false)) / 3;
		double b = (AreaIndex.itemScore(1, 4, false) + AreaIndex.itemScore(5, 6, true)) / 2;
		assertThat(a).isCloseTo(93.333333, within(1e-6));
		assertThat(b).isCloseTo(16.666667, within(1e-6));
		AreaIndex index = new AreaIndex(a / 100, 1).plus(new AreaIndex(b / 100, 1));
		assertThat(index.responses()).isEqualTo(2);
		assertThat(index.value()).isCloseTo(55.0, within(1e-9));
		assertThat(index.rounded()).isEqualTo(55);
	}

	@Test
	void noResponseNoIndex() {
		assertThat(AreaIndex.NONE.value()).isNull();
		assertThat(AreaIndex.NONE.rounded()).isNull();
	}

	@Test
	void aHalfRoundsUp() {
		assertThat(new AreaIndex(0.625, 1).rounded()).isEqualTo(63);
		assertThat(new AreaIndex(0.6249, 1).rounded()).isEqualTo(62);
	}

	@Test
	void refusesASumThatCannotBeScores() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AreaIndex(2.5, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> new AreaIndex(-0.1, 2));
	}

}
