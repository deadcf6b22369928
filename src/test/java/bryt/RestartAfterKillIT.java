package bryt;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application, killed with {@code kill -9}, comes back on the next start
 * with its data: the PostgreSQL it left running is stopped and started again cleanly.
 */
class RestartAfterKillIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

	private final Path dataDir = Path.of("target/it-restart", UUID.randomUUID().toString()).toAbsolutePath();

	@Test
	void comesBackWithItsDataAfterKillMinusNine() throws Exception {
		Process first = start("first");
		long orphan;
		try {
			orphan = postmasterPid();
			try (Connection db = connect()) {
				db.createStatement()
					.executeUpdate("insert into organisation (code, name, country) values ('marker', 'Marker', 'DK')");
			}
		}
		finally {
			first.destroyForcibly();
			first.waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
			.as("the killed JVM left its PostgreSQL running")
			.contains(true);

		Process second = start("second");
		try {
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
				.as("the orphaned PostgreSQL was stopped")
				.isFalse();
			try (Connection db = connect(); Statement statement = db.createStatement()) {
				assertThat(count(statement, "select count(*) from organisation where code = 'marker'")).isOne();
				assertThat(count(statement, "select count(*) from organisation where code = 'exempelby'"))
					.as("the demo municipality is not created twice")
					.isOne();
				// The tests' own contexts turn synchronous_commit off
				// (FastTestDatabase); Bryt does not.
				try (ResultSet rows = statement.executeQuery(
						"select current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
					rows.next();
					assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(3)))
						.as("the packaged jar's PostgreSQL keeps what it acknowledged")
						.containsExactly("on", "on", "on");
				}
			}
		}
		finally {
			second.destroy();
			assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
		}
		long postmaster = postmasterPidIfAny();
		assertThat(postmaster == 0 || !ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
			.as("a clean shutdown stops PostgreSQL too")
			.isTrue();
	}

	private Process start(String name) throws IOException, InterruptedException {
		int port = freePort();
		Files.createDirectories(this.dataDir);
		Process process = new ProcessBuilder(PackagedJar.command(RestartAfterKillIT.class, "--server.port=" + port,
				"--bryt.db.data-dir=" + this.dataDir))
			.redirectErrorStream(true)
			.redirectOutput(this.dataDir.resolve(name + ".log").toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("Bryt exited; see %s", this.dataDir.resolve(name + ".log")).isTrue();
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return process;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		process.destroyForcibly();
		throw new AssertionError("Bryt did not start within " + START_TIMEOUT);
	}

	private Connection connect() throws IOException, SQLException {
		List<String> pid = Files.readAllLines(this.dataDir.resolve("postgres/postmaster.pid"));
		// As Bryt connects: its application role, with the password from the data
		// directory.
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres", "bryt_app",
				Files.readString(this.dataDir.resolve("postgres-secrets/bryt_app.password")));
	}

	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(this.dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
	}

	private long postmasterPidIfAny() throws IOException {
		return Files.exists(this.dataDir.resolve("postgres/postmaster.pid")) ? postmasterPid() : 0;
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
