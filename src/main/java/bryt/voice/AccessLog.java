package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Who opened or changed a report, and when (åtkomstlogg, adgangslog): append-only in the
 * database (a trigger refuses updates) and hash-chained, so that whoever changes, removes
 * or reorders an entry behind the application's back is found out. Each entry's hash
 * covers the previous entry's hash; the report keeps the newest hash, so that removing
 * entries from the end shows too.
 */
final class AccessLog {

	static final byte[] GENESIS = new byte[32];

	private AccessLog() {
	}

	/** PostgreSQL keeps microseconds; the hash must cover what is stored. */
	static Instant truncate(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	static byte[] hash(byte[] previousHash, long reportId, long accountId, String action, Instant at) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previousHash);
			sha256.update((reportId + "\n" + accountId + "\n" + action + "\n" + truncate(at))
				.getBytes(StandardCharsets.UTF_8));
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether the entries form an unbroken chain ending in {@code head}.
	 * @param entries the report's entries in the order they were written
	 * @param head the newest hash the report holds, {@code null} if nothing was logged
	 */
	static boolean intact(List<Entry> entries, byte[] head) {
		byte[] previous = GENESIS;
		for (Entry entry : entries) {
			if (!MessageDigest.isEqual(previous, entry.previousHash()) || !MessageDigest.isEqual(entry.hash(),
					hash(previous, entry.reportId(), entry.accountId(), entry.action(), entry.at()))) {
				return false;
			}
			previous = entry.hash();
		}
		return entries.isEmpty() ? head == null : MessageDigest.isEqual(previous, head);
	}

	record Entry(long id, long reportId, long accountId, String action, Instant at, byte[] previousHash, byte[] hash) {
	}

}
