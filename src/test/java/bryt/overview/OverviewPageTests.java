package bryt.overview;

import java.time.LocalDate;
import java.util.List;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The joint overview page and its API, read by each side, against figures counted by
 * hand.
 *
 * <pre>
 * Organisation "Overview town" with units A and B (no parent), everyone from 2024-01-01,
 * nobody left:
 *   A: four social workers and one first-line lead     B: two social workers
 * workload.staffPerLead   A 4 / 1 = 4.0   B no lead: no data   organisation 6 / 1 = 6.0
 * workload.turnover       A 0 / 5 = 0 %   B 0 / 2 = 0 %
 * After 2025-Q4's snapshot a second lead joins A (from 2024-01-01): A live 4 / 2 = 2.0,
 * the snapshot keeps 4.0.
 * </pre>
 */
@BrytTest
class OverviewPageTests {

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

	private OverviewFixture fixture;

	private long a;

	private long b;

	@BeforeEach
	void organisation() {
		this.fixture = new OverviewFixture(this.organisations, this.jdbc);
		this.a = this.fixture.unit("A");
		this.b = this.fixture.unit("B");
		for (int i = 0; i < 4; i++) {
			this.fixture.staff(this.a, "SOCIAL_WORKER");
		}
		this.fixture.staff(this.a, "FIRST_LINE_LEAD");
		this.fixture.staff(this.b, "SOCIAL_WORKER");
		this.fixture.staff(this.b, "SOCIAL_WORKER");
	}

	@Test
	void theEmployerSeesEveryUnitAndTheOrganisationEachFigureInTheirLanguage() throws Exception {
		String hr = this.fixture.account("hr", "HR", 0);

		Document english = page(hr, "/overview?unit=" + this.a + "&lang=en");
		assertThat(value(english, "workload-staffPerLead")).isEqualTo("Unit A: 4.0");
		assertThat(value(english, "workload-turnover")).isEqualTo("Unit A: 0%");
		assertThat(row(english, "#units-workload", "Overview town (whole organisation)", "workload.staffPerLead"))
			.isEqualTo("6.0");
		assertThat(row(english, "#units-workload", "Unit A", "workload.staffPerLead")).isEqualTo("4.0");
		assertThat(row(english, "#units-workload", "Unit B", "workload.staffPerLead")).isEqualTo("No data");
		// each unit's row leads to that unit's overview of the same quarter
		assertThat(english.select("#units-workload tbody tr th a").eachAttr("href"))
			.contains("/overview?unit=" + this.b + "&quarter=" + Quarter.of(ServerDay.today()));
		assertThat(english.select("#unit option")).extracting(Element::text)
			.containsExactly("Overview town (whole organisation)", "Unit A", "Unit B");
		// each figure's definition on the page, with its version
		assertThat(english.select("#figure-workload-staffPerLead details").first().text())
			.contains("divided by the first-line leads")
			.contains("Definition version 1");
		// the trend: eight quarters up to this one, each with its table and chart
		Quarter now = Quarter.of(ServerDay.today());
		Quarter first = now.previous().previous().previous().previous().previous().previous().previous();
		assertThat(english.select("#table-workload-staffPerLead tbody tr th")).extracting(Element::text)
			.containsExactlyElementsOf(first.through(now).stream().map(Quarter::toString).toList());
		assertThat(english.select("#figure-workload-staffPerLead svg[role=img]")).hasSize(1);

		Document swedish = page(hr, "/overview?unit=" + this.a + "&lang=sv");
		assertThat(value(swedish, "workload-staffPerLead")).isEqualTo("Unit A: 4,0");
		// Swedish writes a (non-breaking) space before the per cent sign
		assertThat(value(swedish, "workload-turnover").replaceAll("[\u00a0\u202f]", " ")).isEqualTo("Unit A: 0 %");
		assertThat(row(swedish, "#units-workload", "Unit B", "workload.staffPerLead")).isEqualTo("Inget underlag");
		Document danish = page(hr, "/overview?unit=0&lang=da");
		assertThat(value(danish, "workload-staffPerLead")).isEqualTo("Overview town (hele organisationen): 6,0");
	}

	@Test
	void aUnionRepresentativeSeesTheUnitsTheyCoverAndNoOrganisationTotal() throws Exception {
		String union = this.fixture.account("union", "UNION_REPRESENTATIVE", 0, this.a);
		Document page = page(union, "/overview?lang=en");
		assertThat(page.select("#unit option")).extracting(Element::text).containsExactly("Unit A");
		assertThat(value(page, "workload-staffPerLead")).isEqualTo("Unit A: 4.0");
		assertThat(page.select("#units-workload tbody tr th")).extracting(Element::text).containsExactly("Unit A");
		assertThat(page.text()).doesNotContain("whole organisation").doesNotContain("Unit B");

		// a unit they do not cover, asked for by address: their own unit instead, said so
		Document crafted = page(union, "/overview?unit=" + this.b + "&lang=en");
		assertThat(crafted.select("#unit-error").text()).contains("not one you can see");
		assertThat(value(crafted, "workload-staffPerLead")).isEqualTo("Unit A: 4.0");
		assertThat(crafted.text()).doesNotContain("Unit B");

		String manager = this.fixture.account("manager", "MANAGER", 0, this.b);
		assertThat(page(manager, "/overview?lang=en").select("#units-workload tbody tr th")).extracting(Element::text)
			.containsExactly("Unit B");
		String committee = this.fixture.account("committee", "COMMITTEE_MEMBER", 0);
		assertThat(page(committee, "/overview?lang=en").select("#unit option")).hasSize(3);
		String staff = this.fixture.account("staff", "STAFF", 0);
		this.mvc.perform(get("/overview").with(user(this.accounts.loadUserByUsername(staff))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anEndedQuarterShowsItsNewestSnapshotAndTheRunningQuarterLiveFigures() throws Exception {
		String hr = this.fixture.account("hr", "HR", 0);
		Snapshot snapshot = this.snapshots.take(this.fixture.organisation, Q4_2025, null, null);
		this.fixture.staff(this.a, "FIRST_LINE_LEAD");

		Document ended = page(hr, "/overview?unit=" + this.a + "&quarter=2025-Q4&lang=en");
		assertThat(value(ended, "workload-staffPerLead")).isEqualTo("Unit A: 4.0");
		assertThat(ended.select("#status").text()).contains("snapshot version 1");
		assertThat(ended.select("#status a").attr("href")).isEqualTo("/overview/snapshots/" + snapshot.id());

		Document running = page(hr, "/overview?unit=" + this.a + "&lang=en");
		assertThat(value(running, "workload-staffPerLead")).isEqualTo("Unit A: 2.0");
		assertThat(running.select("#status").text()).contains("live figures");
		// the trend: 2025-Q4 from its snapshot, the running quarter live
		Element q4 = running.select("#table-workload-staffPerLead tbody tr:has(th:containsOwn(2025-Q4))").first();
		assertThat(q4.select("td")).extracting(Element::text).containsExactly("4.0", "Snapshot version 1");
		Element last = running.select("#table-workload-staffPerLead tbody tr").last();
		assertThat(last.select("td")).extracting(Element::text).containsExactly("2.0", "Live");

		// the download holds the page's table
		String csv = this.mvc
			.perform(get("/overview?unit=" + this.a + "&quarter=2025-Q4&export=workload&format=csv&lang=en")
				.with(user(this.accounts.loadUserByUsername(hr))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("Unit A").contains("4.0").contains("No data");
	}

	@Test
	void aMalformedOrFutureQuarterShowsThisQuarterWithAMessage() throws Exception {
		String hr = this.fixture.account("hr", "HR", 0);
		for (String quarter : List.of("2099-Q1", "2026-Q9", "<b>", "1999-Q4")) {
			Document page = page(hr, "/overview?lang=en&quarter="
					+ java.net.URLEncoder.encode(quarter, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(page.select("#quarter-error").text()).as(quarter).contains("Choose a quarter from the list");
			assertThat(page.select("#quarter option[selected]").text())
				.isEqualTo(Quarter.of(ServerDay.today()).toString());
		}
	}

	@Test
	void theApiGivesTheSnapshotOrLiveFiguresWithDefinitionsCommentsAndSignOffsToWhomTheyAreVisible() throws Exception {
		String hr = this.fixture.account("hr", "HR", 0);
		String union = this.fixture.account("union", "UNION_REPRESENTATIVE", 0, this.a);
		String staff = this.fixture.account("staff", "STAFF", 0);
		Snapshot snapshot = this.snapshots.take(this.fixture.organisation, Q4_2025, null, null);
		this.fixture.staff(this.a, "FIRST_LINE_LEAD");
		String api = "/api/v1/organisations/" + this.fixture.organisation.code() + "/overview";

		this.mvc.perform(get(api + "?quarter=2025-Q4").with(user(this.accounts.loadUserByUsername(hr))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.live").value(false))
			.andExpect(jsonPath("$.quarter").value("2025-Q4"))
			.andExpect(jsonPath("$.asOf").value("2025-12-31"))
			.andExpect(jsonPath("$.snapshot.id").value(snapshot.id()))
			.andExpect(jsonPath("$.snapshot.version").value(1))
			.andExpect(jsonPath("$.snapshot.takenBy").value("JOB"))
			.andExpect(jsonPath("$.definitions[?(@.key == 'workload.staffPerLead')].format").value("DECIMAL"))
			.andExpect(jsonPath("$.definitions[?(@.key == 'workload.staffPerLead')].version").value(1))
			.andExpect(jsonPath("$.units[*].id").value(org.hamcrest.Matchers.contains(0, (int) this.a, (int) this.b)))
			.andExpect(jsonPath("$.figures[?(@.key == 'workload.staffPerLead' && @.unitId == " + this.a + ")].value")
				.value(4.0))
			.andExpect(jsonPath("$.figures[?(@.key == 'workload.staffPerLead' && @.unitId == 0)].value").value(6.0))
			.andExpect(jsonPath("$.figures[?(@.key == 'workload.staffPerLead' && @.unitId == " + this.b + ")].hidden")
				.value("NO_DATA"))
			.andExpect(jsonPath("$.comments").isEmpty())
			.andExpect(jsonPath("$.reviews").isEmpty());

		// the running quarter, live; the union representative sees unit A only
		this.mvc.perform(get(api).with(user(this.accounts.loadUserByUsername(union))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.live").value(true))
			.andExpect(jsonPath("$.snapshot").doesNotExist())
			.andExpect(jsonPath("$.units[*].id").value(org.hamcrest.Matchers.contains((int) this.a)))
			.andExpect(jsonPath("$.figures[?(@.unitId != " + this.a + ")]").isEmpty())
			.andExpect(jsonPath("$.figures[?(@.key == 'workload.staffPerLead')].value").value(2.0));

		// a token sees everything
		this.mvc.perform(get(api + "?quarter=2025-Q4").header("Authorization", "Bearer " + this.fixture.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.units[0].id").value(0));

		for (String bad : List.of("2025-Q5", "2025Q4", "2099-Q1", "1999-Q4")) {
			this.mvc.perform(get(api).param("quarter", bad).with(user(this.accounts.loadUserByUsername(hr))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("yyyy-Qn")));
		}
		this.mvc.perform(get(api).with(user(this.accounts.loadUserByUsername(staff))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/organisations/no-such-org/overview").with(user(this.accounts.loadUserByUsername(hr))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/organisations/exempelby/overview").with(user(this.accounts.loadUserByUsername(hr))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theHomeCardCountsSnapshotsWaitingForTheSidesSignOffAndTheHelpPageListsEveryDefinition() throws Exception {
		String hr = this.fixture.account("hr", "HR", 0);
		String committee = this.fixture.account("committee", "COMMITTEE_MEMBER", 0);
		Quarter last = Quarter.of(ServerDay.today()).previous();
		this.snapshots.take(this.fixture.organisation, last, null, null);
		this.snapshots.take(this.fixture.organisation, last, null, "Again");
		// one quarter, its newest version unsigned: 1 (the older version does not count)
		Document home = page(hr, "/?lang=en");
		assertThat(home.select(".govuk-summary-list__row:has(dt:containsOwn(waiting for the employer)) dd a span")
			.first()
			.text()).isEqualTo("1");
		assertThat(page(committee, "/?lang=en").text()).contains("Joint overview")
			.doesNotContain("waiting for the employer's sign-off");
		Document help = page(hr, "/help/overview?lang=en");
		assertThat(help.select("#definition-workload-staffPerLead").text())
			.contains("Social workers per first-line lead")
			.contains("divided by the first-line leads")
			.contains("Definition version 1");
	}

	private Document page(String username, String address) throws Exception {
		String html = this.mvc.perform(get(address).with(user(this.accounts.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	/** The chosen unit's value of a figure, as the page writes it. */
	private static String value(Document page, String id) {
		return page.select("#figure-" + id + " > p").first().text();
	}

	/**
	 * One cell of a units table: the row headed by the unit, the column of the figure.
	 */
	private static String row(Document page, String table, String unit, String key) {
		Element element = page.selectFirst(table);
		List<String> headers = element.select("thead th").eachText();
		int column = -1;
		for (int i = 0; i < headers.size(); i++) {
			if (element.select("thead th").get(i).text().equals(headerOf(page, key))) {
				column = i;
			}
		}
		for (Element tr : element.select("tbody tr")) {
			if (tr.child(0).text().equals(unit)) {
				return tr.child(column).text();
			}
		}
		throw new AssertionError("No row " + unit + " in " + table);
	}

	private static String headerOf(Document page, String key) {
		return page.select("#figure-" + key.replace('.', '-') + " h3").first().text();
	}

}
