import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;

/**
 * Helpers for bench/workload/run.sh, run with the java source launcher and PgJDBC on the class
 * path, against the embedded PostgreSQL of a running Bryt (port from postmaster.pid).
 *
 * token DATA_DIR ORG            creates an API token for ORG and prints it
 * copy DATA_DIR OUT_DIR         COPYs every organisation's cases.csv into one table of the
 *                               same shape as the file and prints rows, seconds and rows/s
 * keyed DATA_DIR OUT_DIR        the honest limit for this schema: COPYs the same cases, their
 *                               first deadlines and their handlers into copies of case_file,
 *                               case_deadline and case_assignment with every key, check and
 *                               index the migrations give them (run after the import, so that
 *                               the case types, units and staff they refer to exist)
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
				case "keyed" -> keyed(db, Path.of(args[2]));
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

	static final String SCHEMA = "keyed_baseline";

	static final List<String> TABLES = List.of("case_file", "case_deadline", "case_assignment");

	/**
	 * The honest limit: COPY of the same rows into the same keyed and indexed tables. The
	 * tables are copied from the live schema (columns, defaults, checks, unique keys,
	 * indexes, identity) and given the live tables' foreign keys, those to case_file
	 * pointing at the copy. Codes are turned into ids and each case's first deadline (its
	 * type's days from the opening, as the import does for these files, which carry no
	 * deadline or linked case) is computed before the clock starts; the clock runs over the
	 * three COPYs and the commit, one transaction per organisation as the import has.
	 */
	static void keyed(Connection db, Path out) throws Exception {
		var ddl = db.createStatement();
		ddl.execute("drop schema if exists " + SCHEMA + " cascade");
		ddl.execute("create schema " + SCHEMA);
		for (String table : TABLES) {
			ddl.execute("create table %s.%s (like public.%s including all)".formatted(SCHEMA, table, table));
		}
		List<String> foreignKeys = new ArrayList<>();
		try (ResultSet rs = ddl.executeQuery("""
				select conrelid::regclass::text as tab, conname, pg_get_constraintdef(oid) as def from pg_constraint
				where contype = 'f' and conrelid in ('public.case_file'::regclass, 'public.case_deadline'::regclass,
					'public.case_assignment'::regclass)
				order by conrelid = 'public.case_file'::regclass desc, conname""")) {
			while (rs.next()) {
				String def = rs.getString("def").replaceAll("REFERENCES (public\\.)?case_file\\(",
						"REFERENCES " + SCHEMA + ".case_file(");
				foreignKeys.add("alter table %s.%s add constraint %s %s".formatted(SCHEMA,
						rs.getString("tab").replace("public.", ""), rs.getString("conname"), def));
			}
		}
		for (String fk : foreignKeys) {
			ddl.execute(fk);
		}
		System.out.println("keyed baseline: " + foreignKeys.size() + " foreign keys, indexes: "
				+ String.join(", ", names(db, "select indexname from pg_indexes where schemaname = '" + SCHEMA
						+ "' order by indexname")));
		Map<String, Long> organisationIds = new HashMap<>();
		try (ResultSet rs = ddl.executeQuery("select code, id from organisation")) {
			while (rs.next()) {
				organisationIds.put(rs.getString(1), rs.getLong(2));
			}
		}
		var copy = db.unwrap(PGConnection.class).getCopyAPI();
		db.setAutoCommit(false);
		long caseId = 0;
		long cases = 0;
		long deadlines = 0;
		long assignments = 0;
		long nanos = 0;
		long[] perTable = new long[4];
		List<String> organisations = Files.readAllLines(out.resolve("organisations.csv"));
		for (String line : organisations.subList(1, organisations.size())) {
			String code = line.split(",")[0];
			long org = organisationIds.get(code);
			Map<String, long[]> types = new HashMap<>();
			try (ResultSet rs = ddl
				.executeQuery("select code, id, coalesce(deadline_days, -1) from case_type where organisation_id = " + org)) {
				while (rs.next()) {
					types.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
				}
			}
			Map<String, Long> units = ids(db, "select code, id from unit where organisation_id = " + org);
			Map<String, Long> staff = ids(db, "select employee_number, id from staff where organisation_id = " + org);
			StringBuilder caseRows = new StringBuilder();
			StringBuilder deadlineRows = new StringBuilder();
			StringBuilder assignmentRows = new StringBuilder();
			List<String> rows = Files.readAllLines(out.resolve(code).resolve("cases.csv"));
			// case_ref,case_type,unit,opened,closed,handler,co_handler,complexity
			for (String row : rows.subList(1, rows.size())) {
				String[] f = row.split(",", -1);
				long[] type = types.get(f[1]);
				long id = ++caseId;
				// The case row also holds its current handlers and deadline from its opening on
				// (V21), as the import writes a new case.
				String deadline = (type[1] > 0) ? java.time.LocalDate.parse(f[3]).plusDays(type[1]).toString() : "\\N";
				caseRows.append(id).append('\t').append(org).append('\t').append(f[0]).append('\t').append(type[0])
					.append('\t').append(units.get(f[2])).append('\t').append(f[3]).append('\t')
					.append(f[4].isEmpty() ? "\\N" : f[4]).append('\t').append(f[7].isEmpty() ? "1" : f[7])
					.append("\t\\N\t").append(f[5].isEmpty() ? "\\N" : staff.get(f[5])).append('\t')
					.append(f[6].isEmpty() ? "\\N" : staff.get(f[6])).append('\t').append(deadline).append('\t')
					.append(f[3]).append('\n');
				if (type[1] > 0) {
					deadlineRows.append(org).append('\t').append(id).append('\t')
						.append(java.time.LocalDate.parse(f[3]).plusDays(type[1])).append('\t').append(f[3])
						.append('\n');
					deadlines++;
				}
				for (int handler = 5; handler <= 6; handler++) {
					if (!f[handler].isEmpty()) {
						assignmentRows.append(org).append('\t').append(id).append('\t').append(staff.get(f[handler]))
							.append('\t').append(handler == 5).append('\t').append(f[3]).append('\n');
						assignments++;
					}
				}
				cases++;
			}
			byte[] caseBytes = caseRows.toString().getBytes(StandardCharsets.UTF_8);
			byte[] deadlineBytes = deadlineRows.toString().getBytes(StandardCharsets.UTF_8);
			byte[] assignmentBytes = assignmentRows.toString().getBytes(StandardCharsets.UTF_8);
			long started = System.nanoTime();
			long[] marks = new long[5];
			marks[0] = started;
			copy.copyIn("copy " + SCHEMA + ".case_file (id, organisation_id, case_ref, case_type_id, unit_id, opened, "
					+ "closed, complexity, linked_case_id, current_primary, current_co_handler, current_deadline, current_from) "
					+ "from stdin", new java.io.ByteArrayInputStream(caseBytes));
			marks[1] = System.nanoTime();
			copy.copyIn("copy " + SCHEMA + ".case_deadline (organisation_id, case_id, deadline, decided_on) from stdin",
					new java.io.ByteArrayInputStream(deadlineBytes));
			marks[2] = System.nanoTime();
			copy.copyIn("copy " + SCHEMA + ".case_assignment (organisation_id, case_id, staff_id, primary_handler, "
					+ "valid_from) from stdin", new java.io.ByteArrayInputStream(assignmentBytes));
			marks[3] = System.nanoTime();
			db.commit();
			marks[4] = System.nanoTime();
			nanos += marks[4] - started;
			for (int i = 0; i < 4; i++) {
				perTable[i] += marks[i + 1] - marks[i];
			}
		}
		double seconds = nanos / 1e9;
		System.out.printf("keyed COPY baseline: %d rows in %.1f s: %.0f rows/s (with %d deadlines, %d handlers)%n", cases,
				seconds, cases / seconds, deadlines, assignments);
		System.out.printf("   of it: case_file %.1f s, case_deadline %.1f s, case_assignment %.1f s, commits %.1f s%n",
				perTable[0] / 1e9, perTable[1] / 1e9, perTable[2] / 1e9, perTable[3] / 1e9);
		db.setAutoCommit(true);
		ddl.execute("drop schema " + SCHEMA + " cascade");
	}

	static Map<String, Long> ids(Connection db, String sql) throws Exception {
		Map<String, Long> ids = new HashMap<>();
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				ids.put(rs.getString(1), rs.getLong(2));
			}
		}
		return ids;
	}

	static List<String> names(Connection db, String sql) throws Exception {
		List<String> names = new ArrayList<>();
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

}
