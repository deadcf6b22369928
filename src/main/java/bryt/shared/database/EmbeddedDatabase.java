package bryt.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that Bryt starts for itself when no external database is
 * configured. Its files stay in the data directory across restarts.
 *
 * <p>
 * Nobody gets in without a password: the cluster is made with {@code scram-sha-256}
 * authentication and a random superuser password, {@code pg_hba.conf} is rewritten at
 * every start to allow nothing else, and the server listens on 127.0.0.1 only: it opens
 * no Unix socket, since Bryt connects over TCP and a socket's path (under the data
 * directory, at most 107 bytes) would limit where the data directory may lie. The
 * passwords of the superuser and of Bryt's two roles ({@link DatabaseRoles}) are in
 * owner-only files beside the server's files ({@value #SECRETS}). A data directory made
 * by an older Bryt (trust authentication, everything owned by the superuser) is brought
 * to this state on its first start.
 *
 * <p>
 * After the JVM was killed ({@code kill -9}, power loss of the process) the postmaster
 * keeps running without an owner and would block the next start; {@link #start(Path)}
 * stops such an orphan first. It tells an orphan from a server that another live Bryt
 * process still uses by the lock that the owning JVM holds on {@value #LOCK_FILE}; the
 * operating system drops that lock when the JVM dies.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/** The lock file that zonky's {@link EmbeddedPostgres} holds while it runs. */
	static final String LOCK_FILE = "epg-lock";

	/** Beside the server's data directory: the roles' password files. */
	static final String SECRETS = "postgres-secrets";

	private static final String HBA = """
			# Written by Bryt at every start: a password for everyone, on 127.0.0.1 only
			# (the server opens no Unix socket). Edits here are overwritten.
			host all all 127.0.0.1/32 scram-sha-256
			""";

	private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

	/**
	 * The server this process started, or {@code null} when it uses another Bryt's
	 * server.
	 */
	private final EmbeddedPostgres postgres;

	private final int port;

	private final DatabaseSecrets secrets;

	private EmbeddedDatabase(EmbeddedPostgres postgres, int port, DatabaseSecrets secrets) {
		this.postgres = postgres;
		this.port = port;
		this.secrets = secrets;
	}

	/**
	 * Starts PostgreSQL on a free loopback port with its files in {@code dataDir},
	 * creating them on first use. If another Bryt (a running server, when this is the
	 * command line) already runs PostgreSQL on this directory, uses that one instead.
	 * @param dataDir the server's data directory
	 * @return the running server
	 */
	public static EmbeddedDatabase start(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			DatabaseSecrets secrets = DatabaseSecrets.in(dataDir.resolveSibling(SECRETS));
			Path superuserPassword = secrets.file(DatabaseRoles.SUPERUSER);
			Optional<Integer> shared = stopOrphanedServer(dataDir);
			if (shared.isPresent()) {
				log.info("Using the embedded PostgreSQL of the Bryt that is running on {}", dataDir);
				return new EmbeddedDatabase(null, shared.get(), secrets);
			}
			Path programs = PostgresBinaries.workingDirectory();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setOverrideWorkingDirectory(programs.toFile())
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setLocaleConfig("locale", "C.UTF-8")
				// zonky runs initdb with "-A trust" and passes these as "--key=value"
				// after it; the later option wins, so the new cluster never trusts
				// anyone.
				.setLocaleConfig("auth", "scram-sha-256")
				.setLocaleConfig("pwfile", superuserPassword.toAbsolutePath().toString())
				// zonky checks that the server is up by logging in as the superuser.
				.setConnectConfig("password", secrets.password(DatabaseRoles.SUPERUSER))
				.setDataDirectoryCustomizer((directory) -> lockDown(directory.toPath(), superuserPassword))
				// The library's defaults trade durability for test speed; Bryt keeps
				// what it acknowledged.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("unix_socket_directories", "")
				.setServerConfig("password_encryption", "scram-sha-256")
				.setServerConfig("max_connections", "100")
				// The server's log ends up in Bryt's log: keep statements and the
				// values in error details (which could be personal data) out of it.
				.setServerConfig("log_min_error_statement", "panic")
				.setServerConfig("log_error_verbosity", "terse")
				.start();
			// zonky adds write permission for everyone to the programs' directory when it
			// unpacks them (harmless without search permission, but not what Bryt asks).
			DatabaseSecrets.privateDirectory(programs);
			EmbeddedDatabase database = new EmbeddedDatabase(postgres, postgres.getPort(), secrets);
			try (Connection superuser = DriverManager.getConnection(database.jdbcUrl(), DatabaseRoles.SUPERUSER,
					secrets.password(DatabaseRoles.SUPERUSER))) {
				DatabaseRoles.setUp(superuser, database.ownerPassword(), database.password());
			}
			catch (SQLException ex) {
				postgres.close();
				throw new IllegalStateException("Could not set up the roles of the embedded PostgreSQL", ex);
			}
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath(),
					ex);
		}
	}

	/**
	 * Runs before every start of the server: a cluster made by an older Bryt trusted
	 * every local connection and its superuser had no password; it gets the password (in
	 * single-user mode, so no connection is accepted meanwhile) before the new
	 * {@code pg_hba.conf} takes effect.
	 */
	private static void lockDown(Path dataDir, Path superuserPassword) {
		try {
			Path hba = dataDir.resolve("pg_hba.conf");
			boolean trusting = Files.readAllLines(hba)
				.stream()
				.map(String::strip)
				.anyMatch((line) -> !line.startsWith("#") && line.matches(".*\\btrust\\b.*"));
			if (trusting) {
				log.warn("Upgrading the embedded PostgreSQL in {}: passwords for all roles, no trust", dataDir);
				PostgresBinaries.setSuperuserPassword(dataDir, DatabaseRoles.SUPERUSER,
						Files.readString(superuserPassword).strip());
			}
			Files.writeString(hba, HBA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
	}

	/** The role Bryt's connection pool uses: rows only. */
	public String user() {
		return DatabaseRoles.APPLICATION;
	}

	public String password() {
		return read(DatabaseRoles.APPLICATION);
	}

	/** The role that owns the schema and runs the migrations. */
	public String ownerUser() {
		return DatabaseRoles.OWNER;
	}

	public String ownerPassword() {
		return read(DatabaseRoles.OWNER);
	}

	private String read(String role) {
		try {
			return this.secrets.password(role);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the password of the database role " + role, ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	/**
	 * Stops a postmaster whose Bryt died. Returns its port instead when a live Bryt still
	 * owns it.
	 */
	static Optional<Integer> stopOrphanedServer(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			if (lock == null) {
				if (postmaster(pidFile).isEmpty()) {
					throw new IllegalStateException("The data directory " + dataDir.toAbsolutePath()
							+ " is locked by another Bryt whose PostgreSQL is not running (yet); try again shortly.");
				}
				return Optional.of(Integer.parseInt(Files.readAllLines(pidFile).get(3).strip()));
			}
			Optional<ProcessHandle> orphan = postmaster(pidFile);
			if (orphan.isEmpty()) {
				// A stale pid file without a live server: PostgreSQL itself handles it.
				return Optional.empty();
			}
			ProcessHandle process = orphan.get();
			log.warn("Stopping the embedded PostgreSQL (pid {}) left running by a Bryt that did not shut down",
					process.pid());
			process.destroy();
			try {
				process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				process.destroyForcibly();
				process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping an orphaned PostgreSQL", ex);
		}
		catch (java.util.concurrent.ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not stop the orphaned PostgreSQL in " + dataDir.toAbsolutePath(),
					ex);
		}
	}

	private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((command) -> command.endsWith("postgres")).orElse(false));
	}

}
