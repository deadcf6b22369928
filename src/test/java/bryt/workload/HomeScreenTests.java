package bryt.workload;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Each role's first screen ({@code /}) on an organisation whose figures are worked out by
 * hand. Every capacity is 100 points (full time, experienced, default model):
 *
 * <pre>
 * SOC department
 * ├─ A unit   A1: C1 + C2 (60 + 60) = 120 → over
 * │           A2: C3 (10, one handler of a two-handler type, 5 days past its deadline)
 * │               + half of C6 (5) = 15
 * └─ B unit   B1: C4 + C5 (60 + 60) + half of C6 (5) = 125 → over
 * </pre>
 *
 * A: 135 of 200 points (67.5 %), B: 125 of 100 (over), SOC: 260 of 300 (86.7 %). So the
 * whole organisation has 1 unit (B) and 2 caseworkers (A1, B1) over capacity, 1
 * investigation past its deadline (C3) and 1 two-handler case with one handler (C3).
 * Three months earlier only C3 was open: 10 of 300 points.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeScreenTests {

	@Autowired
	private Workload workload;

	@Autowired
	private Organisations organisations;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private JdbcClient jdbc;

	private Organisation org;

	private LocalDate today;

	private Map<String, Long> units;

	private Map<String, Long> staff;

	@BeforeAll
	void organisation() {
		this.org = this.organisations.create("home-test", "Hemkommun", Country.SE);
		this.today = this.workload.today();
		WorkloadFixture files = new WorkloadFixture(this.mvc, this.org);
		files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				A,Enhet Alfa,SOC,unit
				B,Enhet Beta,SOC,unit
				""");
		files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start
				A1,Anna Alfa,A,social_worker,1,2015-01-01,2020-01-01
				A2,Arne Alfa,A,social_worker,1,2015-01-01,2020-01-01
				B1,Berta Beta,B,social_worker,1,2015-01-01,2020-01-01
				""");
		files.caseTypes("""
				code,name,weight,investigation,two_handlers
				BIG,Stort ärende,60,false,false
				U,Utredning,10,true,true
				""");
		files.cases("case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity\n"
				+ row("C1", "BIG", "A", 10, null, "A1", "") + row("C2", "BIG", "A", 10, null, "A1", "")
				+ row("C3", "U", "A", 200, -5, "A2", "") + row("C4", "BIG", "B", 10, null, "B1", "")
				+ row("C5", "BIG", "B", 10, null, "B1", "") + row("C6", "U", "B", 20, 100, "B1", "A2"));
		this.units = this.organisations.units(this.org.id())
			.stream()
			.collect(Collectors.toMap((unit) -> unit.code(), (unit) -> unit.id()));
		this.staff = this.organisations.staff(this.org.id())
			.stream()
			.collect(Collectors.toMap((member) -> member.employeeNumber(), (member) -> member.id()));
	}

	@Test
	void hrSeesTheWholeOrganisationsAlertsEachLinkingToItsPage() throws Exception {
		Document page = home(account("home-hr", "HR", null));
		String overview = "/workload?at=" + this.today;
		assertThat(value(page, "Units over capacity")).isEqualTo("1: Enhet Beta");
		assertThat(tag(page, "Units over capacity")).isEqualTo("Act");
		assertThat(link(page, "Units over capacity")).isEqualTo(overview);
		assertThat(value(page, "Caseworkers over capacity")).isEqualTo("2");
		assertThat(value(page, "Investigations past their deadline")).isEqualTo("1");
		assertThat(link(page, "Investigations past their deadline")).isEqualTo(overview);
		assertThat(value(page, "LVU cases (and other two-handler types) without a co-handler")).isEqualTo("1");
		// The fixture's uploads just now are the newest import.
		assertThat(value(page, "Newest import")).isEqualTo(this.today + " (today)");
		assertThat(tag(page, "Newest import")).isEqualTo("Fine");
		assertThat(link(page, "Newest import")).isEqualTo("/workload/imports");
		// Four alerts in the banner: units, caseworkers, past deadline, one handler.
		assertThat(page.select(".govuk-notification-banner__heading").text()).isEqualTo("4 figures need acting on");
		assertThat(page.select(".govuk-notification-banner li a").eachAttr("href")).containsOnly(overview);
		assertThat(page.text()).doesNotContain("Your caseload");
	}

	@Test
	void aRepresentativeSeesOnlyTheUnitsTheyRepresent() throws Exception {
		Document alfa = home(account("home-union-a", "UNION_REPRESENTATIVE", "A"));
		// A: 135 of 200, not over; A1 over; C3 past deadline with one handler.
		assertThat(value(alfa, "Units over capacity")).isEqualTo("None");
		assertThat(tag(alfa, "Units over capacity")).isEqualTo("Fine");
		assertThat(value(alfa, "Caseworkers over capacity")).isEqualTo("1");
		assertThat(value(alfa, "Investigations past their deadline")).isEqualTo("1");
		assertThat(value(alfa, "LVU cases (and other two-handler types) without a co-handler")).isEqualTo("1");
		Document beta = home(account("home-union-b", "UNION_REPRESENTATIVE", "B"));
		assertThat(value(beta, "Units over capacity")).isEqualTo("1: Enhet Beta");
		assertThat(value(beta, "Caseworkers over capacity")).isEqualTo("1");
		assertThat(value(beta, "Investigations past their deadline")).isEqualTo("0");
		assertThat(value(beta, "LVU cases (and other two-handler types) without a co-handler")).isEqualTo("0");
		// Neither sees the organisation's key figures or another unit's name.
		assertThat(beta.text()).doesNotContain("Key figures").doesNotContain("Enhet Alfa");
		assertThat(alfa.text()).doesNotContain("Key figures");
	}

	@Test
	void theCommitteeSeesTheKeyFiguresBesideThoseOfThreeMonthsEarlier() throws Exception {
		Document page = home(account("home-committee", "COMMITTEE_MEMBER", null));
		LocalDate earlier = this.today.minusMonths(3);
		assertThat(value(page, "Compared with")).isEqualTo(earlier.toString());
		assertThat(link(page, "Compared with")).isEqualTo("/workload?at=" + earlier);
		assertThat(value(page, "Staff")).isEqualTo("3 (then 3, change +0)");
		// 260 of 300 points now, 10 of 300 then: 86.7 % and 3.3 %, shown as 87 % and 3 %;
		// the change is that of the shown figures, 87 − 3 = 84 percentage points up.
		assertThat(value(page, "Load against capacity")).isEqualTo("87% (then 3%, change +84 percentage points)");
		assertThat(value(page, "Two-handler cases without a co-handler")).isEqualTo("1 (then 1, change +0)");
		// No alerts of the units and no worker: the committee sees aggregates only.
		assertThat(page.text()).doesNotContain("Caseworkers over capacity").doesNotContain("Anna Alfa");
		assertThat(page.select(".govuk-notification-banner")).isEmpty();
	}

	@Test
	void aSocialWorkerSeesTheirOwnLoadAndTheWayToReportAnonymously() throws Exception {
		Document page = home(account("home-staff-a2", "STAFF", null, this.staff.get("A2")));
		assertThat(value(page, "Load")).isEqualTo("15 of 100 points");
		assertThat(link(page, "Load")).isEqualTo("/workload/workers/" + this.staff.get("A2") + "?at=" + this.today);
		assertThat(value(page, "Load against capacity")).isEqualTo("15%, room left");
		assertThat(tag(page, "Load against capacity")).isEqualTo("Fine");
		assertThat(value(page, "Open cases")).isEqualTo("2");
		assertThat(link(page, "Anonymous report")).isEqualTo("/report");
		// Nobody else's figures.
		assertThat(page.text()).doesNotContain("Units over capacity")
			.doesNotContain("Caseworkers over capacity")
			.doesNotContain("Anna Alfa")
			.doesNotContain("Key figures");
	}

	@Test
	void anImportOlderThanFourteenDaysOrNoneIsAnAlert() throws Exception {
		Organisation empty = this.organisations.create("home-empty", "Tomkommun", Country.SE);
		Document never = home(account(empty, "home-hr-empty", "HR", null, null));
		assertThat(value(never, "Newest import")).isEqualTo("No import yet");
		assertThat(never.select(".govuk-notification-banner li").eachText()).contains("Newest import: No import yet");
		this.jdbc.sql("""
				insert into import_run (organisation_id, kind, finished_at)
				values (:org, 'cases', now() - interval '15 days')
				""").param("org", empty.id()).update();
		Document stale = home(account(empty, "home-hr-stale", "HR", null, null));
		assertThat(value(stale, "Newest import")).isEqualTo(this.today.minusDays(15) + " (15 days ago)");
		assertThat(tag(stale, "Newest import")).isEqualTo("Act");
	}

	private Document home(String username) throws Exception {
		String html = this.mvc
			.perform(get("/").locale(Locale.ENGLISH).with(user(this.users.loadUserByUsername(username))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	/** The value beside the label, without its tag. */
	private static String value(Document page, String label) {
		return row(page, label).selectFirst("dd span").text();
	}

	/** The tag beside the value, empty for none. */
	private static String tag(Document page, String label) {
		Element tag = row(page, label).selectFirst("dd strong.govuk-tag");
		return (tag != null) ? tag.text() : "";
	}

	private static String link(Document page, String label) {
		return row(page, label).selectFirst("dd a").attr("href");
	}

	private static Element row(Document page, String label) {
		Element key = page.select("dt.govuk-summary-list__key")
			.stream()
			.filter((dt) -> dt.text().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row " + label + " in " + page.select("dt").eachText()));
		return key.parent();
	}

	private String account(String username, String role, String unit) {
		return account(this.org, username, role, unit, null);
	}

	private String account(String username, String role, String unit, Long staffId) {
		return account(this.org, username, role, unit, staffId);
	}

	/** An account with one role, covering one unit, perhaps linked to a staff member. */
	private String account(Organisation organisation, String username, String role, String unit, Long staffId) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, staff_id)
				values (:org, :username, :username, '{noop}unused', array[:role], :staff) returning id
				""")
			.param("org", organisation.id())
			.param("username", username)
			.param("role", role)
			.param("staff", staffId)
			.query(Long.class)
			.single();
		if (unit != null) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", organisation.id())
				.param("id", id)
				.param("unit", this.units.get(unit))
				.update();
		}
		return username;
	}

	/** A case row; the deadline in days from today, empty for none. */
	private String row(String ref, String type, String unit, int openedDaysAgo, Integer deadlineInDays, String handler,
			String coHandler) {
		return String.join(",", ref, type, unit, this.today.minusDays(openedDaysAgo).toString(), "",
				(deadlineInDays != null) ? this.today.plusDays(deadlineInDays).toString() : "", handler, coHandler, "1")
				+ "\n";
	}

}
