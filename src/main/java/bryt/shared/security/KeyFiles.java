package bryt.shared.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret key that must never be in the database (the access log's, the survey
 * invitations'): given in a setting as Base64, or else kept in a file of its own under
 * the data directory's {@code keys} folder, created on first use with mode 0600 in a
 * folder of mode 0700. Whoever holds a dump of the database then cannot use what the key
 * protects.
 */
public final class KeyFiles {

	/** The least length of a key, in bytes. */
	public static final int LENGTH = 32;

	private KeyFiles() {
	}

	/**
	 * The configured key, else the one in {@code keysDir/fileName}, created there if
	 * there is none yet.
	 * @param what the key's name in messages, such as "access log key"
	 * @param property the setting that gives the key, named in messages
	 * @throws IllegalStateException for a key that is not Base64 or shorter than
	 * {@value #LENGTH} bytes, or a file that cannot be read or written
	 */
	public static byte[] load(String what, String property, String configured, Path keysDir, String fileName) {
		if (configured != null && !configured.isBlank()) {
			return decode(what, configured.strip(), property);
		}
		Path file = keysDir.resolve(fileName);
		try {
			if (!Files.exists(file)) {
				create(keysDir, file);
			}
			return decode(what, Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The " + what + " " + file + " cannot be read or created", ex);
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

	private static byte[] decode(String what, String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The " + what + " in " + source + " is not Base64");
		}
		if (key.length < LENGTH) {
			throw new IllegalStateException(
					"The " + what + " in " + source + " is shorter than " + LENGTH + " bytes (" + key.length + ")");
		}
		return key;
	}

}
