package bryt.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Shares of the recovery key that holders opened to approve the recovery of an account,
 * kept until enough holders approved: in this instance's memory only, never in the
 * database, and forgotten after {@link #PENDING} or once the recovery is done. So the
 * holders of one recovery approve within that time on the same instance; a restart
 * forgets the approvals given so far.
 */
@Component
class RecoveryApprovals {

	static final Duration PENDING = Duration.ofMinutes(30);

	private final Map<Target, Pending> pending = new ConcurrentHashMap<>();

	private final Clock clock;

	RecoveryApprovals(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Adds a holder's share to the approvals of the target's recovery.
	 * @return every share approved so far, by part number, with who approved
	 */
	synchronized Map<Long, Part> approve(long organisationId, int generation, long targetId, long holderId, int part,
			byte[] share) {
		Instant now = this.clock.instant();
		this.pending.values().removeIf((entry) -> entry.expired(now));
		Target target = new Target(organisationId, generation, targetId);
		Pending entry = this.pending.computeIfAbsent(target, (key) -> new Pending(new LinkedHashMap<>(), now));
		entry.parts().put(holderId, new Part(part, share));
		return Map.copyOf(entry.parts());
	}

	/** The holders who approved the target's recovery so far. */
	synchronized List<Long> approvers(long organisationId, int generation, long targetId) {
		Pending entry = this.pending.get(new Target(organisationId, generation, targetId));
		if (entry == null || entry.expired(this.clock.instant())) {
			return List.of();
		}
		return List.copyOf(entry.parts().keySet());
	}

	synchronized void forget(long organisationId, int generation, long targetId) {
		Pending entry = this.pending.remove(new Target(organisationId, generation, targetId));
		if (entry != null) {
			entry.parts().values().forEach((part) -> Arrays.fill(part.share(), (byte) 0));
		}
	}

	private record Target(long organisationId, int generation, long accountId) {
	}

	private record Pending(Map<Long, Part> parts, Instant started) {

		boolean expired(Instant now) {
			return now.isAfter(this.started.plus(PENDING));
		}

	}

	record Part(int number, byte[] share) {

		@Override
		public String toString() {
			return "Part[" + this.number + ", share=***]";
		}

	}

}
