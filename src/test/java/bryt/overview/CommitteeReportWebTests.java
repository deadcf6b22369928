package bryt.overview;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.CommitteeReportRenderer.Format;
import bryt.shared.time.Quarter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The demo municipality's report, a public document: no staff name (every name of the
 * demo's staff, from the database), no personal identity number and no free text (a
 * distinctive sentence put into a Voice report) in any format; the page and its downloads
 * for the parties.
 */
@BrytTest
class CommitteeReportWebTests {

	private static final String FREE_TEXT = "Kvastfenan i arkivet luktar mandarin";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private Organisations organisations;

	@Autowired
	private CommitteeReports reports;

	@Autowired
	private CommitteeReportRenderer renderer;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theDemosReportHoldsNoNameNoIdentityNumberAndNoFreeTextInAnyFormat() throws Exception {
		reportInVoice(FREE_TEXT);
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		Snapshot snapshot = this.snapshots.take(demo, Quarter.of(ServerDay.today()).previous(), null,
				"ov-report test " + System.nanoTime());
		List<String> names = this.jdbc.sql("select name from staff where organisation_id = :org")
			.param("org", demo.id())
			.query(String.class)
			.list();
		assertThat(names).hasSizeGreaterThan(10);

		for (Locale locale : List.of(Locale.forLanguageTag("sv"), Locale.ENGLISH)) {
			CommitteeReport report = this.reports.report(demo, snapshot, locale);
			for (Format format : Format.values()) {
				byte[] bytes = this.renderer.render(report, format);
				String text = switch (format) {
					case PDF -> CommitteeReportTests.pdfText(bytes);
					case XLSX -> String.join("\n",
							CommitteeReportTests.xlsx(bytes).stream().map((row) -> String.join(";", row)).toList());
					default -> new String(bytes, StandardCharsets.UTF_8);
				};
				text = CommitteeReportTests.normalised(text);
				assertThat(text).as("%s %s", format, locale).isNotBlank().doesNotContain(FREE_TEXT);
				assertThat(text).as("%s %s: a personal identity number", format, locale)
					.doesNotContainPattern("\\b(19|20)?[0-9]{6}[-+]?[0-9]{4}\\b");
				for (String name : names) {
					assertThat(text).as("%s %s", format, locale).doesNotContain(name);
				}
			}
		}
	}

	@Test
	void thePartiesReadTheReportAndDownloadItInEveryFormat() throws Exception {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		Snapshot snapshot = this.snapshots.take(demo, Quarter.of(ServerDay.today()).previous(), null,
				"ov-report web test " + System.nanoTime());
		String path = "/overview/reports/" + snapshot.id();

		String page = this.mvc.perform(get(path).with(user(this.accounts.loadUserByUsername("union"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("main h1").text())
			.isEqualTo("Rapport till nämnden: " + demo.name() + ", " + snapshot.quarter());
		assertThat(page).contains(path + "?format=pdf").contains(path + "?language=en");

		for (String format : List.of("pdf", "html", "csv", "xlsx")) {
			MvcResult result = this.mvc
				.perform(get(path).param("format", format).with(user(this.accounts.loadUserByUsername("committee"))))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(format).isEqualTo(200);
			assertThat(result.getResponse().getHeader("Content-Disposition")).as(format)
				.contains("committee-report-" + snapshot.quarter() + "-v" + snapshot.version() + "-sv." + format);
		}
		MvcResult english = this.mvc
			.perform(get(path).param("format", "html")
				.param("language", "en")
				.with(user(this.accounts.loadUserByUsername("hr"))))
			.andReturn();
		assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Committee report: " + demo.name());
		assertThat(
				this.mvc.perform(get(path).param("format", "docx").with(user(this.accounts.loadUserByUsername("hr"))))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(400);
		assertThat(this.mvc.perform(get("/overview/reports/0").with(user(this.accounts.loadUserByUsername("hr"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	/** A report through the public form, as a reporter sends it. */
	private void reportInVoice(String text) throws Exception {
		long channel = this.jdbc.sql("""
				select min(c.id) from voice_channel c join organisation o on o.id = c.organisation_id
				where o.code = 'exempelby'
				""").query(Long.class).single();
		String path = "/report/exempelby/channel/" + channel;
		String form = this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
		Matcher once = Pattern.compile("name=\"once\" value=\"([^\"]+)\"").matcher(form);
		Matcher revision = Pattern.compile("name=\"revision\" value=\"([^\"]+)\"").matcher(form);
		assertThat(once.find() && revision.find()).isTrue();
		long question = this.jdbc.sql("select id from voice_question where channel_id = :c order by position limit 1")
			.param("c", channel)
			.query(Long.class)
			.single();
		int status = this.mvc
			.perform(post(path).param("q." + question, text)
				.param("revision", revision.group(1))
				.param("once", once.group(1))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(200);
	}

}
