package bryt.shared.security;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A limit on what anonymous people do keeps no time finer than the minute in its row (the
 * outsider's finding 1: Bucket4j's state held the last report to the nanosecond).
 */
@BrytTest
class AnonymousRateLimitsTests {

	/** 12:02:25.637282 UTC: the attack's example, seconds and fractions not zero. */
	private static final Instant AT = Instant.parse("2026-11-30T12:02:25.637282Z");

	private static final Instant MINUTE = Instant.parse("2026-11-30T12:02:00Z");

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theRowOfAnAnonymousLimitDatesItsLastUseToTheMinuteOnly() {
		String key = UUID.randomUUID().toString();
		RateLimits.Limit limit = new RateLimits(this.dataSource, Clock.fixed(AT, ZoneOffset.UTC))
			.perMinuteAnonymous("anonymous test", 3);
		assertThat(limit.tryAcquire(key)).isTrue();
		long expires = this.jdbc.sql("select expires_at from rate_limit_bucket where id = :id")
			.param("id", "anonymous test " + key)
			.query(Long.class)
			.single();
		assertThat(expires % 60_000).isZero();
		String state = HexFormat.of()
			.formatHex(this.jdbc.sql("select state from rate_limit_bucket where id = :id")
				.param("id", "anonymous test " + key)
				.query(byte[].class)
				.single());
		assertThat(state).doesNotContain(hex(nanos(AT))).contains(hex(nanos(MINUTE)));
		// A fixed window: the budget is back at the next minute, not a minute after.
		assertThat(limit.tryAcquire(key)).isTrue();
		assertThat(limit.tryAcquire(key)).isTrue();
		assertThat(limit.tryAcquire(key)).isFalse();
		RateLimits.Limit nextMinute = new RateLimits(this.dataSource,
				Clock.fixed(MINUTE.plusSeconds(60), ZoneOffset.UTC))
			.perMinuteAnonymous("anonymous test", 3);
		assertThat(nextMinute.tryAcquire(key)).isTrue();
	}

	/** The same limit as an ordinary one kept the instant: the test above can fail. */
	@Test
	void anOrdinaryLimitKeepsTheInstant() {
		String key = UUID.randomUUID().toString();
		new RateLimits(this.dataSource, Clock.fixed(AT, ZoneOffset.UTC)).perMinute("ordinary test", 3).tryAcquire(key);
		String state = HexFormat.of()
			.formatHex(this.jdbc.sql("select state from rate_limit_bucket where id = :id")
				.param("id", "ordinary test " + key)
				.query(byte[].class)
				.single());
		assertThat(state).contains(hex(nanos(AT)));
	}

	private static long nanos(Instant at) {
		return at.getEpochSecond() * 1_000_000_000L + at.getNano();
	}

	private static String hex(long value) {
		return HexFormat.of().formatHex(ByteBuffer.allocate(8).putLong(value).array());
	}

}
