package bryt.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import bryt.shared.security.SessionsEnded;
import com.google.crypto.tink.KeysetHandle;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recipients' private keys, once unlocked with the password, for the rest of their login
 * session: in this instance's memory only, never in the session store (which is in the
 * database) and never on disk. After 30 idle minutes, or on another instance, the
 * recipient types the password again.
 */
@Component
class UnlockedKeys {

	static final Duration IDLE = Duration.ofMinutes(30);

	private final Map<String, Unlocked> keys = new ConcurrentHashMap<>();

	private final Clock clock;

	UnlockedKeys(Clock clock) {
		this.clock = clock;
	}

	void put(String sessionId, long accountId, KeysetHandle privateKeyset) {
		Instant now = this.clock.instant();
		this.keys.values().removeIf((entry) -> entry.expired(now));
		this.keys.put(sessionId, new Unlocked(accountId, privateKeyset, now));
	}

	Optional<KeysetHandle> get(String sessionId, long accountId) {
		Instant now = this.clock.instant();
		Unlocked entry = this.keys.get(sessionId);
		if (entry == null || entry.accountId() != accountId || entry.expired(now)) {
			return Optional.empty();
		}
		this.keys.put(sessionId, new Unlocked(accountId, entry.privateKeyset(), now));
		return Optional.of(entry.privateKeyset());
	}

	/**
	 * A session ended early (access revoked, absolute lifetime): its key goes at once,
	 * not after the idle time. Only this instance's copy: on another instance the key can
	 * no longer be reached, the session being gone, and expires when idle.
	 */
	@EventListener
	void sessionsEnded(SessionsEnded event) {
		event.sessionIds().forEach(this.keys::remove);
	}

	void forget(long accountId) {
		this.keys.values().removeIf((entry) -> entry.accountId() == accountId);
	}

	private record Unlocked(long accountId, KeysetHandle privateKeyset, Instant lastUsed) {

		boolean expired(Instant now) {
			return now.isAfter(this.lastUsed.plus(IDLE));
		}

		@Override
		public String toString() {
			return "Unlocked[accountId=" + this.accountId + ", key=***]";
		}

	}

}
