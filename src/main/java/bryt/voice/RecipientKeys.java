package bryt.voice;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import bryt.organisation.Organisations;
import bryt.organisation.PasswordChanged;
import com.google.crypto.tink.KeysetHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recipients' key pairs: created with the login password, unlocked with it, re-wrapped
 * when the password changes, restored with the organisation's recovery key after an
 * administrator reset the password.
 */
@Service
class RecipientKeys {

	private static final Logger log = LoggerFactory.getLogger(RecipientKeys.class);

	private final KeyRepository keys;

	private final Organisations directory;

	private final Clock clock;

	RecipientKeys(KeyRepository keys, Organisations directory, Clock clock) {
		this.keys = keys;
		this.directory = directory;
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
		if (!this.directory.passwordMatches(accountId, password)) {
			return Optional.empty();
		}
		KeysetHandle keyPair = VoiceCrypto.newKeyPair();
		byte[] salt = VoiceCrypto.randomBytes(16);
		byte[] recovery = this.keys.recoveryPublicKeyset(organisationId)
			.map((recoveryKey) -> VoiceCrypto.wrapFor(recoveryKey, VoiceCrypto.privateKeysetBytes(keyPair),
					recoveryContext(accountId)))
			.orElse(null);
		this.keys.save(
				new KeyRepository.RecipientKey(organisationId, accountId, VoiceCrypto.publicKeyset(keyPair), salt,
						VoiceCrypto.wrapPrivateKeyset(keyPair, password, salt, passwordContext(accountId)), recovery),
				LocalDate.now(this.clock));
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
			KeysetHandle keyPair = VoiceCrypto.unwrapPrivateKeyset(key.passwordWrapped(), password, key.passwordSalt(),
					passwordContext(accountId));
			if (key.recoveryWrapped() == null) {
				// A key made before the organisation had a recovery key gets one now.
				this.keys.recoveryPublicKeyset(key.organisationId())
					.ifPresent((recoveryKey) -> this.keys.save(
							new KeyRepository.RecipientKey(key.organisationId(), accountId, key.publicKeyset(),
									key.passwordSalt(), key.passwordWrapped(), VoiceCrypto.wrapFor(recoveryKey,
											VoiceCrypto.privateKeysetBytes(keyPair), recoveryContext(accountId))),
							LocalDate.now(this.clock)));
			}
			return Optional.of(keyPair);
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Restores access after an administrator set a new password: the recovery key opens
	 * the copy of the private key made for it, which is then protected by the new
	 * password.
	 */
	@Transactional
	Optional<KeysetHandle> restore(long accountId, String recoveryCode, String password) {
		Optional<KeyRepository.RecipientKey> stored = this.keys.find(accountId);
		Optional<KeysetHandle> recovery = RecoveryKey.parse(recoveryCode);
		if (stored.isEmpty() || stored.get().recoveryWrapped() == null || recovery.isEmpty()
				|| !this.directory.passwordMatches(accountId, password)) {
			return Optional.empty();
		}
		try {
			KeysetHandle keyPair = VoiceCrypto.parsePrivateKeyset(
					VoiceCrypto.unwrapWith(recovery.get(), stored.get().recoveryWrapped(), recoveryContext(accountId)));
			rewrap(accountId, keyPair, password);
			return Optional.of(keyPair);
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The account holder changed the password: the private key follows in the same
	 * transaction. An administrator's reset cannot do this (the old password is unknown);
	 * the recipient then restores access with the recovery key.
	 */
	@EventListener
	void passwordChanged(PasswordChanged event) {
		Optional<KeyRepository.RecipientKey> stored = this.keys.find(event.accountId());
		if (stored.isEmpty() || !event.byAccountHolder()) {
			return;
		}
		try {
			KeyRepository.RecipientKey key = stored.get();
			KeysetHandle keyPair = VoiceCrypto.unwrapPrivateKeyset(key.passwordWrapped(), event.oldPassword(),
					key.passwordSalt(), passwordContext(event.accountId()));
			rewrap(event.accountId(), keyPair, event.newPassword());
		}
		catch (GeneralSecurityException ex) {
			log.warn("The voice key of account {} was not protected by its previous password; it stays as it was",
					event.accountId());
		}
	}

	/**
	 * Makes the organisation's recovery key; its secret half is returned to be shown
	 * once.
	 */
	@Transactional
	Optional<String> createRecoveryKey(long organisationId) {
		RecoveryKey recovery = RecoveryKey.generate();
		if (!this.keys.createRecoveryKey(organisationId, recovery.publicKeyset(), LocalDate.now(this.clock))) {
			return Optional.empty();
		}
		return Optional.of(recovery.code());
	}

	boolean hasRecoveryKey(long organisationId) {
		return this.keys.recoveryPublicKeyset(organisationId).isPresent();
	}

	private void rewrap(long accountId, KeysetHandle keyPair, String password) {
		byte[] salt = VoiceCrypto.randomBytes(16);
		this.keys.rewrap(accountId, salt,
				VoiceCrypto.wrapPrivateKeyset(keyPair, password, salt, passwordContext(accountId)));
	}

	private static String passwordContext(long accountId) {
		return "bryt voice recipient key " + accountId;
	}

	private static String recoveryContext(long accountId) {
		return "bryt voice recovery copy " + accountId;
	}

}
