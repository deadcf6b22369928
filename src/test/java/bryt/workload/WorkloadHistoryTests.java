package bryt.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 52-week history on the real database: a worker whose cases and FTE change over a
 * few weeks, their unit and the organisation, computed by hand; every demo worker's weeks
 * against their figures on each date; and the pages that show the charts.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadHistoryTests {

	@Autowired
	private Workload workload;

	@Autowired
	private Organisations organisations;

	@Autowired
	private WorkloadCharts charts;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	private Organisation org;

	/** Two weeks ahead, so that the FTE change made today lies inside the weeks. */
	private LocalDate at;

	@BeforeAll
	void createOrganisation() {
		this.org = this.organisations.create("load-history-test", "Belastningskommun", Country.SE);
		this.at = this.workload.today().plusWeeks(2);
		WorkloadFixture files = new WorkloadFixture(this.mvc, this.org);
		files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				VUX,Vuxna,SOC,unit
				""");
		// E3 starts in VUX on week 44's date: before, VUX has no figures.
		files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start
				E1,Alva Berg,BOU,social_worker,1,2015-01-01,2020-01-01
				E2,Bror Dahl,BOU,social_worker,1,2015-01-01,2020-01-01
				E3,Cilla Ek,VUX,social_worker,1,2015-01-01,%s
				""".formatted(week(44)));
		// H-1: an investigation of 8 points from week 40 to week 45 (closed that day);
		// H-2: financial aid, 3 points, from week 43; H-3: LVU of 10 points at complexity
		// 2 (15), from week 47, E2 primary and E1 co-handler: 7.5 each.
		files.cases("""
				case_ref,case_type,unit,opened,closed,handler,co_handler,complexity
				H-1,BBU-UTR,BOU,%s,%s,E1,,1
				H-2,EKB,BOU,%s,,E1,,1
				H-3,LVU,BOU,%s,,E2,E1,2
				""".formatted(week(40), week(45), week(43), week(47)));
		// Today (week 49) E1 goes down to half time: 100 × 0.5 from then on.
		files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start
				E1,Alva Berg,BOU,social_worker,0.5,2015-01-01,2020-01-01
				E2,Bror Dahl,BOU,social_worker,1,2015-01-01,2020-01-01
				E3,Cilla Ek,VUX,social_worker,1,2015-01-01,%s
				""".formatted(week(44)));
	}

	@Test
	void aWorkersWeeksAreComputedByHand() {
		List<WorkerWeek> alva = this.workload.workerTrend(this.org, staffId(this.org, "E1"), this.at);
		assertThat(alva).hasSize(52);
		assertThat(alva.getLast().date()).isEqualTo(this.at);
		for (int week = 0; week < 52; week++) {
			WorkerWeek actual = alva.get(week);
			// Points: 8 from week 40, + 3 from 43, − 8 from 45, + 7.5 from 47.
			double points = ((week >= 40 && week < 45) ? 8 : 0) + ((week >= 43) ? 3 : 0) + ((week >= 47) ? 7.5 : 0);
			// Capacity: 100 × 1.0 until today (week 49), 100 × 0.5 from then on.
			double capacity = (week >= 49) ? 50 : 100;
			assertThat(actual.date()).isEqualTo(week(week));
			assertThat(actual.measured()).as("week %d", week).isTrue();
			assertThat(actual.weightedLoad()).as("week %d", week).isCloseTo(points, within(1e-9));
			assertThat(actual.capacity()).as("week %d", week).isCloseTo(capacity, within(1e-9));
			assertThat(actual.loadRatio()).as("week %d", week).isCloseTo(points / capacity, within(1e-9));
		}
		// The last weeks by hand: 10.5 of 50 = 21 %.
		assertThat(alva.getLast().loadRatio()).isCloseTo(0.21, within(1e-9));
		// Each week is Alva's row of the figures of that date.
		assertWorkerAgreesWithEachDate(this.org, staffId(this.org, "E1"), this.at, 1);
	}

	@Test
	void theUnitsAndTheOrganisationsChartsDrawTheirPointsOverTheirCapacity() {
		Trend trend = this.workload.trend(this.org, this.at);
		List<WeekFigures> bou = trend.of(unitId("BOU"));
		List<WeekFigures> vux = trend.of(unitId("VUX"));
		List<WeekFigures> total = trend.of(0);
		for (int week = 0; week < 52; week++) {
			double alva = ((week >= 40 && week < 45) ? 8 : 0) + ((week >= 43) ? 3 : 0) + ((week >= 47) ? 7.5 : 0);
			double bror = (week >= 47) ? 7.5 : 0;
			double bouCapacity = ((week >= 49) ? 50 : 100) + 100;
			double vuxCapacity = (week >= 44) ? 100 : 0;
			assertThat(bou.get(week).loadRatio()).as("BOU week %d", week)
				.isCloseTo((alva + bror) / bouCapacity, within(1e-9));
			assertThat(vux.get(week).measured()).as("VUX week %d", week).isEqualTo(week >= 44);
			assertThat(total.get(week).loadRatio()).as("total week %d", week)
				.isCloseTo((alva + bror) / (bouCapacity + vuxCapacity), within(1e-9));
		}
		// E.g. week 43: (8 + 3) of 200 in BOU, of 200 in all; week 44: of 300 in all.
		assertThat(bou.get(43).loadRatio()).isCloseTo(0.055, within(1e-9));
		assertThat(total.get(44).loadRatio()).isCloseTo(11 / 300.0, within(1e-9));

		LoadChart bouChart = LoadChart.read(this.charts.load(trend, unitId("BOU"), Locale.ENGLISH));
		assertThat(bouChart.points()).hasSize(52);
		assertThat(bouChart.runs()).containsExactly(52);
		for (int week = 0; week < 52; week++) {
			assertThat(bouChart.points().get(week)).as("BOU's point %d", week)
				.isCloseTo(bou.get(week).loadRatio() * 100, within(0.01));
		}
		// VUX before E3 started: no data, so no dots and no line, not 0 %.
		LoadChart vuxChart = LoadChart.read(this.charts.load(trend, unitId("VUX"), Locale.ENGLISH));
		assertThat(vuxChart.points()).hasSize(52 - 44)
			.allSatisfy((point) -> assertThat(point).isCloseTo(0, within(0.01)));
		assertThat(vuxChart.runs()).containsExactly(52 - 44);
		LoadChart totalChart = LoadChart.read(this.charts.load(trend, 0, Locale.ENGLISH));
		assertThat(totalChart.points()).hasSize(52);
		assertThat(totalChart.points().getLast()).isCloseTo(18 / 250.0 * 100, within(0.01));
	}

	/**
	 * On the demo's three years of cases (extensions, reassignments, co-handlers,
	 * leavers), every worker's weeks are their rows of the figures of each date.
	 */
	@Test
	void everyDemoWorkersWeeksAgreeWithTheFiguresOfEachDate() {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		LocalDate today = this.workload.today();
		for (WorkerFigures worker : this.workload.figures(demo, today).workers()) {
			assertWorkerAgreesWithEachDate(demo, worker.staffId(), today, 4);
		}
	}

	@Test
	void theWorkerPageShowsTheirHistoryAsAChartAndATable() throws Exception {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		var staff = this.accounts.loadUserByUsername("staff");
		long own = ((CurrentAccount) staff).staffId().orElseThrow();
		String page = this.mvc.perform(get("/workload/workers/" + own).with(user(staff)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h2 id=\"history-heading\">Load over the past 52 weeks</h2>")
			.contains("aria-label=\"Load as a share of capacity, the past 52 weeks\"")
			.contains("<desc id=\"")
			.contains("<a href=\"#history-table\">")
			.doesNotContainPattern("\\sstyle=\"");
		String table = page.substring(page.indexOf("<details id=\"history-table\""));
		table = table.substring(0, table.indexOf("</details>"));
		assertThat(table.split("<th class=\"govuk-table__header\" scope=\"row\">", -1)).hasSize(53);
		// The same weeks download as CSV: a header and 52 rows.
		String csv = this.mvc
			.perform(
					get("/workload/workers/" + own).param("export", "history").param("format", "csv").with(user(staff)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.strip().lines()).hasSize(53);
		List<WorkerWeek> weeks = this.workload.workerTrend(demo, own, this.workload.today());
		assertThat(csv).contains(this.workload.today().toString());
		assertThat(weeks).hasSize(52);
	}

	@Test
	void theOverviewAndTheUnitPageDrawTheLoadChartBesideTheInvestigations() throws Exception {
		var hr = this.accounts.loadUserByUsername("hr");
		for (String path : List.of("/workload",
				"/workload/units/" + unitId(this.organisations.findByCode("exempelby").orElseThrow(), "BOF-UTR-1"))) {
			String page = this.mvc.perform(get(path).with(user(hr)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(path)
				.contains("aria-label=\"Load as a share of capacity, the past 52 weeks\"")
				.contains("aria-label=\"Open investigations and investigations past deadline, the past 52 weeks\"")
				.contains("<div class=\"bryt-history\">");
			LoadChart chart = LoadChart.read(svgLabelled(page, "Load as a share of capacity, the past 52 weeks"));
			assertThat(chart.points()).as(path).hasSize(52);
			assertThat(chart.edges()).as(path).containsOnlyKeys("red", "ink", "green");
		}
	}

	private void assertWorkerAgreesWithEachDate(Organisation organisation, long staffId, LocalDate at,
			int everyNthWeek) {
		List<WorkerWeek> weeks = this.workload.workerTrend(organisation, staffId, at);
		for (int week = 0; week < weeks.size(); week += everyNthWeek) {
			WorkerWeek actual = weeks.get(week);
			String where = staffId + " on " + actual.date();
			var row = this.workload.figures(organisation, actual.date())
				.workers()
				.stream()
				.filter((worker) -> worker.staffId() == staffId)
				.findFirst();
			assertThat(actual.unitId() != null).as(where).isEqualTo(row.isPresent());
			row.ifPresent((expected) -> {
				assertThat(actual.unitId()).as(where).isEqualTo(expected.unitId());
				assertThat(actual.weightedLoad()).as(where).isCloseTo(expected.weightedLoad(), within(1e-6));
				assertThat(actual.capacity()).as(where).isCloseTo(expected.capacity(), within(1e-6));
				assertThat(actual.band()).as(where).isEqualTo(expected.band());
				assertThat(actual.measured()).as(where).isEqualTo(expected.measured());
			});
		}
	}

	/** The {@code <svg>} element of the page with the given accessible name. */
	private static String svgLabelled(String page, String label) {
		int name = page.indexOf("aria-label=\"" + label + "\"");
		int start = page.lastIndexOf("<svg ", name);
		return page.substring(start, page.indexOf(">", page.indexOf("</svg", name)) + 1);
	}

	/** The date of week {@code i} of the weeks up to {@link #at} (51 is {@link #at}). */
	private LocalDate week(int i) {
		return this.at.minusWeeks(51 - i);
	}

	private long staffId(Organisation organisation, String employeeNumber) {
		return WorkloadFixture.staffId(this.organisations, organisation, employeeNumber);
	}

	private long unitId(String code) {
		return unitId(this.org, code);
	}

	private long unitId(Organisation organisation, String code) {
		return WorkloadFixture.unitId(this.organisations, organisation, code);
	}

}
