package bryt.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The passwords of the embedded server's three roles, each in its own file that only
 * Bryt's operating-system user can read (0600), in a directory only it can enter (0700).
 * Made once, at the first start, from 256 random bits.
 */
final class DatabaseSecrets {

	static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private DatabaseSecrets(Path directory) {
		this.directory = directory;
	}

	static DatabaseSecrets in(Path directory) throws IOException {
		privateDirectory(directory);
		return new DatabaseSecrets(directory);
	}

	/** Creates {@code directory} if needed and makes it the owner's alone. */
	static Path privateDirectory(Path directory) throws IOException {
		try {
			Files.createDirectories(directory.getParent());
			Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
		}
		catch (FileAlreadyExistsException ex) {
			// made by an earlier start; its mode is set below all the same
		}
		Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
		return directory;
	}

	/** The file holding the password of {@code role}, created on first use. */
	Path file(String role) throws IOException {
		Path file = this.directory.resolve(role + ".password");
		if (Files.exists(file)) {
			Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
			return file;
		}
		// Written in full under another name, then linked into place: a crash leaves no
		// empty password file, and of two processes starting at once only one wins.
		Path draft = Files.createTempFile(this.directory, role, ".new",
				PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
		try {
			byte[] secret = new byte[32];
			RANDOM.nextBytes(secret);
			// Base64url: no quote, backslash or space, so it needs no escaping anywhere.
			Files.writeString(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
			Files.createLink(file, draft);
		}
		catch (FileAlreadyExistsException ex) {
			// the other process's password stands
		}
		finally {
			Files.deleteIfExists(draft);
		}
		return file;
	}

	String password(String role) throws IOException {
		return Files.readString(file(role), StandardCharsets.UTF_8).strip();
	}

}
