package bryt.surveys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key under which invitation tokens are stored. Never in the database, so
 * that whoever holds a dump cannot test a token (from a mail or a paper sheet) against
 * it: given as {@code bryt.surveys.invitation-key} (Base64, at least 32 bytes) or kept in
 * {@code keys/survey-invitation.key} under the data directory, created on first start
 * with mode 0600 (as {@code voice.AccessLogKey}). Losing the key makes the open cycles'
 * tokens unusable, nothing else.
 */
final class InvitationKey {

	static final String FILE = "survey-invitation.key";

	static final int LENGTH = 32;

	private final SecretKeySpec key;

	private InvitationKey(byte[] key) {
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	static InvitationKey load(String configured, Path keysDir) {
		if (configured != null && !configured.isBlank()) {
			return new InvitationKey(decode(configured.strip(), "bryt.surveys.invitation-key"));
		}
		Path file = keysDir.resolve(FILE);
		try {
			if (!Files.exists(file)) {
				create(keysDir, file);
			}
			return new InvitationKey(
					decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The survey invitation key " + file + " cannot be read or created", ex);
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
			// Mode 0600 from the start, never readable by others.
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
			throw new IllegalStateException("The survey invitation key in " + source + " is not Base64");
		}
		if (key.length < LENGTH) {
			throw new IllegalStateException("The survey invitation key in " + source + " is shorter than " + LENGTH
					+ " bytes (" + key.length + ")");
		}
		return key;
	}

	/** The stored form of a token (its canonical code). */
	byte[] hmac(InvitationCode code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(("bryt survey invitation\n" + code.value()).getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "InvitationKey[***]";
	}

}
