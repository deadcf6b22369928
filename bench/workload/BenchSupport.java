import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Helpers for bench/workload/run.sh, run with the java source launcher and PgJDBC on the class
 * path, against the embedded PostgreSQL of a running Bryt (port from postmaster.pid).
 *
 * token DATA_DIR ORG            creates an API token for ORG and prints it
 * copy DATA_DIR OUT_DIR         COPYs every organisation's cases.csv into one table of the
 *                               same shape as the file and prints rows, seconds and rows/s
 */
public class BenchSupport {

	public static void main(String[] args) throws Exception {
		List<String> pid = Files.readAllLines(Path.of(args[1], "postgres", "postmaster.pid"));
		// The superuser has a password since the roles were split; Bryt keeps it in the data directory.
		Path secret = Path.of(args[1], "postgres-secrets", "postgres.password");
		String password = Files.exists(secret) ? Files.readString(secret).strip() : "";
		try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
				"postgres", password)) {
			switch (args[0]) {
				case "token" -> token(db, args[2]);
				case "copy" -> copy(db, Path.of(args[2]));
				default -> throw new IllegalArgumentException(args[0]);
			}
		}
	}

	static void token(Connection db, String org) throws Exception {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String token = "bryt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		try (var insert = db.prepareStatement("""
				insert into api_token (organisation_id, name, token_hash)
				select id, 'benchmark', ? from organisation where code = ?""")) {
			insert.setBytes(1, hash);
			insert.setString(2, org);
			if (insert.executeUpdate() != 1) {
				throw new IllegalStateException("no organisation " + org);
			}
		}
		System.out.println(token);
	}

	/** The baseline: PostgreSQL's own COPY of the same rows into a table of the same shape. */
	static void copy(Connection db, Path out) throws Exception {
		db.createStatement().execute("drop table if exists copy_baseline");
		db.createStatement().execute("""
				create table copy_baseline (case_ref text, case_type text, unit text, opened date, closed date,
					handler text, co_handler text, complexity smallint)""");
		var copy = db.unwrap(PGConnection.class).getCopyAPI();
		long rows = 0;
		long started = System.nanoTime();
		List<String> organisations = Files.readAllLines(out.resolve("organisations.csv"));
		for (String line : organisations.subList(1, organisations.size())) {
			Path file = out.resolve(line.split(",")[0]).resolve("cases.csv");
			try (var in = Files.newInputStream(file)) {
				rows += copy.copyIn("copy copy_baseline from stdin with (format csv, header true)", in);
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("COPY baseline: %d rows in %.1f s: %.0f rows/s%n", rows, seconds, rows / seconds);
		db.createStatement().execute("drop table copy_baseline");
	}

}
