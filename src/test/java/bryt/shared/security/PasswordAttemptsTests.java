package bryt.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import bryt.BrytTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The limiter of password checks on the real database, with a clock the test moves:
 * growing waits, the right password after the wait, one budget for two instances, the
 * per-address budget in memory only.
 */
@BrytTest
class PasswordAttemptsTests {

	private static final String PASSWORD = "violet tundra kettle";

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void afterFiveFailuresEachFurtherAttemptWaitsLonger() {
		PasswordAttempts attempts = new PasswordAttempts(new RateLimits(this.dataSource, this.clock), 1000, 10000);
		String username = "waits";
		for (int i = 0; i < 5; i++) {
			assertThat(attempts.check(username, () -> false)).isFalse();
		}
		assertThat(refusedFor(attempts, username).toMillis()).isCloseTo(1 * 60_000L, within(1000L));
		// One a minute for five more: then the second limit (10, one back every 15
		// minutes) has 5 + 5/15 - 5 = 1/3 left, and the next needs 2/3 of 15 minutes.
		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(attempts.check(username, () -> false)).isFalse();
		}
		assertThat(refusedFor(attempts, username).toMillis()).isCloseTo(10 * 60_000L, within(1000L));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(attempts.check(username, () -> false)).isFalse();
		assertThat(refusedFor(attempts, username).toMillis()).isCloseTo(15 * 60_000L, within(1000L));
	}

	@Test
	void theRightPasswordLogsInOnceTheWaitIsOverAndForgetsTheFailures() {
		createAccount("after-wait");
		AuthenticationManager login = login(
				new PasswordAttempts(new RateLimits(this.dataSource, this.clock), 1000, 10000));
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> login.authenticate(token("after-wait", "wrong")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> login.authenticate(token("after-wait", PASSWORD))).isInstanceOf(LockedException.class);
		this.clock.advance(Duration.ofSeconds(59));
		assertThatThrownBy(() -> login.authenticate(token("After-Wait ", PASSWORD)))
			.as("the same account however typed")
			.isInstanceOf(LockedException.class);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(login.authenticate(token("after-wait", PASSWORD)).isAuthenticated()).isTrue();
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> login.authenticate(token("after-wait", "wrong")))
				.as("failures before the login are forgotten")
				.isInstanceOf(BadCredentialsException.class);
		}
	}

	@Test
	void aUsernameWithoutAccountIsAnsweredTheSameAndNotStored() {
		AuthenticationManager login = login(
				new PasswordAttempts(new RateLimits(this.dataSource, this.clock), 1000, 10000));
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> login.authenticate(token("no-such-account", "wrong")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> login.authenticate(token("no-such-account", "wrong")))
			.isInstanceOf(LockedException.class);
		assertThat(this.jdbc.sql("select count(*) from rate_limit_bucket where id like '%no-such-account%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void twoInstancesOnTheSameDatabaseShareOneBudget() {
		PasswordAttempts first = new PasswordAttempts(new RateLimits(this.dataSource, this.clock), 1000, 10000);
		PasswordAttempts second = new PasswordAttempts(new RateLimits(this.dataSource, this.clock), 1000, 10000);
		for (int i = 0; i < 3; i++) {
			assertThat(first.check("shared", () -> false)).isFalse();
		}
		for (int i = 0; i < 2; i++) {
			assertThat(second.check("shared", () -> false)).isFalse();
		}
		AtomicInteger checked = new AtomicInteger();
		assertThatThrownBy(() -> first.check("shared", () -> checked.incrementAndGet() > 0))
			.isInstanceOf(TooManyPasswordAttempts.class);
		assertThatThrownBy(() -> second.check("shared", () -> checked.incrementAndGet() > 0))
			.isInstanceOf(TooManyPasswordAttempts.class);
		assertThat(checked).as("the password is not even looked at").hasValue(0);
	}

	@Test
	void oneAddressMayNotSprayManyUsernamesAndIsNeverStored() {
		PasswordAttempts attempts = new PasswordAttempts(new RateLimits(this.dataSource, this.clock), 3, 100);
		from("198.51.100.23");
		assertThat(attempts.check("spray-1", () -> false)).isFalse();
		assertThat(attempts.check("spray-2", () -> true)).as("a right password gives its attempt back").isTrue();
		assertThat(attempts.check("spray-3", () -> false)).isFalse();
		assertThat(attempts.check("spray-4", () -> false)).isFalse();
		assertThatThrownBy(() -> attempts.check("spray-5", () -> false)).isInstanceOf(TooManyPasswordAttempts.class);
		from("198.51.100.24");
		assertThat(attempts.check("spray-5", () -> false)).as("another address has its own budget").isFalse();
		this.clock.advance(Duration.ofSeconds(20));
		from("198.51.100.23");
		assertThat(attempts.check("spray-6", () -> false)).as("3 a minute: one back after 20 s").isFalse();

		assertThat(this.jdbc.sql("""
				select count(*) from rate_limit_bucket
				where id like '%198.51.100%' or position(convert_to('198.51.100', 'UTF8') in state) > 0
				""").query(Long.class).single()).isZero();
	}

	/**
	 * The clean-up job deletes the rows Bucket4j marked as expired (full again). When
	 * that is, Bucket4j computes; here a row is marked by hand.
	 */
	@Test
	void theCleanUpDeletesExpiredBucketsOnly() {
		RateLimits limits = new RateLimits(this.dataSource, Clock.systemUTC());
		PasswordAttempts attempts = new PasswordAttempts(limits, 1000, 10000);
		attempts.check("cleanup-expired", () -> false);
		attempts.check("cleanup-filling", () -> false);
		assertThat(
				this.jdbc.sql("select expires_at > :now from rate_limit_bucket where id = 'password cleanup-filling'")
					.param("now", System.currentTimeMillis())
					.query(Boolean.class)
					.single())
			.isTrue();
		this.jdbc.sql("update rate_limit_bucket set expires_at = 1 where id = 'password cleanup-expired'").update();
		limits.removeFull();
		assertThat(this.jdbc.sql("select id from rate_limit_bucket where id like 'password cleanup-%'")
			.query(String.class)
			.list()).containsExactly("password cleanup-filling");
	}

	private Duration refusedFor(PasswordAttempts attempts, String username) {
		try {
			attempts.check(username, () -> {
				throw new AssertionError("checked although refused");
			});
			throw new AssertionError("not refused");
		}
		catch (TooManyPasswordAttempts ex) {
			return ex.waitTime();
		}
	}

	private AuthenticationManager login(PasswordAttempts attempts) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(this.users);
		provider.setPasswordEncoder(this.passwordEncoder);
		return new LimitedAuthenticationManager(new ProviderManager(provider), this.users, attempts);
	}

	private void createAccount(String username) {
		this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, enabled)
				values ((select min(id) from organisation), :username, 'Test', :hash, '{STAFF}', true)
				""").param("username", username).param("hash", this.passwordEncoder.encode(PASSWORD)).update();
	}

	private static UsernamePasswordAuthenticationToken token(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

	private static void from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
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
