import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on Voice's public pages from concurrent reporters, each a virtual thread with its
 * own request loop: submissions (encryption to the recipients and to the receipt, receipt
 * handling, four inserts), follow-ups with a receipt (lookup, hash comparison, unwrap,
 * decryption), and as a baseline in the same run the follow-up form (a page without
 * database or cryptography).
 *
 * <p>
 * Usage: {@code java VoiceBench.java <base-url> <channel-id> [reporters] [seconds] [all|submissions]}
 */
public class VoiceBench {

	private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<");

	/** The channel's first question (a text area) and the questionnaire revision. */
	private static final Pattern FIRST_QUESTION = Pattern.compile("<textarea id=\"(q\\.\\d+)\"");

	private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");

	/** The form as the channel's page asks it: read once, before the load. */
	private static String formPrefix;

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String channel = args[1];
		int reporters = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 20;
		boolean all = args.length <= 4 || "all".equals(args[4]);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String submitUrl = base + "/report/exempelby/channel/" + channel;
		String followUpUrl = base + "/report/exempelby/follow-up";
		String page = http.send(HttpRequest.newBuilder(URI.create(submitUrl)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher question = FIRST_QUESTION.matcher(page);
		Matcher revision = REVISION.matcher(page);
		if (!question.find() || !revision.find()) {
			throw new IllegalStateException("The channel's form has no text area or no revision");
		}
		formPrefix = "revision=" + revision.group(1) + "&" + question.group(1) + "=";

		// Warm-up: the JIT and the connection pool, not measured.
		List<String> receipts = Collections.synchronizedList(new ArrayList<>());
		run("warm-up", reporters, 5, () -> receipts.add(submit(http, submitUrl)));
		run("warm-up", reporters, 3, () -> followUp(http, followUpUrl, receipts.get(0)));

		List<Result> results = new ArrayList<>();
		if (all) {
			results.add(run("baseline: GET follow-up form", reporters, seconds,
					() -> check(http.send(HttpRequest.newBuilder(URI.create(followUpUrl)).build(),
							HttpResponse.BodyHandlers.ofString()))));
		}
		results.add(run("submissions", reporters, seconds, () -> receipts.add(submit(http, submitUrl))));
		if (all) {
			AtomicInteger next = new AtomicInteger();
			results.add(run("follow-ups with receipt", reporters, seconds,
					() -> followUp(http, followUpUrl, receipts.get(next.getAndIncrement() % receipts.size()))));
		}
		System.out.println();
		System.out.println("| load (" + reporters + " concurrent, " + seconds + " s) | requests/s | p50 ms | p99 ms | errors |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (Result result : results) {
			System.out.println(result.row());
		}
	}

	private static String submit(HttpClient http, String url) throws Exception {
		String form = formPrefix + URLEncoder.encode("Benchmark report: the night shift is left alone again.",
				StandardCharsets.UTF_8) + "&identity=anonymous";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		check(response);
		Matcher matcher = RECEIPT.matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No receipt in the answer");
		}
		return matcher.group(1);
	}

	private static void followUp(HttpClient http, String url, String receipt) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("receipt=" + receipt))
			.build(), HttpResponse.BodyHandlers.ofString());
		check(response);
		if (!response.body().contains("id=\"status\"")) {
			throw new IllegalStateException("The receipt did not open the report");
		}
	}

	private static void check(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
	}

	private static Result run(String name, int reporters, int seconds, Call call) throws InterruptedException {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		CountDownLatch done = new CountDownLatch(reporters);
		long start = System.nanoTime();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < reporters; i++) {
				executor.submit(() -> {
					while (System.nanoTime() < end) {
						long before = System.nanoTime();
						try {
							call.run();
							latencies.add(System.nanoTime() - before);
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
					}
					done.countDown();
				});
			}
			done.await();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(name, sorted.size() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99),
				errors.get());
	}

	private static double percentile(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	interface Call {

		void run() throws Exception;

	}

	record Result(String name, double perSecond, double p50, double p99, int errors) {

		String row() {
			return String.format("| %s | %.0f | %.1f | %.1f | %d |", this.name, this.perSecond, this.p50, this.p99,
					this.errors);
		}

	}

}
