package bryt.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL programs that zonky unpacked, for the one task its API does not offer:
 * setting a password while no server runs. zonky unpacks them (before it calls the data
 * directory customizer) into {@code PG-<MD5 of the archive>} under its working directory;
 * this class finds that directory the same way.
 */
final class PostgresBinaries {

	private static final long SINGLE_USER_TIMEOUT_SECONDS = 120;

	private PostgresBinaries() {
	}

	/**
	 * Sets {@code role}'s password with {@code postgres --single}: no connection is
	 * accepted while it runs, so the password-less superuser is never reachable.
	 */
	static void setSuperuserPassword(Path dataDir, String role, String password) throws IOException {
		Path postgres = directory().resolve("bin/postgres");
		if (!Files.isExecutable(postgres)) {
			throw new IOException("The PostgreSQL programs are not where zonky unpacks them: " + postgres);
		}
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// As zonky runs its commands: PostgreSQL refuses to run as root, and this
			// runs it as an unprivileged user in a user namespace.
			command.addAll(List.of("unshare", "-U"));
		}
		// No statement in the server's output: this one holds the password.
		command.addAll(List.of(postgres.toString(), "--single", "-D", dataDir.toString(), "-F", "-c",
				"password_encryption=scram-sha-256", "-c", "log_min_error_statement=panic", "postgres"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try (OutputStream input = process.getOutputStream()) {
			// The password is base64url (DatabaseSecrets): no quote to escape.
			input
				.write(("alter role \"" + role + "\" password '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
		}
		try {
			if (!process.waitFor(SINGLE_USER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("PostgreSQL in single-user mode did not finish in " + dataDir);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while setting the superuser's password", ex);
		}
		if (process.exitValue() != 0) {
			throw new IOException(
					"PostgreSQL in single-user mode failed (exit " + process.exitValue() + ") in " + dataDir);
		}
	}

	static Path directory() throws IOException {
		Path working = workingDirectory();
		try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture());
				DigestInputStream digest = new DigestInputStream(archive, MessageDigest.getInstance("MD5"))) {
			digest.transferTo(OutputStream.nullOutputStream());
			return working.resolve("PG-" + HexFormat.of().formatHex(digest.getMessageDigest().digest()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where zonky unpacks the PostgreSQL programs. Its default, {@code embedded-pg} in
	 * the shared temporary directory, is writable by every local user: one who plants a
	 * {@code PG-<md5>} directory there before Bryt's first start would have Bryt run
	 * their programs. So Bryt uses a directory of its own user's ({@code ~/.cache/bryt},
	 * mode 0700), or {@code ot.epg.working-dir} when the operator sets it.
	 */
	static Path workingDirectory() throws IOException {
		String configured = System.getProperty("ot.epg.working-dir");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path cache = Path.of(System.getProperty("user.home"), ".cache", "bryt");
		Files.createDirectories(cache);
		Path working = DatabaseSecrets.privateDirectory(cache.resolve("embedded-pg"));
		if (!Files.getOwner(working).getName().equals(System.getProperty("user.name"))) {
			throw new IOException("The directory for the PostgreSQL programs, " + working
					+ ", belongs to another user; remove it or set ot.epg.working-dir to a directory of your own");
		}
		return working;
	}

	private static String system() {
		String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		if (name.startsWith("windows")) {
			return "Windows";
		}
		return name.startsWith("mac") ? "Darwin" : "Linux";
	}

	private static String architecture() {
		String arch = System.getProperty("os.arch");
		return "amd64".equals(arch) ? "x86_64" : arch;
	}

}
