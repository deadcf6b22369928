package bryt.overview;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import bryt.BrytTest;
import bryt.MailTest;
import bryt.organisation.Country;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outsider review's findings on the overview (ovtrust): a recalculation waits for
 * both sides while the signed version stays the quarter's report, and the other side is
 * told; a recalculation with the same figures is refused; a sign-off confirms the version
 * read and records it; a comment naming a person of the organisation is refused; a
 * definition's legal reference follows the organisation's country. Mail goes to
 * GreenMail.
 */
@BrytTest
class OverviewTrustTests extends MailTest {

	private static final Quarter Q4_2025 = new Quarter(2025, 4);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CommitteeReports reports;

	private OverviewFixture fixture;

	private long a;

	/** A unit apart, for the staff that carry the accounts' addresses and names. */
	private long other;

	private String hr;

	private String union;

	@BeforeEach
	void organisation() {
		this.fixture = new OverviewFixture(this.organisations, this.jdbc);
		this.a = this.fixture.unit("A");
		this.fixture.staff(this.a, "SOCIAL_WORKER");
		this.fixture.staff(this.a, "FIRST_LINE_LEAD");
		this.other = this.fixture.unit("B");
		this.hr = this.fixture.account("hr", "HR", 0);
		this.union = this.fixture.account("union", "UNION_REPRESENTATIVE", 31, this.a);
	}

	@Test
	void aRecalculationWaitsForBothSidesWhileTheSignedVersionStaysTheReportAndTheOtherSideIsTold() throws Exception {
		// the unions' two accounts and a second HR account have work addresses; only the
		// unions' are told
		address(this.union, "union@ovtrust.example");
		address(this.fixture.account("safety", "SAFETY_REPRESENTATIVE", 31, this.a), "safety@ovtrust.example");
		address(this.fixture.account("hr2", "HR", 0), "hr2@ovtrust.example");
		Snapshot first = this.snapshots.take(this.fixture.organisation, Q4_2025, null, null);
		signBoth(first);

		// the same figures: refused with a message, no version 2, nobody told
		Document refused = html(
				as(this.hr, post("/overview/snapshots").param("quarter", "2025-Q4").param("reason", "Just in case")));
		assertThat(refused.title()).startsWith("Error:");
		assertThat(refused.select("#quarter-error").text()).contains("equal those of version 1");
		assertThat(this.snapshots.newestVersion(this.fixture.organisation.id(), Q4_2025)).isEqualTo(1);
		assertThat(smtp.getReceivedMessages()).isEmpty();

		// a second social worker: staff per lead goes from 1 / 1 = 1.0 to 2 / 1 = 2.0
		this.fixture.staff(this.a, "SOCIAL_WORKER");
		as(this.hr, post("/overview/snapshots").param("quarter", "2025-Q4").param("reason", "A worker was missing"))
			.andExpect(redirectedUrlPattern("/overview/snapshots/*"));
		Snapshot second = this.snapshots.latest(this.fixture.organisation.id(), Q4_2025).orElseThrow();
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.figure("workload.staffPerLead", this.a).orElseThrow().value()).isEqualTo(2.0);

		// the page, the API, the report's version and the home card keep version 1
		String overview = "/overview?unit=" + this.a + "&quarter=2025-Q4&lang=en";
		Document page = html(as(this.union, get(overview)));
		assertThat(page.select("#status").text()).contains("snapshot version 1");
		assertThat(page.select("#figure-workload-staffPerLead > p").first().text()).endsWith("1.0");
		assertThat(page.select("#waiting").text()).contains("A recalculation of")
			.contains("version 2")
			.contains("HR")
			.contains("waits for both sides' review")
			.contains("the quarter's report is version 1");
		assertThat(page.select("#waiting a").attr("href")).isEqualTo("/overview/snapshots/" + second.id());
		as(this.union, get("/api/v1/organisations/" + this.fixture.organisation.code() + "/overview?quarter=2025-Q4"))
			.andExpect(jsonPath("$.snapshot.version").value(1))
			.andExpect(jsonPath("$.waiting.version").value(2))
			.andExpect(jsonPath("$.waiting.takenBy").value("HR"))
			.andExpect(jsonPath("$.figures[?(@.key == 'workload.staffPerLead' && @.unitId == " + this.a + ")].value")
				.value(1.0));
		assertThat(this.snapshots.current(this.fixture.organisation.id(), Q4_2025).orElseThrow().version())
			.isEqualTo(1);
		// the signed version's report page says a recalculation was taken since; the
		// recalculation's own report page does not
		Document report = html(as(this.union, get("/overview/reports/" + first.id() + "?lang=en")));
		assertThat(report.select("#report-newer").text()).contains("This report is of version 1 of the quarter")
			.contains("Version 2, a recalculation")
			.contains("the signed version stays the quarter's report");
		assertThat(report.select("#report-newer a").attr("href")).isEqualTo("/overview?quarter=2025-Q4");
		assertThat(html(as(this.union, get("/overview/reports/" + second.id() + "?lang=en"))).select("#report-newer"))
			.isEmpty();
		Document home = html(as(this.union, get("/?lang=en")));
		assertThat(home.select(".govuk-summary-list__row:has(dt:containsOwn(Recalculations waiting)) dd a span")
			.first()
			.text()).isEqualTo("1");

		// the unions' two addresses, each once: a link, no figure and no reason
		assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(Arrays.stream(mails).map(OverviewTrustTests::to).toList())
			.containsExactlyInAnyOrder("union@ovtrust.example", "safety@ovtrust.example");
		for (MimeMessage mail : mails) {
			assertThat(mail.getSubject()).contains("2025-Q4");
			String body = ((String) mail.getContent());
			assertThat(body).contains("/overview/snapshots/" + second.id())
				.contains("version 2")
				.doesNotContain("A worker was missing")
				.doesNotContain("2.0");
		}

		// once both sign version 2, it is the report
		signBoth(second);
		Document after = html(as(this.union, get(overview)));
		assertThat(after.select("#status").text()).contains("snapshot version 2");
		assertThat(after.select("#figure-workload-staffPerLead > p").first().text()).endsWith("2.0");
		assertThat(after.select("#waiting")).isEmpty();
		assertThat(html(as(this.union, get("/?lang=en"))).text()).doesNotContain("Recalculations waiting");
	}

	@Test
	void aSignOffComesAfterTheFiguresAsksForTheVersionReadAndRecordsIt() throws Exception {
		Snapshot snapshot = this.snapshots.take(this.fixture.organisation, Q4_2025, null, null);
		String base = "/overview/snapshots/" + snapshot.id();
		Document page = html(as(this.hr, get(base + "?lang=en")));
		String html = page.select("main").outerHtml();
		// after the figures and the definitions
		assertThat(html.indexOf("id=\"sign-off-form\"")).isGreaterThan(html.indexOf("id=\"definitions\""))
			.isGreaterThan(html.indexOf("snapshot-workload"));
		assertThat(page.select("label[for=confirmed]").text())
			.isEqualTo("I have read the figures of quarter 2025-Q4, version 1");

		// without the box: refused by the box, nothing recorded
		Document unconfirmed = html(as(this.hr, post(base + "/employer/sign-off?lang=en").param("version", "1")));
		assertThat(unconfirmed.title()).startsWith("Error:");
		assertThat(unconfirmed.select("#confirmed-error").text()).contains("Tick the box").contains("version 1");
		// a crafted version: refused
		Document other = html(as(this.hr,
				post(base + "/employer/sign-off?lang=en").param("confirmed", "true").param("version", "2")));
		assertThat(other.select("#refused").text()).contains("another version");
		assertThat(reviews(snapshot.id())).isZero();

		as(this.hr, post(base + "/employer/sign-off").param("confirmed", "true").param("version", "1"))
			.andExpect(redirectedUrl(base));
		assertThat(this.jdbc.sql("select version from overview_review where snapshot_id = :id")
			.param("id", snapshot.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the database holds a sign-off to its snapshot's version
		long union = this.jdbc.sql("select id from account where username = :u")
			.param("u", this.union)
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into overview_review (snapshot_id, version, side, reviewed_by, reviewed_on)
				values (:id, 7, 'UNION', :account, current_date)
				""").param("id", snapshot.id()).param("account", union).update())
			.hasMessageContaining("version of its own snapshot");
	}

	@Test
	void aCommentOrReasonNamingAPersonOfTheOrganisationIsRefusedWithoutShowingTheName() throws Exception {
		staffNamed("Åsa Lindström");
		OverviewFixture other = new OverviewFixture(this.organisations, this.jdbc);
		other.account("elsewhere", "HR", 0);
		Snapshot snapshot = this.snapshots.take(this.fixture.organisation, Q4_2025, null, null);
		String base = "/overview/snapshots/" + snapshot.id();
		// a staff member's name in any case and without accents, surname first, and an
		// account's display name ("Person union", the fixture's)
		// ("Åsa Lindströms sjukskrivning": the genitive, the late evening's outsider
		// review)
		for (String named : List.of("Thanks to asa LINDSTROM for the import.", "Lindström, Åsa checked it.",
				"We asked person Union.", "Åsa Lindströms sjukskrivning förklarar siffrorna.")) {
			Document refused = html(as(this.hr, post(base + "/employer/comment?lang=en").param("body", named)));
			assertThat(refused.select("#body-error").text()).as(named).contains("names a person of the organisation");
			assertThat(refused.outerHtml()).as(named)
				.doesNotContainIgnoringCase("lindstr")
				.doesNotContainIgnoringCase("asked person");
		}
		assertThat(this.jdbc.sql("select count(*) from overview_comment where snapshot_id = :id")
			.param("id", snapshot.id())
			.query(Integer.class)
			.single()).isZero();
		// whole words only, and another organisation's people are not this one's
		for (String fine : List.of("Lindströmsgatan and Åsa's team are fine.", "Person elsewhere agrees.")) {
			as(this.hr, post(base + "/employer/comment").param("body", fine)).andExpect(redirectedUrl(base));
		}
		// a personnummer in Arabic-Indic digits: the identity-number guard
		Document number = html(as(this.hr, post(base + "/employer/comment?lang=en").param("body",
				"About \u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666")));
		assertThat(number.select("#body-error").text()).contains("personal identity number");
		// the reason of a recalculation is printed too
		this.fixture.staff(this.a, "SOCIAL_WORKER");
		Document reason = html(as(this.hr, post("/overview/snapshots?lang=en").param("quarter", "2025-Q4")
			.param("reason", "Åsa Lindström found a missing worker")));
		assertThat(reason.select("#reason-error").text()).contains("names a person of the organisation");
		assertThat(reason.outerHtml()).doesNotContainIgnoringCase("lindstr");
		assertThat(this.snapshots.newestVersion(this.fixture.organisation.id(), Q4_2025)).isEqualTo(1);
	}

	@Test
	void aDefinitionsLegalReferenceFollowsTheOrganisationsCountryNotTheReadersLanguage() throws Exception {
		OverviewFixture danish = new OverviewFixture(this.organisations, this.jdbc, "Overblik kommune", Country.DK);
		long unit = danish.unit("A");
		danish.staff(unit, "SOCIAL_WORKER");
		String danishHr = danish.account("hr", "HR", 0);
		String key = "#definition-workload-investigationsPastDeadline";
		for (String language : List.of("sv", "da", "en")) {
			String swedishText = html(as(this.hr, get("/help/overview?lang=" + language))).select(key).text();
			assertThat(swedishText).as(language).contains("SoL 11:2").doesNotContain("barnets lov");
			String danishText = html(as(danishHr, get("/help/overview?lang=" + language))).select(key).text();
			assertThat(danishText).as(language).contains("barnets lov § 20").doesNotContain("SoL");
		}
		// the overview page and a snapshot's page, read in Swedish at the Danish
		// organisation
		Document page = html(as(danishHr, get("/overview?quarter=2025-Q4&lang=sv")));
		assertThat(page.select("#figure-workload-investigationsPastDeadline details").first().text())
			.contains("barnets lov § 20")
			.doesNotContain("SoL");
		Snapshot snapshot = this.snapshots.take(danish.organisation, Q4_2025, null, null);
		assertThat(html(as(danishHr, get("/overview/snapshots/" + snapshot.id() + "?lang=sv"))).select("#definitions")
			.text()).contains("barnets lov § 20").doesNotContain("SoL 11:2");
		// the committee report in English: its annex too
		CommitteeReport report = this.reports.report(danish.organisation, snapshot, Locale.ENGLISH);
		assertThat(report.definitions()).filteredOn((line) -> line.text().contains("four months"))
			.singleElement()
			.satisfies((line) -> assertThat(line.text()).contains("barnets lov § 20").doesNotContain("SoL"));
	}

	@Test
	void theOverviewsWideTablesSayTheyScrollSideways() throws Exception {
		Document page = html(as(this.hr, get("/overview?lang=sv")));
		assertThat(page.select(".bryt-scroll-hint")).isNotEmpty();
		page.select(".bryt-scroll-hint").forEach((hint) -> {
			assertThat(hint.text()).isEqualTo("Skrolla tabellen i sidled för att se alla kolumner.");
			// right above its table's labelled, focusable region
			assertThat(hint.nextElementSibling().is("div.bryt-table-scroll[tabindex=0][role=region][aria-label]"))
				.isTrue();
		});
	}

	private void signBoth(Snapshot snapshot) throws Exception {
		String base = "/overview/snapshots/" + snapshot.id();
		String version = Integer.toString(snapshot.version());
		as(this.hr, post(base + "/employer/sign-off").param("confirmed", "true").param("version", version))
			.andExpect(redirectedUrl(base));
		as(this.union, post(base + "/union/sign-off").param("confirmed", "true").param("version", version))
			.andExpect(redirectedUrl(base));
	}

	/** Links the account to a staff member with the work address. */
	private void address(String username, String email) {
		long staff = this.jdbc
			.sql("""
					insert into staff (organisation_id, employee_number, name, unit_id, role, fte, experience_start,
						employment_start, work_email)
					values (:org, :number, :number, :unit, 'SOCIAL_WORKER', 1.0, date '2024-01-01', date '2024-01-01', :email)
					returning id
					""")
			.param("org", this.fixture.organisation.id())
			.param("number", "m" + System.nanoTime())
			.param("unit", this.other)
			.param("email", email)
			.query(Long.class)
			.single();
		this.jdbc.sql("update account set staff_id = :staff where username = :u")
			.param("staff", staff)
			.param("u", username)
			.update();
	}

	private void staffNamed(String name) {
		this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, experience_start,
					employment_start)
				values (:org, :number, :name, :unit, 'SOCIAL_WORKER', 1.0, date '2024-01-01', date '2024-01-01')
				""")
			.param("org", this.fixture.organisation.id())
			.param("number", "s" + System.nanoTime())
			.param("name", name)
			.param("unit", this.other)
			.update();
	}

	/**
	 * The evening's second outsider review: a representative's account linked to the
	 * employer's identity provider, standing through its holder's own password, signed
	 * for the unions from a session that logged in through the employer's provider, which
	 * the employer's IT controls. Refused; the same account from a password session
	 * signs.
	 */
	@Test
	void theUnionsSignOffIsRefusedFromASessionThroughTheEmployersProvider() throws Exception {
		Snapshot snapshot = this.snapshots.take(this.fixture.organisation, Q4_2025, null, null);
		String base = "/overview/snapshots/" + snapshot.id();
		bryt.shared.security.OidcLogin throughEmployer = bryt.EmployerProviderSession.of(this.jdbc,
				this.fixture.organisation.id(), this.fixture.organisation.code() + "-e",
				this.accounts.loadUserByUsername(this.union));

		Document refused = html(this.mvc.perform(post(base + "/union/sign-off?lang=en").param("confirmed", "true")
			.param("version", "1")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.authentication(throughEmployer))
			.with(csrf())));
		assertThat(refused.select("#refused").text())
			.contains("you logged in through the employer's identity provider");
		assertThat(reviews(snapshot.id())).isZero();

		as(this.union, post(base + "/union/sign-off").param("confirmed", "true").param("version", "1"))
			.andExpect(redirectedUrl(base));
		assertThat(reviews(snapshot.id())).isOne();
	}

	private int reviews(long snapshotId) {
		return this.jdbc.sql("select count(*) from overview_review where snapshot_id = :id")
			.param("id", snapshotId)
			.query(Integer.class)
			.single();
	}

	private static String to(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(this.accounts.loadUserByUsername(username))).with(csrf()));
	}

	private static Document html(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

}
