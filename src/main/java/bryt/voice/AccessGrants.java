package bryt.voice;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.Organisations;
import bryt.organisation.Role;
import com.google.crypto.tink.KeysetHandle;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving an account back the reports it lost when its private key was discarded: a
 * co-recipient re-grants those it can read itself, or enough holders of the recovery key
 * recover them together. Only reports the account had before come back, since only their
 * key rows are marked lost. Every report that comes back gets an entry in its access log,
 * and all its recipients an e-mail ({@link AccessNotices}).
 */
@Service
class AccessGrants {

	private final ReportRepository reports;

	private final KeyRepository keys;

	private final Reports accessLog;

	private final RecoveryApprovals approvals;

	private final Organisations directory;

	private final ApplicationEventPublisher events;

	AccessGrants(ReportRepository reports, KeyRepository keys, Reports accessLog, RecoveryApprovals approvals,
			Organisations directory, ApplicationEventPublisher events) {
		this.reports = reports;
		this.keys = keys;
		this.accessLog = accessLog;
		this.approvals = approvals;
		this.directory = directory;
		this.events = events;
	}

	/** The accounts that lost reports the recipient can give back, with how many. */
	List<ReportRepository.LostCount> regrantable(long organisationId, long grantorId) {
		return this.reports.regrantableByAccount(organisationId, grantorId);
	}

	/** The accounts of the organisation that lost reports, with how many. */
	List<ReportRepository.LostCount> lost(long organisationId) {
		return this.reports.lostByAccount(organisationId);
	}

	/**
	 * Re-wraps, for the target's new key pair, the data key of each report the target
	 * lost and the grantor can read.
	 * @return how many reports the target got back; none when it has no new key pair yet
	 */
	@Transactional
	int regrant(long organisationId, long grantorId, KeysetHandle grantorKey, long targetId) {
		Optional<byte[]> targetKey = currentKey(organisationId, targetId);
		if (grantorId == targetId || targetKey.isEmpty()) {
			return 0;
		}
		List<Long> restored = new ArrayList<>();
		for (ReportRepository.LostKey lost : this.reports.regrantable(organisationId, grantorId, targetId)) {
			try {
				byte[] dataKey = VoiceCrypto.unwrapWith(grantorKey, lost.wrappedKey(), lost.contexts().key());
				if (this.reports.restoreKey(lost.reportId(), targetId,
						VoiceCrypto.wrapFor(targetKey.get(), dataKey, lost.contexts().key()))) {
					this.accessLog.logAccess(organisationId, lost.reportId(), grantorId, "REGRANTED");
					this.accessLog.logAccess(organisationId, lost.reportId(), targetId, "ACCESS_REGRANTED");
					restored.add(lost.reportId());
				}
			}
			catch (GeneralSecurityException ex) {
				// Not the grantor's key (another session's, say): this report stays lost.
			}
		}
		finish(organisationId, targetId, targetKey.get(), List.of(grantorId), false, restored);
		return restored.size();
	}

	/**
	 * A holder of the recovery key approves the recovery of the target's lost reports:
	 * the holder's share is opened with the holder's private key and kept in memory until
	 * enough holders approved; then the shares make the recovery key, which opens the
	 * copies of the target's discarded private keys, which open the lost report keys.
	 */
	@Transactional
	Approval approveRecovery(long organisationId, long holderId, KeysetHandle holderKey, long targetId) {
		Optional<KeyRepository.Recovery> recovery = this.keys.recovery(organisationId);
		if (recovery.isEmpty()) {
			return Approval.of(Approval.Outcome.NO_RECOVERY_KEY);
		}
		Optional<KeyRepository.Share> share = this.keys.share(organisationId, holderId);
		if (share.isEmpty() || holderId == targetId || cannotHold(organisationId, holderId)) {
			return Approval.of(Approval.Outcome.NOT_HOLDER);
		}
		Optional<byte[]> targetKey = currentKey(organisationId, targetId);
		if (targetKey.isEmpty()) {
			return Approval.of(Approval.Outcome.NO_NEW_KEY);
		}
		if (this.reports.lostKeys(organisationId, targetId).isEmpty()) {
			return Approval.of(Approval.Outcome.NOTHING_LOST);
		}
		int generation = recovery.get().generation();
		byte[] part;
		try {
			part = VoiceCrypto.unwrapWith(holderKey, share.get().wrappedShare(),
					CryptoContexts.recoveryShare(organisationId, generation, share.get().part(), holderId));
		}
		catch (GeneralSecurityException ex) {
			return Approval.of(Approval.Outcome.NOT_HOLDER);
		}
		Map<Long, RecoveryApprovals.Part> approved = this.approvals.approve(organisationId, generation, targetId,
				holderId, share.get().part(), part);
		int threshold = recovery.get().threshold();
		if (approved.size() < threshold) {
			return new Approval(Approval.Outcome.PENDING, approved.size(), threshold, 0);
		}
		Map<Integer, byte[]> parts = new HashMap<>();
		approved.values().forEach((approval) -> parts.put(approval.number(), approval.share()));
		try {
			int restored = recover(organisationId, targetId, parts, List.copyOf(approved.keySet()));
			return new Approval((restored > 0) ? Approval.Outcome.RECOVERED : Approval.Outcome.FAILED, approved.size(),
					threshold, restored);
		}
		finally {
			this.approvals.forget(organisationId, generation, targetId);
		}
	}

	/** The holders who approved the target's recovery so far. */
	List<Long> approvers(long organisationId, long targetId) {
		return this.keys.recovery(organisationId)
			.map((recovery) -> this.approvals.approvers(organisationId, recovery.generation(), targetId))
			.orElse(List.of());
	}

	/**
	 * Recovers the target's lost reports with shares of the recovery key.
	 * @param parts shares by their number
	 * @param approvers the holders who gave them, for the access log and the e-mails
	 * @return how many reports came back; none when the shares are too few or of a
	 * recovery key that was replaced
	 */
	@Transactional
	int recover(long organisationId, long targetId, Map<Integer, byte[]> parts, List<Long> approvers) {
		Optional<KeyRepository.Recovery> recovery = this.keys.recovery(organisationId);
		Optional<byte[]> targetKey = currentKey(organisationId, targetId);
		if (recovery.isEmpty() || targetKey.isEmpty() || parts.isEmpty()) {
			return 0;
		}
		KeysetHandle recoveryKey = RecoveryKey.join(parts);
		List<KeysetHandle> discarded = new ArrayList<>();
		for (byte[] copy : this.keys.copies(targetId)) {
			try {
				discarded.add(VoiceCrypto.parsePrivateKeyset(VoiceCrypto.unwrapWith(recoveryKey, copy,
						CryptoContexts.recoveryCopy(organisationId, recovery.get().generation(), targetId))));
			}
			catch (GeneralSecurityException ex) {
				// Too few shares, or shares of a replaced recovery key: the copy stays
				// shut.
			}
		}
		List<Long> restored = new ArrayList<>();
		for (ReportRepository.LostKey lost : this.reports.lostKeys(organisationId, targetId)) {
			for (KeysetHandle oldKey : discarded) {
				try {
					byte[] dataKey = VoiceCrypto.unwrapWith(oldKey, lost.wrappedKey(), lost.contexts().key());
					if (this.reports.restoreKey(lost.reportId(), targetId,
							VoiceCrypto.wrapFor(targetKey.get(), dataKey, lost.contexts().key()))) {
						for (long approver : approvers) {
							this.accessLog.logAccess(organisationId, lost.reportId(), approver, "RECOVERY_APPROVED");
						}
						this.accessLog.logAccess(organisationId, lost.reportId(), targetId, "RECOVERED");
						restored.add(lost.reportId());
					}
					break;
				}
				catch (GeneralSecurityException ex) {
					// Another of the account's discarded keys opens this one.
				}
			}
		}
		finish(organisationId, targetId, targetKey.get(), approvers, true, restored);
		return restored.size();
	}

	private void finish(long organisationId, long targetId, byte[] targetKey, List<Long> by, boolean recovery,
			List<Long> restored) {
		if (restored.isEmpty()) {
			return;
		}
		this.keys.deleteDiscardedCopies(targetId, targetKey);
		this.events.publishEvent(new AccessRestored(organisationId, targetId, by, recovery, List.copyOf(restored)));
	}

	private Optional<byte[]> currentKey(long organisationId, long accountId) {
		return this.keys.find(accountId)
			.filter((key) -> key.organisationId() == organisationId)
			.map(KeyRepository.RecipientKey::publicKeyset);
	}

	/**
	 * Administrators, and accounts disabled or of another organisation, hold no share.
	 */
	private boolean cannotHold(long organisationId, long accountId) {
		return this.directory.accounts(organisationId)
			.stream()
			.noneMatch((account) -> account.id() == accountId && !account.roles().contains(Role.ADMINISTRATOR));
	}

	/**
	 * What a holder's approval did; shown once after the redirect, so kept in the
	 * session.
	 */
	record Approval(Outcome outcome, int approvals, int threshold, int restored) implements java.io.Serializable {

		static Approval of(Outcome outcome) {
			return new Approval(outcome, 0, 0, 0);
		}

		enum Outcome {

			/** Approved; more holders must approve. */
			PENDING,
			/** Enough holders approved and the reports came back. */
			RECOVERED,
			/** Enough holders approved, but nothing could be opened. */
			FAILED,
			/** The account holds no usable share, is an administrator or the target. */
			NOT_HOLDER,
			/** The target has not made its new key pair yet. */
			NO_NEW_KEY,
			/** The target lost nothing. */
			NOTHING_LOST,
			/** The organisation has no recovery key. */
			NO_RECOVERY_KEY

		}

	}

}
