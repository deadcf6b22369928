package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import bryt.shared.security.KeyFiles;

/**
 * The HMAC-SHA256 key that authenticates the access log and its exported heads. It is
 * never stored in the database: it is given as {@code bryt.access-log.key} (Base64, at
 * least 32 bytes; e.g. from the environment variable {@code BRYT_ACCESS_LOG_KEY}) or kept
 * in {@code keys/access-log.key} under the data directory, created on first start with
 * mode 0600.
 */
final class AccessLogKey {

	static final String FILE = "access-log.key";

	private static final int LENGTH = KeyFiles.LENGTH;

	private final SecretKeySpec key;

	private AccessLogKey(byte[] key) {
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/**
	 * The configured key, else the one in {@code keysDir}, created there if there is none
	 * yet.
	 * @throws IllegalStateException for a configured key that is too short or not Base64,
	 * or a key file that cannot be read or written
	 */
	static AccessLogKey load(String configured, Path keysDir) {
		return new AccessLogKey(KeyFiles.load("access log key", "bryt.access-log.key", configured, keysDir, FILE));
	}

	byte[] mac(byte[]... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			for (byte[] part : parts) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean verify(byte[] code, byte[]... parts) {
		return code != null && MessageDigest.isEqual(code, mac(parts));
	}

	/** Tells keys apart without revealing them: stored in the database. */
	byte[] fingerprint() {
		return mac("bryt access log key fingerprint".getBytes(StandardCharsets.UTF_8));
	}

	/** The seal of a report the retention job deleted. */
	byte[] deletionSeal(long reportId) {
		return mac(("bryt access log deleted report\n" + reportId).getBytes(StandardCharsets.UTF_8));
	}

	static Optional<AccessLogKey> ofBytes(byte[] key) {
		return (key.length < LENGTH) ? Optional.empty() : Optional.of(new AccessLogKey(key.clone()));
	}

	@Override
	public String toString() {
		return "AccessLogKey[***]";
	}

}
