import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.postgresql.PGConnection;

/**
 * The committee report benchmark's side of the database (bench/overview/run.sh), against the
 * embedded PostgreSQL of a running Bryt (port from postmaster.pid):
 *
 * <pre>
 *   copy DATA_DIR ORG QUARTER RUNS   the baseline: COPY of the newest snapshot's figures, units
 *                                    and definitions to nowhere, RUNS times, best and median in ms
 *   count DATA_DIR ORG QUARTER       the snapshot's size: figures, units, definitions
 *   account DATA_DIR ORG QUARTER USERNAME PASSWORD
 *                                    an HR account in ORG with that password (Argon2id, as Bryt
 *                                    hashes it; needs BouncyCastle on the class path), for the
 *                                    logged-in page and download benchmarks; prints the id of
 *                                    the quarter's newest snapshot
 * </pre>
 */
public class ReportBench {

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args[1]);
		String port = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
		Path secret = data.resolve("postgres-secrets").resolve("postgres.password");
		String password = Files.exists(secret) ? Files.readString(secret).strip() : "";
		try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
				"postgres", password)) {
			long snapshot = snapshot(db, args[2], args[3]);
			switch (args[0]) {
				case "copy" -> copy(db, snapshot, Integer.parseInt(args[4]));
				case "count" -> count(db, snapshot);
				case "account" -> account(db, args[2], args[4], args[5], snapshot);
				default -> throw new IllegalArgumentException(args[0]);
			}
		}
	}

	static long snapshot(Connection db, String org, String quarter) throws Exception {
		try (var query = db.prepareStatement("""
				select s.id from overview_snapshot s join organisation o on o.id = s.organisation_id
				where o.code = ? and s.quarter = ? order by s.version desc limit 1""")) {
			query.setString(1, org);
			query.setString(2, quarter);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no snapshot of " + quarter + " for " + org);
				}
				return rs.getLong(1);
			}
		}
	}

	static void copy(Connection db, long snapshot, int runs) throws Exception {
		var copy = db.unwrap(PGConnection.class).getCopyAPI();
		long[] times = new long[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			for (String table : new String[] { "overview_snapshot_figure", "overview_snapshot_unit",
					"overview_snapshot_definition" }) {
				copy.copyOut("copy (select * from " + table + " where snapshot_id = " + snapshot + ") to stdout",
						OutputStream.nullOutputStream());
			}
			times[i] = (System.nanoTime() - started) / 1_000;
		}
		java.util.Arrays.sort(times);
		System.out.printf("COPY of snapshot %d: best %.1f ms, median %.1f ms over %d runs%n", snapshot,
				times[0] / 1000.0, times[runs / 2] / 1000.0, runs);
	}

	static void count(Connection db, long snapshot) throws Exception {
		try (var query = db.prepareStatement("""
				select (select count(*) from overview_snapshot_figure where snapshot_id = ?),
					(select count(*) from overview_snapshot_unit where snapshot_id = ?),
					(select count(*) from overview_snapshot_definition where snapshot_id = ?)""")) {
			for (int i = 1; i <= 3; i++) {
				query.setLong(i, snapshot);
			}
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				System.out.printf("snapshot %d: %d figures, %d units, %d definitions%n", snapshot, rs.getLong(1),
						rs.getLong(2), rs.getLong(3));
			}
		}
	}

	/**
	 * An HR account for the benchmark, its password set by its holder (so that the login
	 * goes straight to the home page). The hash is Spring Security's Argon2id format with
	 * Bryt's parameters ({@code PasswordConfiguration}), made with BouncyCastle.
	 */
	static void account(Connection db, String organisation, String username, String password, long snapshot)
			throws Exception {
		byte[] salt = new byte[16];
		new java.security.SecureRandom().nextBytes(salt);
		byte[] hash = new byte[32];
		var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
		generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
				org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
			.withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
			.withMemoryAsKB(19456)
			.withIterations(2)
			.withParallelism(1)
			.withSalt(salt)
			.build());
		generator.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), hash);
		var base64 = java.util.Base64.getEncoder().withoutPadding();
		String encoded = "{argon2}$argon2id$v=19$m=19456,t=2,p=1$" + base64.encodeToString(salt) + "$"
				+ base64.encodeToString(hash);
		try (var insert = db.prepareStatement("""
				insert into account (organisation_id, username, display_name, password_hash, roles,
					password_set_by_holder_at)
				select id, ?, 'Benchmark HR', ?, array['HR'], now() from organisation where code = ?
				on conflict (username) do update set password_hash = excluded.password_hash""")) {
			insert.setString(1, username);
			insert.setString(2, encoded);
			insert.setString(3, organisation);
			if (insert.executeUpdate() != 1) {
				throw new IllegalStateException("no organisation " + organisation);
			}
		}
		System.out.println(snapshot);
	}

}
