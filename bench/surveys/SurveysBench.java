import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.postgresql.PGConnection;

/**
 * Issue 13's benchmarks of the surveys, run by bench/surveys/run.sh with the java source
 * launcher and PgJDBC on the class path, against a running Bryt (demo data on) and its
 * embedded PostgreSQL (port from postmaster.pid, the superuser's password from the data
 * directory, as bench/workload/BenchSupport.java).
 *
 * <pre>
 * data DATA_DIR UNITS INVITATIONS PARTICIPATION ANSWER_CODES
 *     writes into the demo organisation (exempelby): UNITS units in a tree (ten children
 *     each), a closed annual cycle on Bryt's annual instrument over them with INVITATIONS
 *     invitations, PARTICIPATION of them answered, each answer's scale, recommend and
 *     yes/no items answered with probability 0.95, as AnswerRepository.release leaves
 *     them (survey_response under random ids, survey_answer rows), summarised as the close
 *     summarises them (V36's survey_result_summarise, timed); and an open annual
 *     cycle with ANSWER_CODES invitations whose codes are made as the launch makes them
 *     (InvitationCode: 26 characters of Crockford's Base32, stored as the HMAC-SHA256
 *     under the data directory's keys/survey-invitation.key). Prints the closed cycle's
 *     id; writes the codes and the form's fields under DATA_DIR/../.
 * baseline DATA_DIR CYCLE RUNS
 *     the database's own floor in the same run: count(*) over the cycle's answers, and a
 *     COPY of the cycle's answers (with their unit) to nowhere
 * results BASE_URL CYCLE RUNS
 *     logs in as hr and times GET /surveys/results/CYCLE, RUNS times after one warm-up
 * answer BASE_URL WORK_DIR CLIENTS SECONDS
 *     CLIENTS concurrent respondents posting complete answers to /s/answer with valid
 *     codes, and as the baseline in the same run GET /s (the code form) at the same
 *     concurrency; requests/s, p50 and p99
 * </pre>
 */
public class SurveysBench {

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "data" -> {
				try (Connection db = connect(Path.of(args[1]))) {
					data(db, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
							Double.parseDouble(args[4]), Integer.parseInt(args[5]));
				}
			}
			case "baseline" -> {
				try (Connection db = connect(Path.of(args[1]))) {
					baseline(db, Long.parseLong(args[2]), Integer.parseInt(args[3]));
				}
			}
			case "results" -> results(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
			case "answer" -> answer(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static Connection connect(Path data) throws Exception {
		List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
		Path secret = data.resolve("postgres-secrets").resolve("postgres.password");
		String password = Files.exists(secret) ? Files.readString(secret).strip() : "";
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres",
				password);
	}

	static long single(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static void data(Connection db, Path data, int units, int invitations, double participation, int answerCodes)
			throws Exception {
		long started = System.nanoTime();
		long org = single(db, "select id from organisation where code = 'exempelby'");
		long instrument = single(db,
				"select id from survey_instrument where organisation_id is null and key = 'bryt-annual-1'");
		db.setAutoCommit(false);
		var sql = db.createStatement();
		// The tree: unit n's parent is unit (n - 1) / 10, the first a department under
		// nothing; codes B00000…, so that they collide with nothing of the demo's.
		sql.execute("create temporary table bench_unit (n int primary key, id bigint) on commit drop");
		for (int n = 0; n < units; n++) {
			int depth = (n == 0) ? 0 : (int) Math.floor(Math.log10(9.0 * n + 1));
			String level = (depth == 0) ? "DEPARTMENT" : (depth == 1) ? "UNIT" : "TEAM";
			String parent = (n == 0) ? "null" : "(select id from bench_unit where n = " + ((n - 1) / 10) + ")";
			sql.addBatch("""
					with u as (insert into unit (organisation_id, code, name, level, parent_id)
						values (%d, 'B%05d', 'Benchmark unit %d', '%s', %s) returning id)
					insert into bench_unit select %d, id from u""".formatted(org, n, n, level, parent, n));
		}
		sql.executeBatch();
		long closed = single(db, """
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status, invited)
				values (%d, 'annual', %d, date '2026-03-02', date '2026-03-22', 'closed', %d) returning id"""
			.formatted(org, instrument, invitations));
		// Invitations over the units at random (~20 each), bands at random; a used flag
		// for PARTICIPATION of them; the group sizes from them, as the launch counts.
		sql.execute("""
				create temporary table bench_invitation on commit drop as
				select b.id as unit_id, (array['0-2', '3-9', '10+'])[1 + floor(random() * 3)::int] as tenure_band,
					(array['-34', '35-49', '50-'])[1 + floor(random() * 3)::int] as age_band, random() < %f as used
				from (select floor(random() * %d)::int as n from generate_series(1, %d)) g join bench_unit b on b.n = g.n"""
			.formatted(participation, units, invitations));
		sql.execute("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				select %d, u.id, u.parent_id, u.name, (select count(*) from bench_invitation i where i.unit_id = u.id)
				from unit u join bench_unit b on b.id = u.id""".formatted(closed));
		sql.execute("""
				insert into survey_invitation (token_hmac, cycle_id, unit_id, tenure_band, age_band, used)
				select sha256(gen_random_uuid()::text::bytea), %d, unit_id, tenure_band, age_band, used
				from bench_invitation order by random()""".formatted(closed));
		// As AnswerRepository.release writes them: responses under random ids in a random
		// order, their answers with them (the annual instrument has scale, recommend and
		// yes/no items; comments live apart and count in no figure).
		sql.execute("""
				create temporary table bench_response on commit drop as
				select gen_random_uuid() as id, unit_id, tenure_band, age_band from bench_invitation where used
				order by random()""");
		sql.execute("""
				insert into survey_response (id, cycle_id, unit_id, tenure_band, age_band)
				select id, %d, unit_id, tenure_band, age_band from bench_response""".formatted(closed));
		sql.execute("""
				insert into survey_answer (response_id, item_key, value)
				select r.id, i.key, floor(random() * (case i.kind when 'scale' then s.points when 'recommend' then 11
					else 3 end))::int
				from bench_response r cross join survey_item i left join survey_scale s
					on s.instrument_id = i.instrument_id and s.key = i.scale_key
				where i.instrument_id = %d and i.kind in ('scale', 'recommend', 'yes_no') and random() < 0.95"""
			.formatted(instrument));
		// The answering benchmark's open cycle, on the tree's first unit.
		LocalDate today = LocalDate.now();
		long open = single(db, """
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status, invited)
				values (%d, 'annual', %d, date '%s', date '%s', 'open', %d) returning id"""
			.formatted(org, instrument, today.minusDays(1), today.plusDays(30), answerCodes));
		long openUnit = single(db, "select id from bench_unit where n = 0");
		sql.execute("insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited) values (%d, %d, null, 'B', %d)"
			.formatted(open, openUnit, answerCodes));
		SecretKeySpec key = new SecretKeySpec(Base64.getDecoder()
			.decode(Files.readString(data.resolve("keys").resolve("survey-invitation.key")).strip()), "HmacSHA256");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(key);
		SecureRandom random = new SecureRandom();
		String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
		List<String> codes = new ArrayList<>();
		StringBuilder copyIn = new StringBuilder();
		for (int i = 0; i < answerCodes; i++) {
			char[] code = new char[26];
			for (int c = 0; c < code.length; c++) {
				code[c] = alphabet.charAt(random.nextInt(alphabet.length()));
			}
			String value = new String(code);
			codes.add(value);
			byte[] hmac = mac.doFinal(("bryt survey invitation\n" + value).getBytes(StandardCharsets.US_ASCII));
			copyIn.append("\\\\x").append(java.util.HexFormat.of().formatHex(hmac)).append('\t').append(open).append('\t')
				.append(openUnit).append("\t3-9\t35-49\tf\n");
		}
		db.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy survey_invitation (token_hmac, cycle_id, unit_id, tenure_band, age_band, used) from stdin",
					new java.io.StringReader(copyIn.toString()));
		// The form a respondent posts: every item of the instrument that takes a value,
		// with its largest value.
		List<String> fields = new ArrayList<>();
		try (ResultSet rs = db.createStatement().executeQuery("""
				select i.key, case i.kind when 'scale' then s.points - 1 when 'recommend' then 10 else 2 end as max
				from survey_item i left join survey_scale s on s.instrument_id = i.instrument_id and s.key = i.scale_key
				where i.instrument_id = %d and i.kind in ('scale', 'recommend', 'yes_no') order by i.key"""
			.formatted(instrument))) {
			while (rs.next()) {
				fields.add("item." + rs.getString("key") + " " + rs.getInt("max"));
			}
		}
		db.commit();
		db.setAutoCommit(true);
		// The close summarises the released answers for the results (V36): the same
		// function, timed, before any analyze (the closing transaction has none either).
		long summarising = System.nanoTime();
		long summarised = single(db, "select survey_result_summarise(%d)".formatted(closed));
		System.err.printf("data: summarised %d responses of closed cycle %d as the close does, %.1f s%n", summarised,
				closed, (System.nanoTime() - summarising) / 1e9);
		sql.execute("analyze");
		Path work = data.toAbsolutePath().getParent();
		Collections.shuffle(codes);
		Files.write(work.resolve("codes.txt"), codes);
		Files.write(work.resolve("fields.txt"), fields);
		System.err.printf("data: %d units, %d invitations, %d responses, %d answers (closed cycle %d); "
				+ "%d codes for open cycle %d; %.1f s%n", units, invitations,
				single(db, "select count(*) from survey_response where cycle_id = " + closed),
				single(db, "select count(*) from survey_answer a join survey_response r on r.id = a.response_id"
						+ " where r.cycle_id = " + closed),
				closed, answerCodes, open, (System.nanoTime() - started) / 1e9);
		System.out.println(closed);
	}

	static void baseline(Connection db, long cycle, int runs) throws Exception {
		List<Double> counts = new ArrayList<>();
		List<Double> copies = new ArrayList<>();
		var copy = db.unwrap(PGConnection.class).getCopyAPI();
		for (int run = 0; run <= runs; run++) {
			long started = System.nanoTime();
			single(db, "select count(*) from survey_answer a join survey_response r on r.id = a.response_id"
					+ " where r.cycle_id = " + cycle);
			double count = (System.nanoTime() - started) / 1e9;
			started = System.nanoTime();
			copy.copyOut("copy (select r.unit_id, a.item_key, a.value from survey_answer a join survey_response r"
					+ " on r.id = a.response_id where r.cycle_id = " + cycle + ") to stdout", OutputStream.nullOutputStream());
			double copied = (System.nanoTime() - started) / 1e9;
			if (run > 0) {
				counts.add(count);
				copies.add(copied);
			}
		}
		System.out.println(summary("baseline count(*) of the cycle's answers", counts));
		System.out.println(summary("baseline COPY of the cycle's answers to nowhere", copies));
	}

	static String summary(String what, List<Double> seconds) {
		List<Double> sorted = new ArrayList<>(seconds);
		Collections.sort(sorted);
		double median = (sorted.size() % 2 == 1) ? sorted.get(sorted.size() / 2)
				: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
		return "%s: median %.3f s, max %.3f s (%d runs: %s)".formatted(what, median, sorted.getLast(), sorted.size(),
				String.join(" ", seconds.stream().map((s) -> "%.3f".formatted(s)).toList()));
	}

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	static void results(String base, long cycle, int runs) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("The login form has no CSRF token");
		}
		HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=hr&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (loggedIn.statusCode() != 302 || loggedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login as hr failed: " + loggedIn.statusCode() + " "
					+ loggedIn.headers().firstValue("Location").orElse(""));
		}
		URI page = URI.create(base + "/surveys/results/" + cycle);
		List<Double> seconds = new ArrayList<>();
		long bytes = 0;
		for (int run = 0; run <= runs; run++) {
			long started = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).build(),
					HttpResponse.BodyHandlers.ofString());
			double took = (System.nanoTime() - started) / 1e9;
			if (response.statusCode() != 200 || !response.body().contains("govuk-table")) {
				throw new IllegalStateException("GET " + page + ": " + response.statusCode());
			}
			bytes = response.body().length();
			if (run == 0) {
				System.out.printf("results page: first request (not in the median) %.3f s, %d characters%n",
						took, bytes);
			}
			else {
				seconds.add(took);
			}
		}
		System.out.println(summary("results page GET /surveys/results/" + cycle + " as hr", seconds));
	}

	static void answer(String base, Path work, int clients, int seconds) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>(Files.readAllLines(work.resolve("codes.txt")));
		List<String[]> fields = Files.readAllLines(work.resolve("fields.txt")).stream().map((l) -> l.split(" ")).toList();
		Random random = new Random(13);
		Supplier<String> body = () -> {
			String code = codes.poll();
			if (code == null) {
				throw new IllegalStateException("Out of codes: raise ANSWER_CODES");
			}
			StringBuilder form = new StringBuilder("code=").append(code);
			synchronized (random) {
				for (String[] field : fields) {
					form.append('&').append(field[0]).append('=').append(random.nextInt(Integer.parseInt(field[1]) + 1));
				}
			}
			return form.toString();
		};
		URI codeForm = URI.create(base + "/s");
		URI answer = URI.create(base + "/s/answer");
		Request get = () -> check(http.send(HttpRequest.newBuilder(codeForm).build(), HttpResponse.BodyHandlers.ofString()),
				"govuk-button");
		Request post = () -> check(http.send(HttpRequest.newBuilder(answer)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.get()))
			.build(), HttpResponse.BodyHandlers.ofString()), "govuk-panel--confirmation");
		run("warm-up GET /s", clients, 5, get);
		run("warm-up POST /s/answer", clients, 5, post);
		List<Result> results = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			results.add(run("baseline: GET /s (code form)", clients, seconds, get));
			results.add(run("POST /s/answer (valid code, every item)", clients, seconds, post));
		}
		results.add(run("baseline: GET /s (code form)", clients, seconds, get));
		System.out.println();
		System.out.println("| load (" + clients + " concurrent, " + seconds + " s each) | requests/s | p50 ms | p99 ms | errors |");
		System.out.println("|---|---:|---:|---:|---:|");
		results.forEach((result) -> System.out.println(result.row()));
	}

	interface Request {

		void send() throws Exception;

	}

	static void check(HttpResponse<String> response, String marker) {
		if (response.statusCode() != 200 || !response.body().contains(marker)) {
			throw new IllegalStateException("status " + response.statusCode());
		}
	}

	record Result(String name, int requests, int errors, double seconds, List<Long> nanos) {

		String row() {
			List<Long> sorted = new ArrayList<>(this.nanos);
			Collections.sort(sorted);
			double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
			double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)) / 1e6;
			return "| %s | %.0f | %.1f | %.1f | %d |".formatted(this.name, this.requests / this.seconds, p50, p99,
					this.errors);
		}

	}

	static Result run(String name, int clients, int seconds, Request request) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(clients);
		long started = System.nanoTime();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				executor.submit(() -> {
					try {
						while (System.nanoTime() < end) {
							long sent = System.nanoTime();
							try {
								request.send();
								nanos.add(System.nanoTime() - sent);
								requests.incrementAndGet();
							}
							catch (Exception ex) {
								if (errors.incrementAndGet() == 1) {
									System.err.println(name + ": " + ex.getMessage());
								}
							}
						}
					}
					finally {
						done.countDown();
					}
				});
			}
			done.await();
		}
		double took = (System.nanoTime() - started) / 1e9;
		Result result = new Result(name, requests.get(), errors.get(), took, nanos);
		if (!name.startsWith("warm-up")) {
			System.err.println(result.row() + "   load average " + Files.readString(Path.of("/proc/loadavg")).strip());
		}
		return result;
	}

}
