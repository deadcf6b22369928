package bryt.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins for one
 * username within {@link #WINDOW}, that username is refused until the window has passed,
 * whatever password is tried.
 *
 * <p>
 * Keyed by username, never by IP address: Bryt does not keep addresses. The state is in
 * memory of each instance, which is enough to make guessing slow; a restart forgets it. A
 * hand-written map rather than a rate-limiting library because the rule is a counter with
 * an expiry, nothing more.
 */
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	/** Bounds the memory an attacker can make us use by trying many usernames. */
	private static final int MAX_TRACKED = 100_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	public LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	public boolean isBlocked(String username) {
		Failures current = this.failures.get(key(username));
		return current != null && !current.expired(this.clock.instant()) && current.count() >= MAX_FAILURES;
	}

	public void failed(String username) {
		Instant now = this.clock.instant();
		if (this.failures.size() >= MAX_TRACKED) {
			this.failures.values().removeIf((entry) -> entry.expired(now));
		}
		this.failures.merge(key(username), new Failures(now, 1),
				(old, one) -> old.expired(now) ? one : new Failures(old.first(), old.count() + 1));
	}

	public void succeeded(String username) {
		this.failures.remove(key(username));
	}

	private static String key(String username) {
		return (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
	}

	private record Failures(Instant first, int count) {

		boolean expired(Instant now) {
			return now.isAfter(this.first.plus(WINDOW));
		}

	}

}
