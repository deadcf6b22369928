package bryt.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one limit on password guessing, for every place that checks a password: the login,
 * unlocking a recipient's key, changing one's own password. Each check takes one attempt
 * from two budgets before the password is looked at:
 * <ul>
 * <li>the account's, in PostgreSQL (shared by all instances): {@link #PER_ACCOUNT}, so
 * that after five failures each further one waits longer, up to 15 minutes. The right
 * password is accepted as soon as the wait is over, and then forgets the failures: an
 * attacker can slow an account down, but never lock its owner out for good;</li>
 * <li>the client address's, in this instance's memory only (the address is replaced by an
 * HMAC under a random key that is never stored, and nothing is logged), so that one
 * client cannot spray many usernames. A right password gives its attempt back, so that an
 * office behind one address is not slowed down by its own logins.</li>
 * </ul>
 * A username without an account gets the same treatment from a bucket in memory: the
 * database keeps no trace of what was typed (it may be a password typed into the wrong
 * field), and the answers do not tell whether the account exists.
 */
public class PasswordAttempts {

	/** Five at once, then one a minute, and once ten are used one every 15 minutes. */
	static final List<Bandwidth> PER_ACCOUNT = List.of(
			Bandwidth.builder().capacity(5).refillGreedy(1, Duration.ofMinutes(1)).build(),
			Bandwidth.builder().capacity(10).refillGreedy(1, Duration.ofMinutes(15)).build());

	private static final int MAX_TRACKED = 100_000;

	private final RateLimits.Limit accounts;

	private final RateLimits limits;

	private final List<Bandwidth> perAddress;

	private final Cache<String, Bucket> unknownUsernames = Caffeine.newBuilder()
		.maximumSize(MAX_TRACKED)
		.expireAfterAccess(Duration.ofDays(1))
		.build();

	private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
		.maximumSize(MAX_TRACKED)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	private final byte[] blindingKey = new byte[32];

	/**
	 * @param perAddressPerMinute failed checks one client address may make in a minute
	 * @param perAddressPerHour and in an hour
	 */
	public PasswordAttempts(RateLimits limits, int perAddressPerMinute, int perAddressPerHour) {
		this.limits = limits;
		this.accounts = limits.limit("password", PER_ACCOUNT);
		this.perAddress = List.of(
				Bandwidth.builder()
					.capacity(perAddressPerMinute)
					.refillGreedy(perAddressPerMinute, Duration.ofMinutes(1))
					.build(),
				Bandwidth.builder()
					.capacity(perAddressPerHour)
					.refillGreedy(perAddressPerHour, Duration.ofHours(1))
					.build());
		new SecureRandom().nextBytes(this.blindingKey);
	}

	/**
	 * Checks the password of an existing account under the limits.
	 * @param username the account's username
	 * @param check compares the password; {@code true} when it is right
	 * @return the check's answer
	 * @throws TooManyPasswordAttempts when the check was not made
	 */
	public boolean check(String username, BooleanSupplier check) {
		return check(username, true, check);
	}

	/**
	 * As {@link #check(String, BooleanSupplier)}, for a login whose username may have no
	 * account.
	 */
	boolean check(String username, boolean accountExists, BooleanSupplier check) {
		String name = normalise(username);
		Bucket address = addressBucket();
		if (address != null) {
			ConsumptionProbe probe = address.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				throw new TooManyPasswordAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
			}
		}
		ConsumptionProbe probe = accountExists ? this.accounts.tryAcquireProbe(name)
				: this.unknownUsernames.get(blind("username " + name), (key) -> this.limits.localBucket(PER_ACCOUNT))
					.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			if (address != null) {
				// Refused unlooked: only checked passwords count against the address.
				address.addTokens(1);
			}
			throw new TooManyPasswordAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		boolean right = check.getAsBoolean();
		if (right) {
			if (accountExists) {
				this.accounts.reset(name);
			}
			if (address != null) {
				address.addTokens(1);
			}
		}
		return right;
	}

	private Bucket addressBucket() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			// The command line: no client address.
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		String address = request.getRemoteAddr();
		if (address == null) {
			return null;
		}
		return this.addresses.get(blind("address " + address), (key) -> this.limits.localBucket(this.perAddress));
	}

	private String blind(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.blindingKey, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String normalise(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

}
