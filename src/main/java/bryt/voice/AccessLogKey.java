package bryt.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key that authenticates the access log and its exported heads. It is
 * never stored in the database: it is given as {@code bryt.access-log.key} (Base64, at
 * least 32 bytes; e.g. from the environment variable {@code BRYT_ACCESS_LOG_KEY}) or kept
 * in {@code keys/access-log.key} under the data directory, created on first start with
 * mode 0600.
 */
final class AccessLogKey {

	static final String FILE = "access-log.key";

	private static final int LENGTH = 32;

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
		if (configured != null && !configured.isBlank()) {
			return new AccessLogKey(decode(configured.strip(), "bryt.access-log.key"));
		}
		Path file = keysDir.resolve(FILE);
		try {
			if (!Files.exists(file)) {
				create(keysDir, file);
			}
			return new AccessLogKey(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The access log key " + file + " cannot be read or created", ex);
		}
	}

	private static void create(Path keysDir, Path file) throws IOException {
		byte[] key = new byte[LENGTH];
		new SecureRandom().nextBytes(key);
		String text = Base64.getEncoder().encodeToString(key) + "\n";
		boolean posix = keysDir.getFileSystem().supportedFileAttributeViews().contains("posix");
		if (!Files.isDirectory(keysDir)) {
			if (posix) {
				Files.createDirectories(keysDir,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			else {
				Files.createDirectories(keysDir);
			}
		}
		try {
			// Created with mode 0600 from the start, so that it is never readable by
			// others.
			if (posix) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, text, StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance on the same directory was first: use its key.
		}
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The access log key in " + source + " is not Base64");
		}
		if (key.length < LENGTH) {
			throw new IllegalStateException(
					"The access log key in " + source + " is shorter than " + LENGTH + " bytes (" + key.length + ")");
		}
		return key;
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
