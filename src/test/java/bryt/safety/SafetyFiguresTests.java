package bryt.safety;

import java.util.List;

import bryt.BrytTest;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures against a fixture counted by hand (Sweden, Europe/Stockholm). T
 * (department) over A and B.
 *
 * <pre>
 * FTE   A: 5 × 1.0 from 2024; one more 1.0 from 2025-11-15 → Q3 5, Q4 (5 + 5 + 6)/3 = 16/3
 *       B: 2 × 1.0 + 0.5 → 2.5; T = A + B
 * Q3 A  a1 THREAT   07-10 08:00Z ack +2h  support 07-10 (same day)       LVU, two handlers
 *       a2 THREAT   08-05 12:00Z ack +5h  support 08-06 (next day)       LVU, one handler
 *          death threat: serious, due 08-06 12:00Z (24 h) → day 08-06; notified 08-06: on time
 *       a3 VIOLENCE 09-01 06:00Z ack +30h support 09-03 (two days: late)
 *          weapon: serious, due 09-02; notified 09-04: late
 *          actions: due 2025-10-01 open (overdue); waived by both (not); due 2099 open (not);
 *                   waived by the manager only (overdue) → 2 overdue
 *       → 3 incidents, per 10 FTE 6.0; THREAT 2 (4.0), VIOLENCE 1 (2.0); serious 2 (67 %);
 *         notifications 2, on time 1 (50 %); median hours 5 (2, 5, 30); support 2 (67 %);
 *         overdue 2; LVU 2, of which two handlers 1
 * Q3 B  b1 HARASSMENT 07-20, not acknowledged, no support → 1, per 10 FTE 4.0
 * Q3 T itself: five THREATs, not acknowledged, not serious (T's own part: without it, T
 *       less A would give B's single incident and the pass across the units would hide A's
 *       count beside it, docs/safety/figures.md "Hiding across units")
 * Q3 T and the organisation: 9 incidents over 7.5 FTE → 12.0
 * Q4 A  three ONLINE_EXPOSURE: 10-05 23:30Z (01:30 on 10-06 in Stockholm) support 10-07
 *       (the next day in Stockholm, not in UTC), 11-10 09:00Z support 11-10, 12-20 09:00Z
 *       support 12-21; acks +1h, +3h, +4h → median 3; support 3 (100 %); 3 × 10 / (16/3) = 5.625
 * Workload: one open two-handler case in A with one handler since 2025-06-01 → A, T and
 * the organisation 1 in both quarters, B 0.
 * </pre>
 */
@BrytTest
class SafetyFiguresTests {

	private static final Quarter Q3 = new Quarter(2025, 3);

	private static final Quarter Q4 = new Quarter(2025, 4);

	@Autowired
	private SafetyFigures figures;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	private FiguresIncidents fixture;

	private long t;

	private long a;

	private long b;

	@BeforeEach
	void incidents() {
		this.fixture = new FiguresIncidents(this.jdbc, "SE");
		this.t = this.fixture.unit("T", "DEPARTMENT", null);
		this.a = this.fixture.unit("A", "UNIT", this.t);
		this.b = this.fixture.unit("B", "UNIT", this.t);
		long first = this.fixture.staff(this.a, "1.0", "2024-01-01");
		for (int i = 0; i < 4; i++) {
			this.fixture.staff(this.a, "1.0", "2024-01-01");
		}
		this.fixture.staff(this.a, "1.0", "2025-11-15");
		this.fixture.staff(this.b, "1.0", "2024-01-01");
		this.fixture.staff(this.b, "1.0", "2024-01-01");
		this.fixture.staff(this.b, "0.5", "2024-01-01");
		this.fixture.caseWithOneHandler(this.a, first, "2025-06-01");

		long a1 = this.fixture.incident(this.a, "THREAT", "2025-07-10T08:00:00Z", "acknowledged_at",
				"2025-07-10T10:00:00Z", "status", "ACKNOWLEDGED", "case_kind", "LVU", "case_two_handlers", true);
		this.fixture.firstContact(a1, "2025-07-10", "2025-07-10");
		long a2 = this.fixture.incident(this.a, "THREAT", "2025-08-05T12:00:00Z", "acknowledged_at",
				"2025-08-05T17:00:00Z", "status", "ACKNOWLEDGED", "case_kind", "LVU", "case_two_handlers", false,
				"death_threat", true, "authority_notified_on", "2025-08-06");
		this.fixture.firstContact(a2, "2025-08-05", "2025-08-06");
		long a3 = this.fixture.incident(this.a, "PHYSICAL_VIOLENCE", "2025-09-01T06:00:00Z", "acknowledged_at",
				"2025-09-02T12:00:00Z", "status", "ACKNOWLEDGED", "weapon", true, "authority_notified_on",
				"2025-09-04");
		this.fixture.firstContact(a3, "2025-09-01", "2025-09-03");
		this.fixture.action(a3, "2025-10-01", null, null, null);
		this.fixture.action(a3, "2025-10-01", null, "Maja Manager", "Rolf Representative");
		this.fixture.action(a3, "2099-01-01", null, null, null);
		this.fixture.action(a3, "2025-10-01", null, "Maja Manager", null);
		this.fixture.incident(this.b, "HARASSMENT", "2025-07-20T10:00:00Z");
		for (int day = 1; day <= 5; day++) {
			this.fixture.incident(this.t, "THREAT", "2025-08-1" + day + "T10:00:00Z");
		}

		long q41 = this.fixture.incident(this.a, "ONLINE_EXPOSURE", "2025-10-05T23:30:00Z", "acknowledged_at",
				"2025-10-06T00:30:00Z", "status", "ACKNOWLEDGED", "channel", "SOCIAL_MEDIA");
		this.fixture.firstContact(q41, "2025-10-06", "2025-10-07");
		long q42 = this.fixture.incident(this.a, "ONLINE_EXPOSURE", "2025-11-10T09:00:00Z", "acknowledged_at",
				"2025-11-10T12:00:00Z", "status", "ACKNOWLEDGED", "channel", "SOCIAL_MEDIA");
		this.fixture.firstContact(q42, "2025-11-10", "2025-11-10");
		long q43 = this.fixture.incident(this.a, "ONLINE_EXPOSURE", "2025-12-20T09:00:00Z", "acknowledged_at",
				"2025-12-20T13:00:00Z", "status", "ACKNOWLEDGED", "channel", "SOCIAL_MEDIA");
		this.fixture.firstContact(q43, "2025-12-20", "2025-12-21");
	}

	@Test
	void eachFigureAsCountedByHand() {
		List<SafetyFigures.Figures> all = this.figures.figures(this.fixture.organisation, Q3, Q4);
		assertThat(all).extracting(SafetyFigures.Figures::unitId)
			.containsExactly(0L, this.t, this.a, this.b, 0L, this.t, this.a, this.b);
		SafetyFigures.Figures a3 = find(all, Q3, this.a);
		assertThat(a3.fte()).isCloseTo(5.0, within(1e-9));
		assertThat(a3.incidents()).isEqualTo(3);
		assertThat(a3.categories()).containsEntry("THREAT", 2)
			.containsEntry("PHYSICAL_VIOLENCE", 1)
			.containsEntry("HARASSMENT", 0)
			.hasSize(10);
		assertThat(a3.serious()).isEqualTo(2);
		assertThat(a3.notificationsRequired()).isEqualTo(2);
		assertThat(a3.notificationsOnTime()).isEqualTo(1);
		assertThat(a3.acknowledged()).isEqualTo(3);
		assertThat(a3.medianHoursToAcknowledge()).isEqualTo(5.0);
		assertThat(a3.supportWithin24Hours()).isEqualTo(2);
		assertThat(a3.overdueActions()).isEqualTo(2);
		assertThat(a3.lvuIncidents()).isEqualTo(2);
		assertThat(a3.lvuWithTwoHandlers()).isEqualTo(1);
		assertThat(a3.twoHandlerViolations()).isEqualTo(1);
		SafetyFigures.Shown full = SafetyFigures.view(a3, false);
		assertThat(full.incidentsPer10Fte()).isCloseTo(6.0, within(1e-9));
		assertThat(full.categoriesPer10Fte().get("THREAT")).isCloseTo(4.0, within(1e-9));
		assertThat(full.shareSerious()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(full.shareNotificationsOnTime()).isCloseTo(0.5, within(1e-9));
		assertThat(full.shareSupportWithin24Hours()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(full.underThree()).isEmpty();
		assertThat(full.hidden()).isEmpty();

		SafetyFigures.Figures b3 = find(all, Q3, this.b);
		assertThat(b3.fte()).isCloseTo(2.5, within(1e-9));
		assertThat(b3.incidents()).isEqualTo(1);
		assertThat(b3.acknowledged()).isZero();
		assertThat(b3.medianHoursToAcknowledge()).isNull();
		assertThat(b3.supportWithin24Hours()).isZero();
		assertThat(b3.twoHandlerViolations()).isZero();
		assertThat(SafetyFigures.view(b3, false).incidentsPer10Fte()).isCloseTo(4.0, within(1e-9));

		for (long unit : new long[] { 0L, this.t }) {
			SafetyFigures.Figures total = find(all, Q3, unit);
			assertThat(total.fte()).isCloseTo(7.5, within(1e-9));
			assertThat(total.incidents()).isEqualTo(9);
			assertThat(total.categories()).containsEntry("HARASSMENT", 1);
			assertThat(total.medianHoursToAcknowledge()).isEqualTo(5.0);
			assertThat(total.twoHandlerViolations()).isEqualTo(1);
			assertThat(SafetyFigures.view(total, false).incidentsPer10Fte()).isCloseTo(90 / 7.5, within(1e-9));
		}

		SafetyFigures.Figures a4 = find(all, Q4, this.a);
		assertThat(a4.fte()).isCloseTo(16.0 / 3, within(1e-9));
		assertThat(a4.incidents()).isEqualTo(3);
		assertThat(a4.categories()).containsEntry("ONLINE_EXPOSURE", 3);
		assertThat(a4.medianHoursToAcknowledge()).isEqualTo(3.0);
		// 10-05 23:30Z is 10-06 in Stockholm: support on 10-07 is the next day there
		assertThat(a4.supportWithin24Hours()).isEqualTo(3);
		assertThat(a4.serious()).isZero();
		assertThat(a4.notificationsRequired()).isZero();
		assertThat(SafetyFigures.view(a4, false).incidentsPer10Fte()).isCloseTo(5.625, within(1e-9));
		assertThat(find(all, Q4, this.b).incidents()).isZero();
	}

	@Test
	void theCommitteesViewShowsUnderThreeForOneAndTwoTheNumberForThreeAndHidesWhatRestsOnThem() {
		List<SafetyFigures.Figures> all = this.figures.figures(this.fixture.organisation, Q3, Q4);
		SafetyFigures.Shown a3 = SafetyFigures.view(find(all, Q3, this.a), true);
		assertThat(a3.incidents()).isEqualTo(3);
		assertThat(a3.incidentsPer10Fte()).isCloseTo(6.0, within(1e-9));
		// 2 threats and 1 violence: "< 3", and their rates hidden with them
		assertThat(a3.categories().get("THREAT")).isNull();
		assertThat(a3.categories().get("PHYSICAL_VIOLENCE")).isNull();
		assertThat(a3.categoriesPer10Fte().get("THREAT")).isNull();
		assertThat(a3.categoriesPer10Fte().get("PHYSICAL_VIOLENCE")).isNull();
		assertThat(a3.categories().get("HARASSMENT")).isZero();
		assertThat(a3.underThree())
			.contains("categories.THREAT", "categories.PHYSICAL_VIOLENCE", "serious", "notificationsRequired",
					"notificationsOnTime", "supportWithin24Hours", "overdueActions", "lvuIncidents",
					"lvuWithTwoHandlers")
			.doesNotContain("incidents", "acknowledged", "categories.HARASSMENT");
		assertThat(a3.hidden())
			.contains("categoriesPer10Fte.THREAT", "categoriesPer10Fte.PHYSICAL_VIOLENCE", "shareSerious",
					"shareNotificationsOnTime", "shareSupportWithin24Hours")
			.doesNotContain("incidentsPer10Fte", "medianHoursToAcknowledge");
		assertThat(a3.serious()).isNull();
		assertThat(a3.shareSerious()).isNull();
		assertThat(a3.medianHoursToAcknowledge()).isEqualTo(5.0);
		// B's single incident: the count and its rate
		SafetyFigures.Shown b3 = SafetyFigures.view(find(all, Q3, this.b), true);
		assertThat(b3.incidents()).isNull();
		assertThat(b3.incidentsPer10Fte()).isNull();
		assertThat(b3.underThree()).contains("incidents", "categories.HARASSMENT");
		assertThat(b3.hidden()).contains("incidentsPer10Fte", "categoriesPer10Fte.HARASSMENT");
		// three online exposures: the number and the rate
		SafetyFigures.Shown a4 = SafetyFigures.view(find(all, Q4, this.a), true);
		assertThat(a4.categories().get("ONLINE_EXPOSURE")).isEqualTo(3);
		assertThat(a4.categoriesPer10Fte().get("ONLINE_EXPOSURE")).isCloseTo(5.625, within(1e-9));
		assertThat(a4.shareSupportWithin24Hours()).isEqualTo(1.0);
	}

	@Test
	void theCommitteeSeesUnderThreeOnThePageAndInTheDownloadTheManagerTheCountsOfTheUnit() throws Exception {
		String committee = this.fixture.account("committee", "COMMITTEE_MEMBER", null);
		String manager = this.fixture.account("manager", "MANAGER", this.a);
		String page = this.mvc
			.perform(get("/safety/figures?quarter=2025-Q3").with(user(this.accounts.loadUserByUsername(committee))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
		List<String> unitA = row(html, "safety-categories", "Unit A");
		// unit, then the categories in order: violence 1, threat 2, harassment 0
		assertThat(unitA.subList(1, 4)).containsExactly("< 3", "< 3", "0");
		List<String> unitB = row(html, "safety-summary", "Unit B");
		assertThat(unitB.get(2)).isEqualTo("< 3");
		assertThat(unitB.get(3)).isEqualTo("hidden");
		assertThat(row(html, "safety-summary", "Unit A").get(2)).isEqualTo("3");
		assertThat(row(html, "safety-summary", "The whole organisation").get(2)).isEqualTo("9");
		String csv = this.mvc
			.perform(get("/safety/figures?quarter=2025-Q3&export=categories&format=csv")
				.with(user(this.accounts.loadUserByUsername(committee))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("Unit A,< 3,< 3,0,");

		String managers = this.mvc
			.perform(get("/safety/figures?quarter=2025-Q3").with(user(this.accounts.loadUserByUsername(manager))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.jsoup.nodes.Document mine = org.jsoup.Jsoup.parse(managers);
		assertThat(row(mine, "safety-categories", "Unit A").subList(1, 4)).containsExactly("1", "2", "0");
		// the manager covers A only: no total, no B
		assertThat(mine.select("#safety-summary tbody th").eachText()).containsExactly("Unit A");
	}

	@Test
	void theApiGivesEveryCallerTheCommitteesView() throws Exception {
		String token = this.fixture.token();
		String api = "/api/v1/organisations/" + this.fixture.code + "/safety/figures?from=2025-07-01&to=2025-09-30";
		this.mvc.perform(get(api).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organisation").value(this.fixture.code))
			.andExpect(jsonPath("$.fromQuarter").value("2025-Q3"))
			.andExpect(jsonPath("$.view").value("COMMITTEE"))
			.andExpect(jsonPath("$.figures[*].unitId").value(contains(0, (int) this.t, (int) this.a, (int) this.b)))
			.andExpect(jsonPath("$.figures[2].incidents").value(3))
			.andExpect(jsonPath("$.figures[2].incidentsPer10Fte").value(6.0))
			.andExpect(jsonPath("$.figures[2].categories.THREAT").value(nullValue()))
			.andExpect(jsonPath("$.figures[2].categoriesPer10Fte.THREAT").value(nullValue()))
			.andExpect(jsonPath("$.figures[2].underThree").value(hasItems("categories.THREAT", "serious")))
			.andExpect(jsonPath("$.figures[2].hidden").value(hasItems("categoriesPer10Fte.THREAT", "shareSerious")))
			.andExpect(jsonPath("$.figures[3].incidents").value(nullValue()))
			.andExpect(jsonPath("$.figures[3].underThree").value(hasItem("incidents")))
			.andExpect(jsonPath("$.figures[3].hidden").value(hasItem("incidentsPer10Fte")));
		// a manager of A, who sees the counts on the page, gets the same view here
		String manager = this.fixture.account("manager", "MANAGER", this.a);
		this.mvc.perform(get(api).with(user(this.accounts.loadUserByUsername(manager))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures[*].unitId").value(contains((int) this.a)))
			.andExpect(jsonPath("$.figures[0].serious").value(nullValue()))
			.andExpect(jsonPath("$.figures[0].underThree").value(hasItem("serious")));
		this.mvc
			.perform(
					get(api).with(user(this.accounts.loadUserByUsername(this.fixture.account("staff", "STAFF", null)))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get(api)
				.with(user(this.accounts.loadUserByUsername(this.fixture.account("admin", "ADMINISTRATOR", null)))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get(api.replace("from=2025-07-01", "from=2025-13-01")).header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("A parameter has the wrong format; dates are yyyy-mm-dd."));
		this.mvc
			.perform(get(api.replace("from=2025-07-01", "from=2019-01-01")).header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", not(nullValue())));
	}

	private static List<String> row(org.jsoup.nodes.Document html, String table, String unit) {
		for (org.jsoup.nodes.Element row : html.select("#" + table + " tbody tr")) {
			if (row.child(0).text().equals(unit)) {
				return row.children().eachText();
			}
		}
		throw new AssertionError("no row " + unit + " in " + table);
	}

	private static SafetyFigures.Figures find(List<SafetyFigures.Figures> all, Quarter quarter, long unit) {
		return all.stream()
			.filter((row) -> row.quarter().equals(quarter) && row.unitId() == unit)
			.findFirst()
			.orElseThrow();
	}

}
