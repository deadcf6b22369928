package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Counts attempts per key in memory and refuses more than {@code limit} per window. The
 * key is never kept as given: it is replaced by an HMAC under a random key that lives
 * only in memory and is replaced with each window, so the map holds nothing that can be
 * linked to a receipt or an organisation once the window is over. No IP address is ever
 * used.
 */
final class Throttle {

	private static final int MAX_TRACKED = 100_000;

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private volatile Generation generation;

	Throttle(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
		this.generation = new Generation(clock.instant());
	}

	/** Counts one attempt; {@code false} when the limit is reached in this window. */
	boolean tryAcquire(String key) {
		Generation current = current();
		if (current.counts.size() >= MAX_TRACKED) {
			return false;
		}
		return current.counts.merge(current.blind(key), 1, Integer::sum) <= this.limit;
	}

	/** Whether the limit is reached, without counting. */
	boolean exhausted(String key) {
		Generation current = current();
		return current.counts.getOrDefault(current.blind(key), 0) >= this.limit;
	}

	private Generation current() {
		Generation current = this.generation;
		Instant now = this.clock.instant();
		if (!now.isBefore(current.started.plus(this.window))) {
			synchronized (this) {
				if (this.generation == current) {
					this.generation = new Generation(now);
				}
				current = this.generation;
			}
		}
		return current;
	}

	private static final class Generation {

		private final Instant started;

		private final byte[] key = VoiceCrypto.randomBytes(32);

		private final Map<String, Integer> counts = new ConcurrentHashMap<>();

		Generation(Instant started) {
			this.started = started;
		}

		String blind(String value) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
				return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
