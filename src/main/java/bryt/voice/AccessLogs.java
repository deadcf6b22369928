package bryt.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and checks the access log with the key. At start, before any request is served:
 * refuses a key other than the one the log was written with (unless told that the old key
 * was lost), and seals each chain that still ends in an unkeyed entry.
 */
class AccessLogs implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AccessLogs.class);

	private final AccessLogKey key;

	private final AccessLogExport export;

	private final ReportRepository reports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final boolean replaceLostKey;

	AccessLogs(AccessLogKey key, AccessLogExport export, ReportRepository reports, TransactionTemplate transaction,
			Clock clock, boolean replaceLostKey) {
		this.key = key;
		this.export = export;
		this.reports = reports;
		this.transaction = transaction;
		this.clock = clock;
		this.replaceLostKey = replaceLostKey;
	}

	@Override
	public void afterSingletonsInstantiated() {
		start();
	}

	/**
	 * Checks the key against the database and seals what needs sealing.
	 * @throws IllegalStateException when the key is not the one the log was written with
	 * and {@code bryt.access-log.replace-lost-key} is not set
	 */
	void start() {
		this.transaction.executeWithoutResult((status) -> {
			this.reports.lockAccessLogKeys();
			Optional<byte[]> known = this.reports.accessLogKeyFingerprint();
			byte[] fingerprint = this.key.fingerprint();
			boolean newKey = known.isPresent() && !java.security.MessageDigest.isEqual(known.get(), fingerprint);
			if (newKey && !this.replaceLostKey) {
				throw new IllegalStateException("""
						The access log key is not the one the voice access log was written with. Restore \
						keys/%s under the data directory (or bryt.access-log.key) from a backup; only if that key is \
						lost for good, start once with bryt.access-log.replace-lost-key=true: every log is then sealed \
						with the new key, and its earlier entries can no longer be checked."""
					.formatted(AccessLogKey.FILE));
			}
			if (known.isEmpty() || newKey) {
				this.reports.addAccessLogKeyFingerprint(fingerprint, this.clock.instant());
			}
			List<Long> toSeal = newKey ? this.reports.reportsWithAccessLog() : this.reports.reportsWithUnkeyedHead();
			for (long reportId : toSeal) {
				append(this.reports.organisationOf(reportId), reportId, AccessLog.SYSTEM,
						newKey ? AccessLog.SEALED_NEW_KEY : AccessLog.SEALED_UPGRADE);
			}
			if (!toSeal.isEmpty()) {
				log.warn("Sealed the access log of {} voice reports with {}", toSeal.size(),
						newKey ? "a new key; their earlier entries can no longer be checked" : "the key");
			}
		});
	}

	/**
	 * Appends an entry; the report's row is locked, so that entries are appended one at a
	 * time. Call inside a transaction.
	 */
	void append(long organisationId, long reportId, long accountId, String action) {
		byte[] previous = this.reports.lockAccessLogHead(reportId).orElse(AccessLog.GENESIS);
		Instant at = AccessLog.truncate(this.clock.instant());
		this.reports.appendAccessLog(organisationId, reportId, accountId, action, at, previous,
				AccessLog.mac(this.key, previous, reportId, accountId, action, at));
	}

	/** Whether the report's log is whole, authenticated and as long as last exported. */
	AccessLog.Verdict verify(long reportId, List<AccessLog.Entry> entries, byte[] head) {
		AccessLogExport.Exported exported = this.export.read();
		return AccessLog.verify(this.key, entries, head, exported.heads().get(reportId), exported.untrusted());
	}

	/** The seal the retention job leaves for a deleted report. */
	byte[] deletionSeal(long reportId) {
		return this.key.deletionSeal(reportId);
	}

}
