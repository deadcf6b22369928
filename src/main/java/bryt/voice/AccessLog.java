package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Who opened or changed a report, and when (åtkomstlogg, adgangslog): append-only in the
 * database (triggers refuse updates, deletions and truncation) and chained with an
 * HMAC-SHA256 under a key that is not in the database ({@link AccessLogKey}), so that
 * whoever can write to the database but does not hold the key cannot change, remove,
 * reorder or add an entry unnoticed. Each entry's code covers the previous entry's code.
 * The chains' heads are exported to a file ({@link AccessLogExport}), so that cutting a
 * chain back to an older state shows too.
 * <p>
 * Entries written before the key existed are SHA-256 chained without a key ("legacy"); at
 * the upgrade each such chain was sealed once with a keyed entry covering its head.
 */
final class AccessLog {

	static final byte[] GENESIS = new byte[32];

	/** Written by Bryt itself, not by an account. */
	static final long SYSTEM = 0;

	/** Seals a chain of legacy (unkeyed) entries with the key, once, at the upgrade. */
	static final String SEALED_UPGRADE = "SEALED_UPGRADE";

	/** Seals a chain with a new key after the old one was lost. */
	static final String SEALED_NEW_KEY = "SEALED_NEW_KEY";

	private AccessLog() {
	}

	/** PostgreSQL keeps microseconds; the code must cover what is stored. */
	static Instant truncate(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The unkeyed SHA-256 of entries written before the upgrade; only for checking them.
	 */
	static byte[] legacyHash(byte[] previousHash, long reportId, long accountId, String action, Instant at) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previousHash);
			sha256.update(fields(reportId, accountId, action, at));
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] mac(AccessLogKey key, byte[] previousHash, long reportId, long accountId, String action, Instant at) {
		return key.mac("bryt access log entry\n".getBytes(StandardCharsets.UTF_8), previousHash,
				fields(reportId, accountId, action, at));
	}

	private static byte[] fields(long reportId, long accountId, String action, Instant at) {
		return (reportId + "\n" + accountId + "\n" + action + "\n" + truncate(at)).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Whether the entries form an unbroken, authenticated chain ending in {@code head}
	 * and reaching at least as far as the last exported head.
	 * @param entries the report's entries in the order they were written
	 * @param head the newest code the report holds, {@code null} if nothing was logged
	 * @param exported the report's head in the last export; {@code null} if it was not in
	 * it
	 * @param exportUntrusted whether the export file exists but fails its own check
	 */
	static Verdict verify(AccessLogKey key, List<Entry> entries, byte[] head, AccessLogExport.Head exported,
			boolean exportUntrusted) {
		if (exportUntrusted) {
			return Verdict.BROKEN;
		}
		int lastSeal = -1;
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).action().startsWith("SEALED_")) {
				lastSeal = i;
			}
		}
		boolean newKey = lastSeal >= 0 && SEALED_NEW_KEY.equals(entries.get(lastSeal).action());
		byte[] previous = GENESIS;
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			if (!MessageDigest.isEqual(previous, entry.previousHash())) {
				return Verdict.BROKEN;
			}
			boolean ok;
			if (i < lastSeal && !entry.keyed()) {
				ok = MessageDigest.isEqual(entry.hash(),
						legacyHash(previous, entry.reportId(), entry.accountId(), entry.action(), entry.at()));
			}
			else if (!entry.keyed()) {
				ok = false;
			}
			else {
				ok = MessageDigest.isEqual(entry.hash(),
						mac(key, previous, entry.reportId(), entry.accountId(), entry.action(), entry.at()))
						// Under a lost key only the links can be checked (documented).
						|| (i < lastSeal && newKey);
			}
			if (!ok) {
				return Verdict.BROKEN;
			}
			previous = entry.hash();
		}
		if (entries.isEmpty() ? head != null : !MessageDigest.isEqual(previous, head)) {
			return Verdict.BROKEN;
		}
		if (exported != null && (entries.size() < exported.count()
				|| !MessageDigest.isEqual(entries.get(exported.count() - 1).hash(), exported.hash()))) {
			return Verdict.BROKEN;
		}
		return (lastSeal >= 0) ? new Verdict(true, entries.get(lastSeal).at()) : Verdict.INTACT;
	}

	/**
	 * @param intact whether the chain is whole and authenticated
	 * @param keyedSince when the chain was sealed with the key; entries before were
	 * checked only without a key (or, after a lost key, only as links). {@code null} when
	 * every entry is keyed.
	 */
	record Verdict(boolean intact, Instant keyedSince) {

		static final Verdict INTACT = new Verdict(true, null);

		static final Verdict BROKEN = new Verdict(false, null);

	}

	record Entry(long id, long reportId, long accountId, String action, Instant at, byte[] previousHash, byte[] hash,
			boolean keyed) {
	}

}
