package bryt.voice;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import bryt.Chromium;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voice in a real browser with JavaScript disabled: a reporter submits and gets a
 * receipt; a recipient logs in, reads the decrypted report and replies; the reporter
 * follows up with the receipt, reads the reply and writes again; the excluded recipient
 * never sees the report. Every page passes axe's WCAG 2.1 A and AA rules.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "bryt.db.data-dir=target/test-data/${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class VoiceBrowserIT {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Reports reports;

	@Autowired
	private ChannelRepository channelRepository;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private Chromium chromium;

	private final List<String> violations = new ArrayList<>();

	private final Set<String> visited = new TreeSet<>();

	@BeforeAll
	void startBrowser() {
		this.chromium = new Chromium();
	}

	@AfterAll
	void stopBrowser() {
		this.chromium.close();
	}

	private boolean scanning;

	@Test
	void reportReceiptReplyAndFollowUpWithoutJavaScript() throws IOException {
		this.scanning = false;
		flow();
		tooLarge();
	}

	/**
	 * A file over 30 MB: a page that says nothing was sent, and the way back to the form.
	 */
	private void tooLarge() throws IOException {
		long channelId = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
		try (BrowserContext context = noJavaScript()) {
			Page page = context.newPage();
			page.navigate(url("/report/exempelby/channel/" + channelId));
			String form = page.locator("h1").textContent();
			// From a file on disk: the browser reads it itself, where a payload of 31 MB
			// would go base64 through Playwright's pipe (past 30 s on a busy machine).
			Path scan = Files.createDirectories(Path.of("target/browser-files")).resolve("scan.pdf");
			try (RandomAccessFile file = new RandomAccessFile(scan.toFile(), "rw")) {
				file.setLength(31 * 1024 * 1024);
			}
			page.locator("input[type=file]").setInputFiles(scan);
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("h1")).hasText("A file is too large");
			scan(page, "report with a file over 30 MB");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the form")).click();
			assertThat(page.locator("h1")).hasText(form);
		}
	}

	/**
	 * Item 13 of issue 9: choosing Dansk on the public pages leaves no cookie; the
	 * language stays in the links, through the channel list to the form and the
	 * follow-up; the forms ask the browser not to remember what is typed.
	 */
	@Test
	void theReportersLanguageStaysInTheAddressAndTheFormsAreNotRemembered() {
		this.scanning = false;
		try (BrowserContext context = noJavaScript()) {
			Page page = context.newPage();
			page.navigate(url("/report/exempelby"));
			page.getByText("Dansk").click();
			assertThat(page.locator("h1")).hasText("Indberet anonymt");
			page.locator("main a[href*='/channel/']").first().click();
			assertThat(page.locator("html")).hasAttribute("lang", "da");
			assertThat(page.locator("main form button[type=submit]")).hasText("Send indberetningen");
			assertThat(page.locator("main form")).hasAttribute("autocomplete", "off");
			assertThat(page.locator("main form textarea, main form input[type=text], main form input[type=date]")).not()
				.hasCount(0);
			assertThat(page.locator("main form textarea:not([autocomplete=off]), "
					+ "main form input[type=text]:not([autocomplete=off]), "
					+ "main form input[type=date]:not([autocomplete=off])"))
				.hasCount(0);
			// A required answer left out: the form comes back, still in Danish.
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("html")).hasAttribute("lang", "da");
			assertThat(page.locator("main form button[type=submit]")).hasText("Send indberetningen");
			page.navigate(url("/report/exempelby?lang=da"));
			page.getByText("Følg op på en indberetning med din kvittering").click();
			assertThat(page.locator("html")).hasAttribute("lang", "da");
			assertThat(page.locator("main form")).hasAttribute("autocomplete", "off");
			assertThat(context.cookies()).isEmpty();
		}
	}

	/**
	 * An administrator edits a channel's questionnaire with JavaScript disabled; a
	 * reporter answers the edited questions, in English and in Swedish; the recipient
	 * reads the answers under the questions as they were asked.
	 */
	@Test
	void anEditedQuestionnaireIsAnsweredAndReadWithoutJavaScript() {
		this.scanning = false;
		questionnaire();
	}

	/**
	 * Requests no browser sends, against the real server: an undecodable form body makes
	 * Tomcat quote the value in an exception; a file over 30 MB is refused. Neither may
	 * log a value or end in a 500.
	 */
	@Test
	void malformedAndOversizedSubmissionsAreRefusedWithoutLoggingTheirValues(CapturedOutput output) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long channelId = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
		for (String path : List.of("/report/exempelby/follow-up", "/report/exempelby/channel/" + channelId)) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("receipt=%ZZUNDECODABLE-9f3&q.what=%ZZUNDECODABLE-9f3"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(400);
		}
		long reportsBefore = reportCount();
		String boundary = "bryt-test-boundary";
		byte[] head = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"q.what\"\r\n\r\nOVERSIZED-4c1\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[head.length + 31 * 1024 * 1024 + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
		HttpResponse<String> tooLarge = http
			.send(HttpRequest.newBuilder(URI.create(url("/report/exempelby/channel/" + channelId)))
				// Without it the page is in the organisation's language, Swedish.
				.header("Accept-Language", "en")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(tooLarge.body()).contains("<h1>A file is too large</h1>")
			.contains("Nothing was sent and Bryt stored nothing.")
			.contains("href=\"/report/exempelby/channel/" + channelId + "\"");
		assertThat(reportCount()).isEqualTo(reportsBefore);
		assertThat(output.getAll()).doesNotContain("UNDECODABLE-9f3", "OVERSIZED-4c1");
	}

	private long reportCount() {
		return this.jdbc.sql("select count(*) from voice_report").query(Long.class).single();
	}

	private int channels;

	private void questionnaire() {
		String name = "Hot och våld " + (++this.channels);
		try (BrowserContext context = noJavaScript()) {
			Page page = logIn(context, "admin");
			page.navigate(url("/admin/voice/channels/new"));
			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
			page.getByLabel("Kind").selectOption("THREATS");
			page.getByLabel("Demo: HR", new Page.GetByLabelOptions().setExact(true)).check();
			page.locator("main form button[type=submit]").click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
			assertThat(page.locator("#questions tbody th"))
				.hasText(new String[] { "What happened? Describe it as fully as you can.", "When did it happen?",
						"Where did it happen?", "Was anyone injured?" });
			scan(page, "/admin/voice/channels/{id} with questions");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a question")).click();
			scan(page, "/admin/voice/channels/{id}/questions/new");
			page.getByLabel("Question in Swedish").fill("Vilket pass arbetade du?");
			page.getByLabel("Question in English").fill("Which shift were you on?");
			page.getByLabel("Type of answer").selectOption("SINGLE_CHOICE");
			page.getByLabel("The reporter must answer it").check();
			page.getByLabel("Choices in Swedish").fill("Dag\nKväll\nNatt");
			page.getByLabel("Choices in Danish").fill("Dag\nAften\nNat");
			page.getByLabel("Choices in English").fill("Day\nEvening\nNight");
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("#labelDa-error").getByText("Write the question in Danish.")).isVisible();
			scan(page, "question form with errors");
			page.getByLabel("Question in Danish").fill("Hvilken vagt havde du?");
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("#questions tbody th").last()).hasText("Which shift were you on?");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move up: Which shift were you on?"))
				.click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove: Was anyone injured?")).click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Where did it happen?")).click();
			scan(page, "/admin/voice/channels/{id}/questions/{questionId}");
			page.getByLabel("Question in English").fill("Where were you?");
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("#questions tbody th"))
				.hasText(new String[] { "What happened? Describe it as fully as you can.", "When did it happen?",
						"Where were you?", "Which shift were you on?" });
		}

		try (BrowserContext context = noJavaScript()) {
			Page page = context.newPage();
			page.navigate(url("/report/exempelby"));
			page.getByText(name).click();
			assertThat(page.getByText("Was anyone injured?")).hasCount(0);
			page.getByLabel("What happened?").fill("A visitor threatened the evening shift.");
			page.getByLabel("When did it happen?").fill("2026-03-14");
			page.locator("main form button[type=submit]").click();
			// The field's own message (the error summary repeats it as a link).
			assertThat(page.locator(".govuk-error-message").getByText("Answer this question.")).isVisible();
			scan(page, "report form with an edited questionnaire and errors");
			page.getByLabel("Evening").check();
			page.getByLabel("Where were you?").fill("At the reception");
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("h1")).hasText("Your report was received");
			page.navigate(url("/report/exempelby?lang=sv"));
			page.getByText(name).click();
			assertThat(page.getByText("Vilket pass arbetade du?")).isVisible();
			assertThat(page.getByLabel("Kväll")).isVisible();
		}

		try (BrowserContext context = noJavaScript()) {
			Page page = logIn(context, "hr");
			page.navigate(url("/voice"));
			page.getByLabel("Your password").fill("demo");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")).click();
			page.locator("table a").first().click();
			assertThat(page.locator("#answers-heading + dl > *")).containsText(new String[] { "What happened?",
					"A visitor threatened the evening shift.", "When did it happen?", "2026-03-14", "Where were you?",
					"At the reception", "Which shift were you on?", "Evening" });
		}
	}

	private void flow() {
		String receipt;
		try (BrowserContext context = noJavaScript()) {
			Page page = context.newPage();
			page.navigate(url("/report/exempelby"));
			scan(page, "/report/{org}");
			page.getByText("Visselblåsning").click();
			scan(page, "/report/{org}/channel/{channelId}");
			assertThat(Chromium.optionsApartFromTheirLabels(page, "report form")).isEmpty();
			page.locator("main form button[type=submit]").click();
			assertThat(page.getByText("Some answers need your attention")).isVisible();
			scan(page, "report form with errors");
			page.getByLabel("What happened?").fill("The night shift is left alone with two clients.");
			page.getByLabel("Exclude Demo: fackligt ombud barn och familj").check();
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("h1")).hasText("Your report was received");
			scan(page, "receipt");
			receipt = page.locator("#receipt").textContent();
			assertThat(receipt).matches("([0-9A-Z]{4}-){6}[0-9A-Z]{4}");
		}

		try (BrowserContext context = noJavaScript()) {
			Page page = logIn(context, "hr");
			page.navigate(url("/voice"));
			scan(page, "/voice");
			page.getByLabel("Your password").fill("demo");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")).click();
			scan(page, "inbox unlocked");
			page.locator("table a").first().click();
			assertThat(page.getByText("The night shift is left alone with two clients.")).isVisible();
			assertThat(page.locator("#log-state")).hasText("The access log is intact.");
			scan(page, "/voice/reports/{id}");
			// A client's personal identity number in a reply is refused, not kept, not
			// shown.
			page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
				.fill("We looked at the file of 811218-9876.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
			assertThat(page.getByText("This looks like a personal identity number.")).isVisible();
			assertThat(page.locator("body")).not().containsText("811218-9876");
			scan(page, "report with a refused reply");
			page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
				.fill("Thank you. We have talked to the unit.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
			assertThat(page.getByText("Thank you. We have talked to the unit.")).isVisible();
			assertThat(page.locator("#status")).hasText("Acknowledged");
			scan(page, "report after reply");
		}

		// Pages address a report by its number in the organisation, never by its id.
		long reportNumber = this.jdbc
			.sql("select number from voice_report where id = (select max(id) from voice_report)")
			.query(Long.class)
			.single();
		try (BrowserContext context = noJavaScript()) {
			Page page = logIn(context, "union");
			page.navigate(url("/voice"));
			page.getByLabel("Your password").fill("demo");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")).click();
			assertThat(page.getByText("You have no reports.")).isVisible();
			page.navigate(url("/voice/reports/" + reportNumber));
			assertThat(page.getByText("The page does not exist.")).isVisible();
			assertThat(page.getByText("The night shift")).hasCount(0);
		}

		try (BrowserContext context = noJavaScript()) {
			Page page = context.newPage();
			page.navigate(url("/report/exempelby/follow-up"));
			scan(page, "/report/{org}/follow-up");
			page.getByLabel("Receipt").fill("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open")).click();
			assertThat(page.getByText("That receipt does not open a report.")).isVisible();
			scan(page, "follow-up refused");
			page.getByLabel("Receipt").fill(receipt);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open")).click();
			assertThat(page.getByText("Thank you. We have talked to the unit.")).isVisible();
			assertThat(page.locator("#status")).hasText("Acknowledged");
			scan(page, "follow-up report");
			page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
				.fill("It happened again on Sunday.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
			assertThat(page.getByText("Your message was sent.")).isVisible();
			assertThat(page.getByText("It happened again on Sunday.")).isVisible();
			assertThat(context.cookies()).isEmpty();
		}
	}

	@Test
	void everyVoicePagePassesAxe() throws IOException {
		this.scanning = true;
		this.jdbc
			.sql("insert into organisation (code, name, country) values ('andraby', 'Andraby kommun', 'SE') "
					+ "on conflict do nothing")
			.update();
		try (BrowserContext context = this.chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("en-GB").setBypassCSP(true))) {
			Page page = context.newPage();
			page.navigate(url("/report"));
			scan(page, "/report");
			page.navigate(url("/report?lang=sv"));
			scan(page, "/report, Swedish");
			long firstChannel = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
			for (String language : List.of("sv", "da")) {
				page.navigate(url("/report/exempelby?lang=" + language));
				scan(page, "/report/{org}, " + language);
				page.navigate(url("/report/exempelby/channel/" + firstChannel + "?lang=" + language));
				scan(page, "report form, " + language);
				page.locator("main form button[type=submit]").click();
				scan(page, "report form with errors, " + language);
			}
			logIn(context, "admin");
			page.navigate(url("/admin/voice/channels"));
			scan(page, "/admin/voice/channels");
			page.navigate(url("/admin/voice/channels/new"));
			scan(page, "/admin/voice/channels/new");
			page.getByLabel("Name").fill("");
			page.locator("main form button[type=submit]").click();
			scan(page, "channel form with errors");
			long channelId = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
			page.navigate(url("/admin/voice/channels/" + channelId));
			scan(page, "/admin/voice/channels/{id}");
			page.navigate(url("/admin/voice/channels"));
			// The administrator splits the recovery key between the two demo recipients
			// and
			// sees neither the key nor a share.
			page.getByLabel("Demo: HR", new Page.GetByLabelOptions().setExact(true)).check();
			page.getByLabel("Demo: fackligt ombud barn och familj", new Page.GetByLabelOptions().setExact(true))
				.check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Split a new recovery key")).click();
			assertThat(page.getByText("The new recovery key was split among the holders.")).isVisible();
			scan(page, "recovery key split");
			page.navigate(url("/voice"));
			scan(page, "/voice as admin");
			page.navigate(url("/voice/access"));
			scan(page, "/voice/access");
		}
		Set<String> voiceRoutes = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				info.getPatternValues()
					.stream()
					.filter((route) -> route.startsWith("/report") || route.startsWith("/voice")
							|| route.startsWith("/admin/voice"))
					.forEach(voiceRoutes::add);
			}
		});
		// A file download is not a page.
		voiceRoutes.remove("/voice/reports/{id}/files/{fileId}");
		flow();
		questionnaire();
		tooLarge();
		inboxPagesFiltersAndBulkClose();
		assertThat(this.visited).containsAll(voiceRoutes);
		assertThat(this.violations).isEmpty();
	}

	/**
	 * The inbox's new states (issue 9): more than one page, a filter, and closing ticked
	 * reports as not substantiated, all through links and forms that work without
	 * JavaScript.
	 */
	private void inboxPagesFiltersAndBulkClose() {
		long channelId = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
		Channel channel = this.channelRepository
			.find(this.jdbc.sql("select organisation_id from voice_channel where id = :id")
				.param("id", channelId)
				.query(Long.class)
				.single(), channelId)
			.orElseThrow();
		for (int i = 0; i < 55; i++) {
			this.reports.submit(channel,
					new Reports.Submission(List.of(new Answers.Answer(Question.Type.LONG_TEXT,
							Labels.same("What happened?"), Labels.same("Inbox page " + i))), null, null, null, Set.of(),
							List.of()));
		}
		try (BrowserContext context = noJavaScript()) {
			Page page = logIn(context, "hr");
			page.navigate(url("/voice"));
			page.getByLabel("Your password").fill("demo");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")).click();
			assertThat(page.locator("#inbox-count")).containsText("page 1 of");
			scan(page, "inbox with pages");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
			assertThat(page.locator("#inbox-count")).containsText("page 2 of");
			scan(page, "inbox page 2");
			page.getByLabel("Status").selectOption("NEW");
			page.getByLabel("Only overdue").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
			assertThat(page.locator("#inbox-count")).containsText("0 reports");
			scan(page, "inbox filtered, empty");
			page.navigate(url("/voice?status=NEW"));
			page.locator("input[name=report]").first().check();
			page.locator("input[name=report]").nth(1).check();
			page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Close the chosen reports as not substantiated"))
				.click();
			assertThat(page.getByText("2 reports were closed as not substantiated.")).isVisible();
			scan(page, "inbox after closing as not substantiated");
		}
	}

	// Pages (issue 11, item 3): the report form and the receipt, as a reporter meets
	// them.

	/**
	 * Without JavaScript: the error summary leads to each field, a file attached before
	 * an error is kept and sent, the small-unit warning, the receipt saved by a POST
	 * (never in an address), no link on the receipt page, a reload or double click makes
	 * one report, and the follow-up page says "You" and tells the deadlines.
	 */
	@Test
	void reporterFormReceiptAndFollowUpWithoutJavaScript() throws IOException {
		this.scanning = false;
		List<String> addresses = new ArrayList<>();
		String receipt;
		try (BrowserContext context = noJavaScript()) {
			Page page = context.newPage();
			page.onRequest((request) -> addresses.add(request.url()));
			page.navigate(url("/report/exempelby"));
			page.getByText("Visselblåsning").click();
			assertThat(page.locator("#deadlines")).containsText("within 7 days");
			assertThat(page.locator("#deadlines")).containsText("within 3 months");
			for (String label : page.locator("label[for^=exclude-]").allTextContents()) {
				assertThat(label).startsWith("Exclude Demo:");
			}
			assertThat(page.locator("label[for^=exclude-]").count()).isGreaterThan(1);
			// A small unit, a file, no answer and a name while anonymous.
			String small = page.locator("#unit option")
				.filter(new Locator.FilterOptions().setHasText("(fewer than 10 staff)"))
				.first()
				.getAttribute("value");
			page.locator("#unit").selectOption(small);
			Path minutes = Files.createDirectories(Path.of("target/browser-files")).resolve("minutes.txt");
			Files.writeString(minutes, "Minutes of the meeting, 3 March");
			page.locator("input[type=file]").setInputFiles(minutes);
			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Kim");
			page.locator("main form button[type=submit]").click();
			assertThat(page.title()).startsWith("Error:");
			List<String> targets = page.locator(".govuk-error-summary a")
				.all()
				.stream()
				.map((link) -> link.getAttribute("href"))
				.toList();
			assertThat(targets).contains("#identity-anonymous").anyMatch((target) -> target.startsWith("#q."));
			for (String target : targets) {
				assertThat(page.locator("[id='" + target.substring(1) + "']")).hasCount(1);
			}
			page.locator(".govuk-error-summary a").first().click();
			assertThat(page.url()).endsWith(targets.get(0));
			assertThat(page.locator("#unit-warning")).containsText("fewer than 10 staff");
			assertThat(page.getByLabel("Send minutes.txt")).isChecked();
			assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Kim");
			scan(page, "reporter: form with errors, a kept file and a small unit");

			page.getByLabel("What happened?").fill("The minutes show it.");
			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("");
			page.locator("#unit").selectOption("");
			long before = reportCount();
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("h1")).hasText("Your report was received");
			receipt = page.locator("#receipt").textContent();
			assertThat(this.jdbc.sql("select count(*) from voice_attachment where report_id = :id")
				.param("id", Receipts.reportId(this.jdbc, receipt))
				.query(Long.class)
				.single()).isEqualTo(1);
			scan(page, "reporter: receipt");

			// No link leaves the receipt page: only the skip link, within the page.
			assertThat(page.locator("a[href]:not([href^='#'])")).hasCount(0);
			Download download = page.waitForDownload(() -> page
				.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the receipt as a text file"))
				.click());
			String file = Files.readString(download.path(), StandardCharsets.UTF_8).strip();
			assertThat(file.substring(file.lastIndexOf(' ') + 1)).isEqualTo(receipt);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dansk")).click();
			assertThat(page.locator("h1")).hasText("Din indberetning er modtaget");
			assertThat(page.locator("#receipt")).hasText(receipt);
			assertThat(page.locator("html")).hasAttribute("lang", "da");
			assertThat(reportCount()).isEqualTo(before + 1);
			String bare = receipt.replace("-", "");
			assertThat(addresses).noneMatch((address) -> address.contains(receipt) || address.contains(bare));
			assertThat(context.cookies()).extracting((cookie) -> cookie.name + " " + cookie.path).isEmpty();
		}

		// A double click and a reload of the sent form make one report.
		try (BrowserContext context = noJavaScript()) {
			Page page = context.newPage();
			page.navigate(url("/report/exempelby"));
			page.getByText("Visselblåsning").click();
			page.getByLabel("What happened?").fill("Sent with a double click.");
			long before = reportCount();
			page.locator("main form button[type=submit]").dblclick();
			// The browser shows the answer to the second post ("already sent") or, when
			// the second click came too late to be sent, the receipt.
			assertThat(page.locator("h1"))
				.hasText(java.util.regex.Pattern.compile("Your report was received|This report was already sent"));
			page.reload();
			assertThat(page.locator("h1")).hasText("This report was already sent");
			assertThat(page.locator("#receipt")).hasCount(0);
			assertThat(reportCount()).isEqualTo(before + 1);
			scan(page, "reporter: already sent");
		}

		for (String[] language : List.of(new String[] { "sv", "Du", "Dina svar på frågorna", "Skicka" },
				new String[] { "da", "Du", "Dine svar på spørgsmålene", "Send" })) {
			try (BrowserContext context = noJavaScript()) {
				Page page = context.newPage();
				page.navigate(url("/report/exempelby/follow-up?lang=" + language[0]));
				page.locator("#receipt").fill(receipt);
				page.locator("main form button[type=submit]").click();
				page.locator("#text").fill("More about it, " + language[0]);
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language[3]).setExact(true))
					.click();
				assertThat(page.locator(".messages .meta").last()).containsText(language[1] + " · ");
				assertThat(page.locator("#answers-heading")).hasText(language[2]);
				assertThat(page.locator("#deadlines")).isVisible();
				scan(page, "reporter: follow-up, " + language[0]);
			}
		}
	}

	/**
	 * The reporter's new page states pass axe in Swedish and Danish (with JavaScript, as
	 * axe needs it): the form with errors and a kept file, the receipt (its print button
	 * shown), the already-sent page.
	 */
	@Test
	void reporterPagesPassAxeInSwedishAndDanish() throws IOException {
		List<String> problems = new ArrayList<>();
		Path minutes = Files.createDirectories(Path.of("target/browser-files")).resolve("minutes-axe.txt");
		Files.writeString(minutes, "Minutes");
		for (String language : List.of("sv", "da")) {
			try (BrowserContext context = this.chromium.browser()
				.newContext(new Browser.NewContextOptions().setLocale("en-GB").setBypassCSP(true))) {
				Page page = context.newPage();
				page.navigate(url("/report/exempelby?lang=" + language));
				page.getByText("Visselblåsning").click();
				page.locator("input[type=file]").setInputFiles(minutes);
				page.locator("#name").fill("Kim");
				page.locator("main form button[type=submit]").click();
				assertThat(page.title()).startsWith(language.equals("sv") ? "Fel:" : "Fejl:");
				reporterScan(page, "reporter form with errors, " + language, problems);
				page.locator("#name").fill("");
				page.locator("textarea").first().fill("Axe " + language);
				page.locator("main form button[type=submit]").click();
				assertThat(page.locator("#receipt")).isVisible();
				assertThat(page.locator("#print")).isVisible();
				reporterScan(page, "reporter receipt, " + language, problems);
				page.reload();
				assertThat(page.locator("#receipt")).hasCount(0);
				reporterScan(page, "reporter form sent again, " + language, problems);
			}
		}
		assertThat(problems).isEmpty();
	}

	private void reporterScan(Page page, String what, List<String> problems) {
		problems.addAll(Chromium.reflowProblems(page, what));
		problems.addAll(Chromium.designSystemFont(page, what));
		problems.addAll(Chromium.axeViolations(page, what));
	}

	/**
	 * Every page visited fits a screen of 320, 390 and 1280 px without scrolling
	 * sideways, with JavaScript off too; with JavaScript on, axe finds nothing.
	 */
	private void scan(Page page, String what) {
		this.visited.add(what);
		List<String> reflow = new ArrayList<>(Chromium.reflowProblems(page, what));
		reflow.addAll(Chromium.designSystemFont(page, what));
		if (!this.scanning) {
			assertThat(reflow).isEmpty();
			return;
		}
		this.violations.addAll(reflow);
		this.violations.addAll(Chromium.axeViolations(page, what));
	}

	/**
	 * Without JavaScript, as a reporter in Tor Browser's safest mode; with it only for
	 * axe.
	 */
	private BrowserContext noJavaScript() {
		return this.chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("en-GB")
				.setJavaScriptEnabled(this.scanning)
				.setBypassCSP(this.scanning));
	}

	private Page logIn(BrowserContext context, String username) {
		return Chromium.logIn(context, url(""), username);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
