package bryt.surveys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ParticipationTest {

	@Test
	void roundsToTheNearestTenPercent() {
		assertThat(new Participation(14, 100).percent()).isEqualTo(10);
		assertThat(new Participation(16, 100).percent()).isEqualTo(20);
		assertThat(new Participation(2, 3).percent()).isEqualTo(70); // 66.7 %
		assertThat(new Participation(1, 3).percent()).isEqualTo(30); // 33.3 %
		assertThat(new Participation(4, 7).percent()).isEqualTo(60); // 57.1 %
	}

	@Test
	void aHalfRoundsUp() {
		assertThat(new Participation(15, 100).percent()).isEqualTo(20);
		assertThat(new Participation(25, 100).percent()).isEqualTo(30);
		assertThat(new Participation(3, 20).percent()).isEqualTo(20); // 15 %
		assertThat(new Participation(1, 20).percent()).isEqualTo(10); // 5 %
		assertThat(new Participation(19, 20).percent()).isEqualTo(100); // 95 %
	}

	@Test
	void justUnderAHalfRoundsDown() {
		// 149 of 1000 = 14.9 % and 2499 of 10000 = 24.99 %: no floating-point surprise
		assertThat(new Participation(149, 1000).percent()).isEqualTo(10);
		assertThat(new Participation(2499, 10000).percent()).isEqualTo(20);
		assertThat(new Participation(4, 100).percent()).isZero();
	}

	@Test
	void nobodyInvitedHasNoFigureNotZero() {
		Participation none = new Participation(0, 0);
		assertThat(none.measured()).isFalse();
		assertThat(none.percent()).isNull();
		assertThat(new Participation(0, 5).percent()).isZero();
		assertThat(new Participation(5, 5).percent()).isEqualTo(100);
	}

	@Test
	void moreRespondentsThanInvitedShowsAHundred() {
		assertThat(new Participation(6, 5).percent()).isEqualTo(100);
	}

	@Test
	void refusesNegativeCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Participation(-1, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> new Participation(1, -5));
	}

}
