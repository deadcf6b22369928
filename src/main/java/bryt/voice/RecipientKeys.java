package bryt.voice;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.organisation.Organisations;
import bryt.organisation.PasswordChanged;
import bryt.organisation.Role;
import com.google.crypto.tink.KeysetHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recipients' key pairs: created with the login password, unlocked with it, re-wrapped
 * when the account holder changes the password, and discarded when an administrator sets
 * a new one. Also the organisation's recovery key, split among named holders who are not
 * administrators, whom a recipient may entrust with a copy of its private key.
 */
@Service
class RecipientKeys {

	/** Fewer than two would let one person recover alone. */
	static final int MIN_THRESHOLD = 2;

	private static final Logger log = LoggerFactory.getLogger(RecipientKeys.class);

	private final KeyRepository keys;

	private final Organisations directory;

	private final Reports reports;

	private final UnlockedKeys unlocked;

	private final Clock clock;

	RecipientKeys(KeyRepository keys, Organisations directory, Reports reports, UnlockedKeys unlocked, Clock clock) {
		this.keys = keys;
		this.directory = directory;
		this.reports = reports;
		this.unlocked = unlocked;
		this.clock = clock;
	}

	boolean hasKey(long accountId) {
		return this.keys.find(accountId).isPresent();
	}

	/**
	 * Creates the account's key pair, protected by its login password; empty when the
	 * password is not the account's.
	 */
	@Transactional
	Optional<KeysetHandle> create(long organisationId, long accountId, String password) {
		// The passphrase instead of the password once the account has one (issue 16).
		if (!this.directory.keySecretMatches(accountId, password)) {
			return Optional.empty();
		}
		KeysetHandle keyPair = VoiceCrypto.newKeyPair();
		byte[] salt = VoiceCrypto.randomBytes(16);
		this.keys.save(
				new KeyRepository.RecipientKey(organisationId, accountId, VoiceCrypto.publicKeyset(keyPair), salt,
						VoiceCrypto.wrapPrivateKeyset(keyPair, password, salt, CryptoContexts.recipientKey(accountId))),
				today());
		return Optional.of(keyPair);
	}

	/** The private keyset, when the password opens it. */
	@Transactional
	Optional<KeysetHandle> unlock(long accountId, String password) {
		Optional<KeyRepository.RecipientKey> stored = this.keys.find(accountId);
		if (stored.isEmpty() || password == null) {
			return Optional.empty();
		}
		KeyRepository.RecipientKey key = stored.get();
		try {
			return Optional.of(VoiceCrypto.unwrapPrivateKeyset(key.passwordWrapped(), password, key.passwordSalt(),
					CryptoContexts.recipientKey(accountId)));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The account holder changed the password: the private key follows in the same
	 * transaction. An administrator set it: the private key is discarded, so that whoever
	 * knows the new password cannot read a single report with it. The account makes a new
	 * key pair at its next unlock; its reports come back only when a co-recipient
	 * re-grants them or the recovery key's holders recover them ({@link AccessGrants}).
	 */
	@EventListener
	@Transactional
	void passwordChanged(PasswordChanged event) {
		if (!event.byAccountHolder()) {
			discard(event.organisationId(), event.accountId());
			return;
		}
		Optional<KeyRepository.RecipientKey> stored = this.keys.find(event.accountId());
		if (stored.isEmpty()) {
			return;
		}
		try {
			KeyRepository.RecipientKey key = stored.get();
			KeysetHandle keyPair = VoiceCrypto.unwrapPrivateKeyset(key.passwordWrapped(), event.oldPassword(),
					key.passwordSalt(), CryptoContexts.recipientKey(event.accountId()));
			byte[] salt = VoiceCrypto.randomBytes(16);
			this.keys.rewrap(event.accountId(), salt, VoiceCrypto.wrapPrivateKeyset(keyPair, event.newPassword(), salt,
					CryptoContexts.recipientKey(event.accountId())));
		}
		catch (GeneralSecurityException ex) {
			log.warn("The voice key of account {} was not protected by its previous password; it stays as it was",
					event.accountId());
		}
	}

	@Transactional
	void discard(long organisationId, long accountId) {
		this.unlocked.forget(accountId);
		for (long reportId : this.keys.discard(accountId, today())) {
			this.reports.logAccess(organisationId, reportId, accountId, "KEY_DISCARDED");
		}
	}

	/**
	 * Makes a new recovery key and splits it among the holders, any {@code threshold} of
	 * whom can recover an account together; the previous recovery key, its shares and the
	 * copies made for it stop working. Each share is encrypted to its holder's public key
	 * at once, so that nobody, the administrator who asked least of all, sees one.
	 * @return what is wrong with the request, or empty when the key was made
	 */
	@Transactional
	Optional<SplitProblem> splitRecoveryKey(long organisationId, List<Long> holderIds, int threshold) {
		Set<Long> holders = new LinkedHashSet<>(holderIds);
		if (holders.size() < MIN_THRESHOLD) {
			return Optional.of(SplitProblem.TOO_FEW_HOLDERS);
		}
		if (threshold < MIN_THRESHOLD || threshold > holders.size()) {
			return Optional.of(SplitProblem.THRESHOLD);
		}
		Map<Long, byte[]> publicKeys = eligibleHolders(organisationId).stream()
			.collect(Collectors.toMap(KeyRepository.PublicKey::accountId, KeyRepository.PublicKey::keyset));
		if (!publicKeys.keySet().containsAll(holders)) {
			return Optional.of(SplitProblem.NOT_ELIGIBLE);
		}
		RecoveryKey.Split split = RecoveryKey.split(holders.size(), threshold);
		int generation = this.keys.replaceRecovery(organisationId, split.publicKeyset(), threshold, today());
		int part = 1;
		for (long holder : holders) {
			byte[] share = split.parts().get(part);
			this.keys.addShare(organisationId, holder, part, publicKeys.get(holder),
					VoiceCrypto.wrapFor(publicKeys.get(holder), share,
							CryptoContexts.recoveryShare(organisationId, generation, part, holder)));
			java.util.Arrays.fill(share, (byte) 0);
			part++;
		}
		return Optional.empty();
	}

	/**
	 * Who may hold a share: the organisation's enabled accounts that are not
	 * administrators and have a key pair to encrypt the share to.
	 */
	List<KeyRepository.PublicKey> eligibleHolders(long organisationId) {
		List<Long> candidates = this.directory.accounts(organisationId)
			.stream()
			.filter((account) -> !account.roles().contains(Role.ADMINISTRATOR))
			.map(Organisations.AccountSummary::id)
			.toList();
		return this.keys.publicKeys(organisationId, candidates);
	}

	Optional<KeyRepository.Recovery> recovery(long organisationId) {
		return this.keys.recovery(organisationId);
	}

	List<KeyRepository.Share> shares(long organisationId) {
		return this.keys.shares(organisationId);
	}

	/**
	 * The recipient entrusts the current recovery key's holders with its reports: a copy
	 * of its private key is encrypted to the recovery key. Only the recipient does this,
	 * having seen who the holders are, never an automatic step: otherwise an
	 * administrator could split a recovery key among accounts of their own making and
	 * collect every recipient's key at its next unlock.
	 * @return whether a copy now exists
	 */
	@Transactional
	boolean entrust(long organisationId, long accountId, KeysetHandle keyPair) {
		Optional<KeyRepository.Recovery> recovery = this.keys.recovery(organisationId);
		byte[] publicKeyset = VoiceCrypto.publicKeyset(keyPair);
		if (recovery.isEmpty() || this.keys.find(accountId)
			.filter((key) -> Arrays.equals(key.publicKeyset(), publicKeyset))
			.isEmpty()) {
			return false;
		}
		this.keys.addCopy(organisationId, accountId, publicKeyset,
				VoiceCrypto.wrapFor(recovery.get().publicKeyset(), VoiceCrypto.privateKeysetBytes(keyPair),
						CryptoContexts.recoveryCopy(organisationId, recovery.get().generation(), accountId)));
		return true;
	}

	/** Whether the account's current key has a copy for the current recovery key. */
	boolean entrusted(long accountId) {
		return this.keys.find(accountId).map((key) -> this.keys.hasCopy(accountId, key.publicKeyset())).orElse(false);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** Why a recovery key could not be split as asked. */
	enum SplitProblem {

		TOO_FEW_HOLDERS, THRESHOLD, NOT_ELIGIBLE

	}

}
