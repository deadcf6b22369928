package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import bryt.BrytTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The report form on the real database (issue 11, item 3): one report per form even when
 * two posts race, files kept across an error (encrypted, in memory, for 30 minutes),
 * crafted values answered with the form, the receipt saved by a POST.
 */
@BrytTest
@ExtendWith(OutputCaptureExtension.class)
class ReporterFormTests {

	private static final String FILE_TEXT = "MARKER-KEPT-FILE-8841 minutes of the meeting";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Submissions submissions;

	@Autowired
	private ChannelRepository channels;

	@Autowired
	private KeptFiles keptFiles;

	@Autowired
	private AccessLogKey accessLogKey;

	@Test
	void twoPostsOfOneFormAtOnceMakeOneReport() throws Exception {
		Channel channel = this.channels.find(org(), channelId()).orElseThrow();
		String once = FormOnce.generate();
		Reports.Submission submission = new Reports.Submission(List.of(), null, null, null, Set.of(), List.of());
		long before = reports();
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						return this.submissions.submit(channel, submission, once).grouped();
					}
					catch (Submissions.AlreadySentException ex) {
						return "already sent";
					}
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get(30, TimeUnit.SECONDS));
			}
			assertThat(outcomes).filteredOn("already sent"::equals).hasSize(1);
			assertThat(outcomes).filteredOn((outcome) -> outcome.matches("[0-9A-Z-]+")).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(reports()).isEqualTo(before + 1);
		// Only the keyed hash is kept: not the id, and nothing that names the report.
		byte[] hash = this.jdbc.sql("select id_hash from voice_used_form where id_hash = :h")
			.param("h", FormOnce.hash(this.accessLogKey, once))
			.query(byte[].class)
			.single();
		assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(once);
		assertThat(this.jdbc.sql("""
				select column_name from information_schema.columns where table_name = 'voice_used_form'
				order by column_name
				""").query(String.class).list()).containsExactly("expires_on", "id_hash");
	}

	@Test
	void aFormPostedTwiceMakesOneReportAndTheSecondPostSaysSoWithoutTheReceipt() throws Exception {
		ReportForm form = ReportForm.of(this.jdbc, channelId());
		String once = onceOf(this.mvc.perform(get(form.path())).andReturn().getResponse().getContentAsString());
		long before = reports();
		String first = this.mvc
			.perform(post(form.path()).param(form.firstQuestion(), "Posted twice")
				.param("revision", form.revision())
				.param("once", once))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Receipts.on(first);
		MockHttpServletResponse second = this.mvc
			.perform(post(form.path()).param(form.firstQuestion(), "Posted twice")
				.param("revision", form.revision())
				.param("once", once))
			.andReturn()
			.getResponse();
		assertThat(second.getStatus()).isEqualTo(409);
		assertThat(second.getContentAsString()).contains("This report was already sent")
			.doesNotContain("id=\"receipt\"");
		assertThat(reports()).isEqualTo(before + 1);
	}

	@Test
	void filesAreKeptEncryptedAcrossAnErrorAndSentWithTheReport(CapturedOutput output) throws Exception {
		ReportForm form = ReportForm.of(this.jdbc, channelId());
		MockMultipartHttpServletRequestBuilder missingAnswer = form.submitWithFiles("");
		missingAnswer.file(new MockMultipartFile("files", "minutes.txt", "text/plain",
				FILE_TEXT.getBytes(StandardCharsets.UTF_8)));
		String page = this.mvc.perform(missingAnswer).andReturn().getResponse().getContentAsString();
		Document errorPage = Jsoup.parse(page);
		assertThat(errorPage.title()).startsWith("Error:");
		assertThat(errorPage.select(".govuk-error-summary a").eachAttr("href")).contains("#" + form.firstQuestion());
		assertThat(errorPage.getElementById(form.firstQuestion())).isNotNull();
		assertThat(errorPage.select("label[for=kept-0]").text()).isEqualTo("Send minutes.txt");
		String key = errorPage.select("input[name=kept-key]").val();
		String handle = errorPage.select("input[name=kept]").val();
		assertThat(key).isNotBlank();

		// What the server holds: ciphertext only, and not the key.
		assertThat(this.keptFiles.held()).containsKey(handle);
		KeptFiles.Sealed sealed = this.keptFiles.held().get(handle);
		assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("MARKER-KEPT-FILE");
		assertThat(new String(sealed.meta(), StandardCharsets.ISO_8859_1)).doesNotContain("minutes.txt");
		for (KeptFiles.Sealed any : this.keptFiles.held().values()) {
			assertThat(new String(any.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain(key);
		}

		MockMultipartHttpServletRequestBuilder fixed = multipart(form.path());
		fixed.param(form.firstQuestion(), "The minutes are attached")
			.param("revision", form.revision())
			.param("once", onceOf(page))
			.param("kept-key", key)
			.param("kept", handle)
			.param("kept-offered", handle);
		String receiptPage = this.mvc.perform(fixed).andReturn().getResponse().getContentAsString();
		long reportId = Receipts.reportId(this.jdbc, Receipts.on(receiptPage));
		assertThat(receiptPage).contains("minutes.txt");
		assertThat(this.jdbc.sql("select count(*) from voice_attachment where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single()).isEqualTo(1);
		// Removed when used.
		assertThat(this.keptFiles.held()).doesNotContainKey(handle);
		assertThat(output.getAll()).doesNotContain("MARKER-KEPT-FILE", "minutes.txt", key);
	}

	@Test
	void aKeptFileUntickedIsDroppedAndNotSent() throws Exception {
		ReportForm form = ReportForm.of(this.jdbc, channelId());
		MockMultipartHttpServletRequestBuilder missingAnswer = form.submitWithFiles("");
		missingAnswer.file(new MockMultipartFile("files", "drop-me.txt", "text/plain", "x".getBytes()));
		Document page = Jsoup.parse(this.mvc.perform(missingAnswer).andReturn().getResponse().getContentAsString());
		String handle = page.select("input[name=kept]").val();
		MockMultipartHttpServletRequestBuilder fixed = multipart(form.path());
		fixed.param(form.firstQuestion(), "No file after all")
			.param("revision", form.revision())
			.param("once", page.select("input[name=once]").val())
			.param("kept-key", page.select("input[name=kept-key]").val())
			.param("kept-offered", handle);
		String receiptPage = this.mvc.perform(fixed).andReturn().getResponse().getContentAsString();
		long reportId = Receipts.reportId(this.jdbc, Receipts.on(receiptPage));
		assertThat(this.jdbc.sql("select count(*) from voice_attachment where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.keptFiles.held()).doesNotContainKey(handle);
	}

	@Test
	void keptFilesLastThirtyMinutesAndOnlyUnderTheirKey() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));
		KeptFiles kept = new KeptFiles(clock);
		Reports.Upload file = new Reports.Upload("a.txt", "text/plain", "SECRET-BYTES".getBytes(), "NOT_CLEANED", "");

		KeptFiles.Kept early = kept.keep(List.of(file));
		clock.advance(Duration.ofMinutes(29));
		KeptFiles.Taken taken = kept.take(early.key(), List.of(early.files().get(0).handle()), List.of());
		assertThat(taken.lost()).isFalse();
		assertThat(taken.files()).singleElement().satisfies((upload) -> {
			assertThat(upload.name()).isEqualTo("a.txt");
			assertThat(new String(upload.bytes())).isEqualTo("SECRET-BYTES");
		});
		// Taken once: a second take finds nothing.
		assertThat(kept.take(early.key(), List.of(early.files().get(0).handle()), List.of()).lost()).isTrue();

		KeptFiles.Kept late = kept.keep(List.of(file));
		clock.advance(Duration.ofMinutes(30));
		KeptFiles.Taken expired = kept.take(late.key(), List.of(late.files().get(0).handle()), List.of());
		assertThat(expired.lost()).isTrue();
		assertThat(expired.files()).isEmpty();

		KeptFiles.Kept other = kept.keep(List.of(file));
		KeptFiles.Kept another = kept.keep(List.of(file));
		KeptFiles.Taken wrongKey = kept.take(another.key(), List.of(other.files().get(0).handle()), List.of());
		assertThat(wrongKey.lost()).isTrue();
		assertThat(wrongKey.files()).isEmpty();
	}

	@Test
	void craftedValuesComeBackAsTheFormWithAFieldMessage() throws Exception {
		ReportForm form = ReportForm.of(this.jdbc, channelId());
		long before = reports();
		MockHttpServletResponse exclude = this.mvc.perform(form.submit("Crafted").param("exclude", "abc"))
			.andReturn()
			.getResponse();
		assertThat(exclude.getStatus()).isEqualTo(200);
		assertThat(exclude.getContentAsString()).contains("Choose the recipients to leave out from the list.");
		MockHttpServletResponse identity = this.mvc.perform(form.submit("Crafted").param("identity", "both"))
			.andReturn()
			.getResponse();
		assertThat(identity.getStatus()).isEqualTo(200);
		assertThat(identity.getContentAsString()).contains("Choose whether to stay anonymous or to give your name.");
		MockHttpServletResponse once = this.mvc
			.perform(post(form.path()).param(form.firstQuestion(), "Crafted")
				.param("revision", form.revision())
				.param("once", "<script>"))
			.andReturn()
			.getResponse();
		assertThat(once.getStatus()).isEqualTo(200);
		assertThat(once.getContentAsString()).contains("This form is out of date.").doesNotContain("<script>");
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void aNameTypedWhileAnonymousAsksWhichWasMeant() throws Exception {
		ReportForm form = ReportForm.of(this.jdbc, channelId());
		long before = reports();
		Document page = Jsoup.parse(this.mvc
			.perform(form.submit("Named or not").param("identity", "anonymous").param("name", "Kim Svensson"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".govuk-error-summary a[href=#identity-anonymous]").text())
			.startsWith("You chose to stay anonymous but also typed a name");
		assertThat(page.select("input[name=name]").val()).isEqualTo("Kim Svensson");
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void theReceiptIsSavedByAPostAsATextFileNeverCached() throws Exception {
		String receipt = Receipts.on(this.mvc.perform(ReportForm.of(this.jdbc, channelId()).submit("Keep my receipt"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		MockHttpServletResponse file = this.mvc
			.perform(post("/report/exempelby/receipt").param("receipt", receipt).param("download", "true"))
			.andReturn()
			.getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getHeader("Content-Disposition")).startsWith("attachment;").contains(".txt");
		assertThat(file.getHeader("Cache-Control")).contains("no-store");
		assertThat(file.getContentType()).startsWith("text/plain");
		assertThat(file.getContentAsString(StandardCharsets.UTF_8)).contains(receipt);
		assertThat(file.getCookies()).isEmpty();
		// Never from the address.
		assertThat(this.mvc.perform(post("/report/exempelby/receipt?receipt=" + receipt).param("download", "true"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	/**
	 * From an attack on the running jar: a copy of the form on another site could post a
	 * reporter's browser to the receipt page (a genuine "received" panel for a made-up
	 * receipt) or to the form itself. The browser says where a post comes from; Bryt
	 * refuses one from another site and makes no report of it.
	 */
	@Test
	void aPostFromAnotherSiteIsRefusedAndMakesNoReport() throws Exception {
		long before = reports();
		for (String site : List.of("cross-site", "same-site")) {
			assertThat(this.mvc
				.perform(post("/report/exempelby/receipt").param("receipt", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
					.header("Sec-Fetch-Site", site))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(403);
			MockHttpServletResponse sent = this.mvc
				.perform(ReportForm.of(this.jdbc, channelId())
					.submit("From a copy of the form")
					.header("Sec-Fetch-Site", site))
				.andReturn()
				.getResponse();
			assertThat(sent.getStatus()).isEqualTo(403);
			assertThat(sent.getCookies()).isEmpty();
		}
		assertThat(reports()).isEqualTo(before);
		// The browser's own page posts as before.
		assertThat(this.mvc
			.perform(ReportForm.of(this.jdbc, channelId())
				.submit("From the form itself")
				.header("Sec-Fetch-Site", "same-origin"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(reports()).isEqualTo(before + 1);
	}

	private static String onceOf(String page) {
		return Jsoup.parse(page).select("input[name=once]").val();
	}

	private long reports() {
		return this.jdbc.sql("select count(*) from voice_report").query(Long.class).single();
	}

	private long org() {
		return this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
	}

	private long channelId() {
		return this.jdbc.sql("select min(id) from voice_channel where organisation_id = :org")
			.param("org", org())
			.query(Long.class)
			.single();
	}

	/** A clock the test moves forward. */
	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
