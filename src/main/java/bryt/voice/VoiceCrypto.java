package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import bryt.shared.security.Argon2id;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.Bytes;

/**
 * The cryptography of Voice, all from Tink (and {@link Argon2id}):
 * <ul>
 * <li>each report has a random 256-bit data key; answers, identity, messages and files
 * are encrypted with it (AES-256-GCM, bound to the report by associated data);</li>
 * <li>the data key is wrapped with HPKE (DHKEM X25519, HKDF-SHA256, AES-256-GCM) for each
 * recipient's public key, and with AES-256-GCM under a key derived from the receipt;</li>
 * <li>a recipient's private keyset is encrypted under a key derived from the password
 * with Argon2id.</li>
 * </ul>
 */
final class VoiceCrypto {

	static final HpkeParameters HPKE;

	static {
		try {
			HybridConfig.register();
			HPKE = HpkeParameters.builder()
				.setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
				.setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
				.setAeadId(HpkeParameters.AeadId.AES_256_GCM)
				.setVariant(HpkeParameters.Variant.NO_PREFIX)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Map<Bytes, HybridEncrypt> ENCRYPTERS = new ConcurrentHashMap<>();

	private VoiceCrypto() {
	}

	static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static byte[] newDataKey() {
		return randomBytes(32);
	}

	static byte[] encrypt(byte[] key, byte[] plaintext, String context) {
		try {
			return new AesGcmJce(key).encrypt(plaintext, bytes(context));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * Decrypts, or throws {@link GeneralSecurityException} for a wrong key or changed
	 * data.
	 */
	static byte[] decrypt(byte[] key, byte[] ciphertext, String context) throws GeneralSecurityException {
		return new AesGcmJce(key).decrypt(ciphertext, bytes(context));
	}

	static KeysetHandle newKeyPair() {
		try {
			return KeysetHandle.generateNew(HPKE);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] publicKeyset(KeysetHandle privateKeyset) {
		try {
			return TinkProtoKeysetFormat.serializeKeysetWithoutSecret(privateKeyset.getPublicKeysetHandle());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Wraps a data key for the holder of the private half of {@code publicKeyset}. */
	static byte[] wrapFor(byte[] publicKeyset, byte[] dataKey, String context) {
		try {
			return encrypter(publicKeyset).encrypt(dataKey, bytes(context));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Wrapping failed", ex);
		}
	}

	/**
	 * Public keys are few and change rarely, so their parsed primitives are kept; a
	 * public key is no secret. Bounded, so that the cache cannot grow without end.
	 */
	private static HybridEncrypt encrypter(byte[] publicKeyset) throws GeneralSecurityException {
		Bytes key = Bytes.copyFrom(publicKeyset);
		HybridEncrypt cached = ENCRYPTERS.get(key);
		if (cached != null) {
			return cached;
		}
		HybridEncrypt encrypt = TinkProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset)
			.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
		if (ENCRYPTERS.size() >= 10_000) {
			ENCRYPTERS.clear();
		}
		ENCRYPTERS.put(key, encrypt);
		return encrypt;
	}

	static byte[] unwrapWith(KeysetHandle privateKeyset, byte[] wrapped, String context)
			throws GeneralSecurityException {
		return privateKeyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class)
			.decrypt(wrapped, bytes(context));
	}

	/** The private keyset encrypted under a key derived from the password. */
	static byte[] wrapPrivateKeyset(KeysetHandle privateKeyset, String password, byte[] salt, String context) {
		try {
			return TinkProtoKeysetFormat.serializeEncryptedKeyset(privateKeyset, passwordAead(password, salt),
					bytes(context));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Throws {@link GeneralSecurityException} when the password is wrong. */
	static KeysetHandle unwrapPrivateKeyset(byte[] wrapped, String password, byte[] salt, String context)
			throws GeneralSecurityException {
		return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, passwordAead(password, salt), bytes(context));
	}

	/** The private keyset as bytes, to be encrypted to the recovery key. */
	static byte[] privateKeysetBytes(KeysetHandle privateKeyset) {
		try {
			return TinkProtoKeysetFormat.serializeKeyset(privateKeyset, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static KeysetHandle parsePrivateKeyset(byte[] serialized) throws GeneralSecurityException {
		return TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get());
	}

	private static Aead passwordAead(String password, byte[] salt) throws GeneralSecurityException {
		return new AesGcmJce(Argon2id.key(password, salt, 32));
	}

	private static byte[] bytes(String context) {
		return context.getBytes(StandardCharsets.UTF_8);
	}

}
