package bryt.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(this.clock);

	@Test
	void blocksAUsernameAfterFiveFailuresUntilTheWindowHasPassed() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("anna");
		}
		assertThat(this.throttle.isBlocked("anna")).isFalse();
		this.throttle.failed("anna");
		assertThat(this.throttle.isBlocked("anna")).isTrue();
		assertThat(this.throttle.isBlocked("ANNA ")).as("usernames are case-insensitive").isTrue();
		assertThat(this.throttle.isBlocked("bo")).as("other usernames are not affected").isFalse();

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.isBlocked("anna")).as("still within 15 minutes of the first failure").isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.isBlocked("anna")).isFalse();
	}

	@Test
	void aNewWindowStartsAfterTheOldOneExpired() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("anna");
		}
		this.clock.advance(Duration.ofMinutes(16));
		this.throttle.failed("anna");
		assertThat(this.throttle.isBlocked("anna")).as("one failure in the new window").isFalse();
	}

	@Test
	void aSuccessfulLoginForgetsEarlierFailures() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("anna");
		}
		this.throttle.succeeded("anna");
		this.throttle.failed("anna");
		assertThat(this.throttle.isBlocked("anna")).isFalse();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
