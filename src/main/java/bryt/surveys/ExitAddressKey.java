package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import bryt.shared.security.KeyFiles;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * The key under which leavers' private addresses are encrypted (Tink's AES-256-GCM).
 * Never in the database: given as {@code bryt.surveys.exit-address-key} (Base64, at least
 * 32 bytes) or kept in {@code keys/survey-exit-address.key} under the data directory,
 * created on first start with mode 0600 (as {@link InvitationKey}). Losing it loses the
 * stored addresses' second stage, nothing else.
 */
final class ExitAddressKey {

	static final String FILE = "survey-exit-address.key";

	private static final byte[] CONTEXT = "bryt survey exit address".getBytes(StandardCharsets.US_ASCII);

	private final AesGcmJce aead;

	private ExitAddressKey(byte[] key) {
		try {
			this.aead = new AesGcmJce(java.util.Arrays.copyOf(key, KeyFiles.LENGTH));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ExitAddressKey load(String configured, Path keysDir) {
		return new ExitAddressKey(
				KeyFiles.load("survey exit address key", "bryt.surveys.exit-address-key", configured, keysDir, FILE));
	}

	byte[] encrypt(String address) {
		try {
			return this.aead.encrypt(address.getBytes(StandardCharsets.UTF_8), CONTEXT);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String decrypt(byte[] encrypted) {
		try {
			return new String(this.aead.decrypt(encrypted, CONTEXT), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A private address cannot be decrypted with this key", ex);
		}
	}

	@Override
	public String toString() {
		return "ExitAddressKey[***]";
	}

}
