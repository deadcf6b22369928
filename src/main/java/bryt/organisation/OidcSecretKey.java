package bryt.organisation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import bryt.shared.security.KeyFiles;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * The key that encrypts the identity providers' client secrets in the database (Tink's
 * AES-256-GCM, the provider's registration id as associated data, so that a secret copied
 * to another provider's row does not open). Never in the database: given as
 * {@code bryt.sso.secret-key} or kept in {@code keys/oidc-client-secret.key} under the
 * data directory (mode 0600), as the other keys are.
 */
final class OidcSecretKey {

	static final String FILE = "oidc-client-secret.key";

	private final AesGcmJce aead;

	private OidcSecretKey(byte[] key) {
		try {
			this.aead = new AesGcmJce(Arrays.copyOf(key, KeyFiles.LENGTH));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static OidcSecretKey load(String configured, Path keysDir) {
		return new OidcSecretKey(
				KeyFiles.load("identity providers' secret key", "bryt.sso.secret-key", configured, keysDir, FILE));
	}

	byte[] encrypt(String secret, String registrationId) {
		try {
			return this.aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), context(registrationId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String decrypt(byte[] encrypted, String registrationId) {
		try {
			return new String(this.aead.decrypt(encrypted, context(registrationId)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A client secret cannot be decrypted with this key", ex);
		}
	}

	private static byte[] context(String registrationId) {
		return ("bryt oidc client secret " + registrationId).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "OidcSecretKey[***]";
	}

}
