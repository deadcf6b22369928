package bryt.workload;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The load model lives in {@link LoadSettings} alone: the database only adds up type
 * weights. The figures (cases read one by one) and the weekly trend and staffing forecast
 * (type weights summed in SQL) must agree with the same hand-computed points under a
 * model that is not the default, so a multiplier or share written into SQL again fails
 * here.
 *
 * <p>
 * Model: base 90, co-handler share 0.4, complexity 2 × 1.7, complexity 3 × 2.5. Unit BOU:
 * Anna and Bo, full time, experienced: capacity 90 each.
 *
 * <pre>
 * C1  U (10) × 1.7 = 17  Anna, co Bo   Anna 17 − 6.8 = 10.2   Bo 6.8    opened 30 days ago
 * C2  B (4)  × 2.5 = 10  Anna          Anna 10                          opened 200 days ago
 * C3  B (4)  × 1   = 4   Bo, co Anna   Bo 4 − 1.6 = 2.4       Anna 1.6  opened 50 days ago
 * X   B (4)  × 2.5 = 10  closed after 90 days, opened 100 days ago
 * Y   B (4)  × 1   = 4   closed after 20 days, opened 30 days ago
 * </pre>
 *
 * Anna carries 21.8, Bo 9.2, BOU 31.0. Inflow of the past 84 days: C1 17 + C3 4 + Y 4 =
 * 25 points; closed: 14 points over 10 × 90 + 4 × 20 = 980 point-days, 70 days each on
 * average. Steady load 25 / 84 × 70 = 20.833 points; at 90 points per FTE the forecast is
 * 0.23148 FTE.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadModelTests {

	@Autowired
	private MockMvc mvc;

	private WorkloadFixture files;

	@Autowired
	private Workload workload;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	private Organisation org;

	private LocalDate today;

	@BeforeAll
	void organisation() {
		this.org = this.organisations.create("load-model-test", "Modellkommun", Country.SE);
		this.files = new WorkloadFixture(this.mvc, this.org);
		this.today = this.workload.today();
		this.jdbc.sql("""
				update workload_settings set base_capacity = 90, co_handler_share = 0.4, complexity_2 = 1.7,
					complexity_3 = 2.5
				where organisation_id = :org
				""").param("org", this.org.id()).update();
		assertThat(this.jdbc.sql("select count(*) from workload_settings where organisation_id = :org")
			.param("org", this.org.id())
			.query(Long.class)
			.single()).isOne();
		this.files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				""");
		this.files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start
				A1,Anna Ek,BOU,social_worker,1,2015-01-01,2020-01-01
				B1,Bo Ek,BOU,social_worker,1,2015-01-01,2020-01-01
				""");
		this.files.caseTypes("""
				code,name,weight,investigation,two_handlers
				U,Utredning,10,true,true
				B,Bistånd,4,false,false
				""");
		this.files.cases("case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity\n"
				+ row("C1", "U", 30, null, "A1", "B1", 2) + row("C2", "B", 200, null, "A1", "", 3)
				+ row("C3", "B", 50, null, "B1", "A1", 1) + row("X", "B", 100, 10, "A1", "", 3)
				+ row("Y", "B", 30, 10, "B1", "", 1));
	}

	@Test
	void theFiguresCarryTheHandComputedPoints() {
		WorkloadFigures figures = this.workload.figures(this.org, this.today);
		assertThat(figures.workers()).hasSize(2);
		assertThat(worker(figures, "Anna Ek").weightedLoad()).isCloseTo(21.8, within(1e-9));
		assertThat(worker(figures, "Bo Ek").weightedLoad()).isCloseTo(9.2, within(1e-9));
		UnitFigures bou = bou(figures);
		assertThat(bou.weightedLoad()).isCloseTo(31.0, within(1e-9));
		assertThat(bou.capacity()).isCloseTo(180.0, within(1e-9));
	}

	@Test
	void theTrendsLastWeekCarriesTheSamePointsAsTheFigures() {
		Trend trend = this.workload.trend(this.org, this.today);
		long bouId = bou(this.workload.figures(this.org, this.today)).unitId();
		WeekFigures lastWeek = trend.of(bouId).getLast();
		assertThat(lastWeek.weightedLoad()).isCloseTo(31.0, within(1e-9));
		assertThat(trend.of(0).getLast().weightedLoad()).isCloseTo(31.0, within(1e-9));
	}

	@Test
	void theForecastWeighsTheFlowWithTheSameModel() {
		assertThat(bou(this.workload.figures(this.org, this.today)).forecastFte()).isCloseTo(25.0 / 84 * 70 / 90,
				within(1e-9));
	}

	/**
	 * The repository reads type weights and never the model: no query of it takes the
	 * settings, so none can apply them differently from {@link LoadSettings}.
	 */
	@Test
	void noQueryTakesTheLoadModel() {
		List<Method> taking = Arrays.stream(WorkloadRepository.class.getDeclaredMethods())
			.filter((method) -> Arrays.asList(method.getParameterTypes()).contains(LoadSettings.class))
			.toList();
		assertThat(taking).isEmpty();
	}

	private static WorkerFigures worker(WorkloadFigures figures, String name) {
		return figures.workers().stream().filter((worker) -> worker.name().equals(name)).findFirst().orElseThrow();
	}

	private UnitFigures bou(WorkloadFigures figures) {
		return figures.units().stream().filter((unit) -> unit.code().equals("BOU")).findFirst().orElseThrow();
	}

	private String row(String ref, String type, int openedDaysAgo, Integer closedDaysAgo, String handler,
			String coHandler, int complexity) {
		return String.join(",", ref, type, "BOU", this.today.minusDays(openedDaysAgo).toString(),
				(closedDaysAgo != null) ? this.today.minusDays(closedDaysAgo).toString() : "", "", handler, coHandler,
				Integer.toString(complexity)) + "\n";
	}

}
