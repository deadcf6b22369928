package bryt.workload;

import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the workload pages, the API and the command line show beyond a single date's
 * figures: the weekly trend (52 dates a week apart, each with that date's figures), its
 * charts and tables, and a worker's own cases at the bottom of the drill-down.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadPagesTests {

	/** A Monday; the trend's weeks are the Mondays before it. */
	private static final LocalDate AT = LocalDate.of(2026, 3, 16);

	@Autowired
	private Workload workload;

	@Autowired
	private Organisations organisations;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private JsonMapper json;

	private Organisation org;

	private WorkloadFixture files;

	@BeforeAll
	void createOrganisation() {
		this.org = this.organisations.create("trend-test", "Trendkommun", Country.SE);
		this.files = new WorkloadFixture(this.mvc, this.org);
		this.files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				BOU-1,Utredning 1,BOU,team
				""");
		this.files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				E1,Alva Berg,BOU-1,social_worker,1,2015-01-01,2020-01-01,,
				E2,Bror Dahl,BOU-1,social_worker,1,2015-01-01,2020-01-01,,
				""");
		// BBU-UTR: an investigation of 8 points with a deadline 120 days after opening;
		// EKB: financial aid, 3 points, no deadline; LVU: 10 points, two handlers.
		this.files.cases("""
				case_ref,case_type,unit,opened,closed,handler,co_handler,complexity
				T-1,BBU-UTR,BOU-1,2026-01-05,2026-03-02,E1,,1
				T-2,BBU-UTR,BOU-1,2025-10-01,,E1,,1
				T-3,EKB,BOU-1,2026-02-01,,E1,,1
				T-4,LVU,BOU-1,2026-03-10,,E2,E1,2
				""");
	}

	@Test
	void hasFiftyTwoWeeksEndingOnTheDate() {
		Trend trend = this.workload.trend(this.org, AT);
		assertThat(trend.weeks()).hasSize(52);
		assertThat(trend.weeks().getFirst()).isEqualTo(LocalDate.of(2025, 3, 24)); // 51
																					// weeks
																					// earlier
		assertThat(trend.weeks().getLast()).isEqualTo(AT);
	}

	@Test
	void countsWhatWasOpenAndLateOnEachWeeksDate() {
		Trend trend = this.workload.trend(this.org, AT);
		List<WeekFigures> team = trend.of(unitId("BOU-1"));

		// 29 September 2025: T-2 opens on 1 October, nothing is open yet.
		WeekFigures september = week(trend, team, LocalDate.of(2025, 9, 29));
		assertThat(september.openCases()).isZero();

		// 26 January: T-1 and T-2 open; T-2's deadline (1 October + 120 days = 29
		// January) has not passed.
		WeekFigures january = week(trend, team, LocalDate.of(2026, 1, 26));
		assertThat(january.openCases()).isEqualTo(2);
		assertThat(january.openInvestigations()).isEqualTo(2);
		assertThat(january.investigationsPastDeadline()).isZero();
		assertThat(january.weightedLoad()).isCloseTo(8 + 8, within(1e-9));
		// Two full-time, experienced workers: 200 points of capacity.
		assertThat(january.capacity()).isCloseTo(200, within(1e-9));
		assertThat(january.loadRatio()).isCloseTo(16 / 200.0, within(1e-9));

		// 2 February: T-3 opened on 1 February; T-2 is four days late.
		WeekFigures february = week(trend, team, LocalDate.of(2026, 2, 2));
		assertThat(february.openCases()).isEqualTo(3);
		assertThat(february.openInvestigations()).isEqualTo(2);
		assertThat(february.investigationsPastDeadline()).isOne();
		assertThat(february.weightedLoad()).isCloseTo(8 + 8 + 3, within(1e-9));

		// 2 March: T-1 closed that day and no longer counts.
		WeekFigures march = week(trend, team, LocalDate.of(2026, 3, 2));
		assertThat(march.openCases()).isEqualTo(2);
		assertThat(march.openInvestigations()).isOne();
		assertThat(march.investigationsPastDeadline()).isOne();

		// The unit above counts its team too, and the last week is the date's figures.
		assertThat(week(trend, trend.of(unitId("BOU")), LocalDate.of(2026, 2, 2)).openCases()).isEqualTo(3);
		assertThat(trend.of(0).getLast().openCases())
			.isEqualTo(this.workload.figures(this.org, AT).organisation().openCases());
	}

	/**
	 * The trend counts changes week by week; the figures of a date count every case on
	 * it. On the demo's three years of cases, with extensions, reassignments, co-handlers
	 * and leavers, both must agree on every week, for every unit.
	 */
	@Test
	void agreesWithTheFiguresOfEachDateForEveryUnit() {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		assertTrendAgreesWithEachDate(demo, this.workload.today().minusDays(3), 3);
	}

	/**
	 * A worker moved today from one unit to another and from full to half time: the trend
	 * counts them, their capacity and their load in the old unit on the weeks before and
	 * in the new one from today on, as the figures of each date do.
	 */
	@Test
	void countsAMovedWorkerInTheirUnitOfEachWeek() {
		Organisation moved = this.organisations.create("trend-move-test", "Flyttkommun", Country.SE);
		WorkloadFixture movedFiles = new WorkloadFixture(this.mvc, moved);
		movedFiles.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				VUX,Vuxna,SOC,unit
				""");
		movedFiles.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start
				E1,Alva Berg,BOU,social_worker,1,2015-01-01,2020-01-01
				E2,Bror Dahl,VUX,social_worker,1,2015-01-01,2020-01-01
				""");
		// E1 handles financial aid (3 points) in BOU throughout.
		movedFiles.cases("""
				case_ref,case_type,unit,opened,handler
				M-1,EKB,BOU,2024-01-01,E1
				""");
		movedFiles.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start
				E1,Alva Berg,VUX,social_worker,0.5,2015-01-01,2020-01-01
				E2,Bror Dahl,VUX,social_worker,1,2015-01-01,2020-01-01
				""");
		// Four weeks ahead: the weeks up to last week are before the move, the last five
		// (today and the four after it) after it.
		LocalDate today = this.workload.today();
		LocalDate at = today.plusWeeks(4);
		Trend trend = this.workload.trend(moved, at);
		int moveWeek = trend.weeks().indexOf(today);
		assertThat(moveWeek).isEqualTo(Trend.WEEKS - 5);
		WeekFigures bouBefore = trend.of(unitId(moved, "BOU")).get(moveWeek - 1);
		WeekFigures vuxBefore = trend.of(unitId(moved, "VUX")).get(moveWeek - 1);
		WeekFigures bouAfter = trend.of(unitId(moved, "BOU")).get(moveWeek);
		WeekFigures vuxAfter = trend.of(unitId(moved, "VUX")).get(moveWeek);
		// Before: E1 in BOU, 100 × 1.0 FTE × 1.0 (ten years in the profession), carrying
		// 3
		// points; E2 in VUX, 100.
		assertThat(bouBefore.headcount()).isOne();
		assertThat(bouBefore.capacity()).isCloseTo(100, within(1e-9));
		assertThat(bouBefore.weightedLoad()).isCloseTo(3, within(1e-9));
		assertThat(vuxBefore.headcount()).isOne();
		assertThat(vuxBefore.capacity()).isCloseTo(100, within(1e-9));
		// From today: E1 in VUX, 100 × 0.5 × 1.0 = 50, next to E2's 100; BOU keeps the
		// case
		// but no staff.
		assertThat(bouAfter.headcount()).isZero();
		assertThat(bouAfter.capacity()).isZero();
		assertThat(bouAfter.weightedLoad()).isZero();
		assertThat(bouAfter.openCases()).isOne();
		assertThat(vuxAfter.headcount()).isEqualTo(2);
		assertThat(vuxAfter.capacity()).isCloseTo(50 + 100, within(1e-9));
		assertThat(vuxAfter.weightedLoad()).isCloseTo(3, within(1e-9));
		for (int week = 0; week < Trend.WEEKS; week++) {
			assertThat(trend.of(unitId(moved, "BOU")).get(week).headcount()).as("BOU in week %d", week)
				.isEqualTo((week < moveWeek) ? 1 : 0);
			assertThat(trend.of(unitId(moved, "VUX")).get(week).headcount()).as("VUX in week %d", week)
				.isEqualTo((week < moveWeek) ? 1 : 2);
		}
		assertTrendAgreesWithEachDate(moved, at, 1);
	}

	private void assertTrendAgreesWithEachDate(Organisation organisation, LocalDate at, int everyNthWeek) {
		Trend trend = this.workload.trend(organisation, at);
		for (int week = 0; week < Trend.WEEKS; week += everyNthWeek) {
			LocalDate date = trend.weeks().get(week);
			WorkloadFigures figures = this.workload.figures(organisation, date);
			List<UnitFigures> expected = new java.util.ArrayList<>(figures.units());
			expected.addFirst(figures.organisation());
			for (UnitFigures unit : expected) {
				WeekFigures actual = trend.of(unit.unitId()).get(week);
				String where = unit.code() + " on " + date;
				assertThat(actual.openCases()).as(where).isEqualTo(unit.openCases());
				assertThat(actual.openInvestigations()).as(where).isEqualTo(unit.openInvestigations());
				assertThat(actual.investigationsPastDeadline()).as(where).isEqualTo(unit.investigationsPastDeadline());
				assertThat(actual.twoHandlerViolations()).as(where).isEqualTo(unit.twoHandlerViolations());
				assertThat(actual.headcount()).as(where).isEqualTo(unit.headcount());
				assertThat(actual.capacity()).as(where).isCloseTo(unit.capacity(), within(1e-6));
				assertThat(actual.weightedLoad()).as(where).isCloseTo(unit.weightedLoad(), within(1e-6));
				assertThat(actual.band()).as(where).isEqualTo(unit.band());
			}
		}
	}

	@Test
	void listsAWorkersCasesWithThePointsEachCarries() {
		long alva = this.organisations.staff(this.org.id())
			.stream()
			.filter((member) -> member.employeeNumber().equals("E1"))
			.findFirst()
			.orElseThrow()
			.id();
		List<WorkerCase> cases = this.workload.casesOf(this.org, alva, AT);
		assertThat(cases).extracting(WorkerCase::caseRef).containsExactly("T-2", "T-3", "T-4");
		// T-2: 8 points, deadline 29 January, 2 + 28 + 16 = 46 days late on 16 March.
		assertThat(cases.get(0).points()).isCloseTo(8, within(1e-9));
		assertThat(cases.get(0).deadline()).isEqualTo(LocalDate.of(2026, 1, 29));
		assertThat(cases.get(0).daysLate()).isEqualTo(46);
		assertThat(cases.get(0).primary()).isTrue();
		// T-3: financial aid, no deadline.
		assertThat(cases.get(1).points()).isCloseTo(3, within(1e-9));
		assertThat(cases.get(1).daysLate()).isNull();
		// T-4: LVU 10 points × 1.5 for complexity 2 = 15, half of it to the co-handler.
		assertThat(cases.get(2).primary()).isFalse();
		assertThat(cases.get(2).points()).isCloseTo(7.5, within(1e-9));
		assertThat(this.workload.figures(this.org, AT)
			.workers()
			.stream()
			.filter((worker) -> worker.staffId() == alva)
			.findFirst()
			.orElseThrow()
			.weightedLoad()).isCloseTo(8 + 3 + 7.5, within(1e-9));
	}

	/** Every demo worker's list adds up to the load and the count of the figures. */
	@Test
	void everyWorkersListAddsUpToTheirFigures() {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		LocalDate today = this.workload.today();
		for (WorkerFigures worker : this.workload.figures(demo, today).workers()) {
			List<WorkerCase> cases = this.workload.casesOf(demo, worker.staffId(), today);
			assertThat(cases).as(worker.name()).hasSize(worker.openCases());
			assertThat(cases.stream().mapToDouble(WorkerCase::points).sum()).as(worker.name())
				.isCloseTo(worker.weightedLoad(), within(1e-6));
		}
	}

	@Test
	void aWorkerSeesTheirOwnCasesAndNoOneElses() throws Exception {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		LocalDate today = this.workload.today();
		var staff = this.accounts.loadUserByUsername("staff");
		long own = ((bryt.organisation.CurrentAccount) staff).staffId().orElseThrow();
		WorkerFigures figures = this.workload.figures(demo, today)
			.workers()
			.stream()
			.filter((worker) -> worker.staffId() == own)
			.findFirst()
			.orElseThrow();
		String page = this.mvc.perform(get("/workload/workers/" + own).with(user(staff)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h1>" + figures.name() + "</h1>")
			.contains("Cases of " + figures.name() + " on " + today)
			.contains(String.format(java.util.Locale.ROOT, "%.0f of %.0f points", figures.weightedLoad(),
					figures.capacity()));
		for (WorkerCase handled : this.workload.casesOf(demo, own, today)) {
			assertThat(page).contains("<code>" + handled.caseRef() + "</code>");
		}
		long colleague = this.workload.figures(demo, today)
			.workers()
			.stream()
			.filter((worker) -> worker.unitId() == figures.unitId() && worker.staffId() != own)
			.findFirst()
			.orElseThrow()
			.staffId();
		this.mvc.perform(get("/workload/workers/" + colleague).with(user(staff))).andExpect(status().isForbidden());
	}

	@Test
	void theApiServesTheWeeksCutToWhatTheCallerSees() throws Exception {
		// The demo municipality, as HR (everything) and as a committee member (units and
		// total, never workers — the trend has none).
		JsonNode hr = trendJson("hr");
		assertThat(hr.get("organisation").asString()).isEqualTo("exempelby");
		assertThat(hr.get("weeks")).hasSize(52);
		JsonNode last = hr.get("weeks").get(51);
		LocalDate today = this.workload.today();
		assertThat(last.get("week").asString()).isEqualTo(today.toString());
		assertThat(hr.get("weeks").get(0).get("week").asString()).isEqualTo(today.minusWeeks(51).toString());
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		WorkloadFigures now = this.workload.figures(demo, today);
		assertThat(last.get("total").get("openCases").asInt()).isEqualTo(now.organisation().openCases());
		assertThat(last.get("units")).hasSize(now.units().size());
		assertThat(last.get("units").get(0).get("investigationsPastDeadline").asInt())
			.isEqualTo(now.units().getFirst().investigationsPastDeadline());

		// The manager covers some units and sees no organisation total.
		JsonNode manager = trendJson("manager");
		assertThat(manager.get("weeks").get(51).get("total").isNull()).isTrue();
		assertThat(manager.get("weeks").get(51).get("units").size()).isBetween(1, now.units().size() - 1);
	}

	@Test
	void theUnitPageDrawsItsChartsAsAccessibleSvgWithTheTablesBehindThem() throws Exception {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		WorkloadFigures now = this.workload.figures(demo, this.workload.today());
		UnitFigures team = now.units()
			.stream()
			.filter((unit) -> unit.name().equals("Utredning team 1"))
			.findFirst()
			.orElseThrow();
		String page = this.mvc
			.perform(get("/workload/units/" + team.unitId()).with(user(this.accounts.loadUserByUsername("manager"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Three charts: the load over 52 weeks, the investigations over 52 weeks and the
		// workers' load; this team has no units below it.
		assertThat(page.split("<svg ", -1)).hasSize(4);
		assertThat(page).contains("role=\"img\"")
			.contains("aria-label=\"Load per worker, as a share of capacity\"")
			.contains("aria-label=\"Open investigations and investigations past deadline, the past 52 weeks\"")
			.doesNotContain("<?xml")
			.doesNotContain("<!DOCTYPE svg");
		// The strict Content-Security-Policy allows no style attributes.
		assertThat(page).doesNotContainPattern("\\sstyle=\"");
		// Every worker of the team is named in the chart, as text.
		now.workers()
			.stream()
			.filter((worker) -> worker.unitId() == team.unitId())
			.forEach((worker) -> assertThat(page).contains(">" + worker.name() + "</text"));
		// The trend's table has a row per week.
		String table = page.substring(page.indexOf("<details id=\"trend-table\""));
		assertThat(table.substring(0, table.indexOf("</details>"))
			.split("<th class=\"govuk-table__header\" scope=\"row\">", -1)).hasSize(53);
	}

	private JsonNode trendJson(String account) throws Exception {
		return this.json.readTree(this.mvc
			.perform(get("/api/v1/organisations/exempelby/workload/trend")
				.with(user(this.accounts.loadUserByUsername(account))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static WeekFigures week(Trend trend, List<WeekFigures> series, LocalDate date) {
		return series.get(trend.weeks().indexOf(date));
	}

	private long unitId(String code) {
		return unitId(this.org, code);
	}

	private long unitId(Organisation organisation, String code) {
		return WorkloadFixture.unitId(this.organisations, organisation, code);
	}

}
