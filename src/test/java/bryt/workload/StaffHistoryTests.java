package bryt.workload;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.imports.Imports;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Staff imported again with another unit or FTE: the change is recorded on the import
 * date (today, by the application's clock), and figures of earlier dates keep the worker
 * where and as they were. Each test uses its own employee numbers in one organisation;
 * only the first one's units (BOU, VUX) have their figures checked.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffHistoryTests {

	private static final String HEADER = "employee_number,name,unit,role,fte,experience_start,employment_start\n";

	@Autowired
	private Workload workload;

	@Autowired
	private Imports imports;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	private Organisation org;

	private LocalDate today;

	@BeforeAll
	void createOrganisation() {
		this.org = this.organisations.create("staff-history-test", "Historikkommun", Country.SE);
		load("units", """
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				VUX,Vuxna,SOC,unit
				EKO,Ekonomiskt bistånd,SOC,unit
				ARB,Arbetsmarknad,SOC,unit
				""");
		this.today = this.workload.today();
	}

	@Test
	void aMoveAndAnFteChangeCloseTheFirstPeriodOnTheImportDate() {
		String before = HEADER + """
				M1,Alva Berg,BOU,social_worker,1,2015-01-01,2020-01-01
				M2,Bror Dahl,VUX,social_worker,1,2015-01-01,2020-01-01
				""";
		String after = HEADER + """
				M1,Alva Berg,VUX,social_worker,0.5,2015-01-01,2020-01-01
				M2,Bror Dahl,VUX,social_worker,1,2015-01-01,2020-01-01
				""";
		assertThat(load("staff", before)).isEqualTo(2);
		assertThat(periods("M1"))
			.containsExactly(tuple("BOU", new BigDecimal("1.000"), LocalDate.of(2020, 1, 1), null));
		// M1 handles one financial aid case (3 points) in BOU, opened in 2025.
		load("cases", """
				case_ref,case_type,unit,opened,handler
				M-1,EKB,BOU,2025-06-01,M1
				""");

		assertThat(load("staff", after)).as("M1 moved and went part-time").isOne();
		assertThat(periods("M1")).containsExactly(
				tuple("BOU", new BigDecimal("1.000"), LocalDate.of(2020, 1, 1), this.today),
				tuple("VUX", new BigDecimal("0.500"), this.today, null));
		assertThat(periods("M2")).hasSize(1);
		assertThat(load("staff", after)).as("the same file again").isZero();
		assertThat(periods("M1")).hasSize(2);

		// Yesterday: M1 in BOU at 1.0 FTE, 100 × 1.0 × 1.0 (ten years in the profession).
		WorkloadFigures yesterday = this.workload.figures(this.org, this.today.minusDays(1));
		WorkerFigures m1 = worker(yesterday, "M1");
		assertThat(m1.unit()).isEqualTo("BOU");
		assertThat(m1.capacity()).isCloseTo(100, within(1e-9));
		assertThat(m1.weightedLoad()).isCloseTo(3, within(1e-9));
		assertThat(unit(yesterday, "BOU").headcount()).isOne();
		assertThat(unit(yesterday, "BOU").capacity()).isCloseTo(100, within(1e-9));
		assertThat(unit(yesterday, "BOU").weightedLoad()).isCloseTo(3, within(1e-9));

		// Today: M1 in VUX at 0.5 FTE, 100 × 0.5 × 1.0 = 50, next to M2's 100.
		WorkloadFigures now = this.workload.figures(this.org, this.today);
		m1 = worker(now, "M1");
		assertThat(m1.unit()).isEqualTo("VUX");
		assertThat(m1.capacity()).isCloseTo(50, within(1e-9));
		assertThat(unit(now, "BOU").headcount()).isZero();
		assertThat(unit(now, "BOU").capacity()).isZero();
		assertThat(unit(now, "VUX").headcount()).isEqualTo(2);
		assertThat(unit(now, "VUX").capacity()).isCloseTo(50 + 100, within(1e-9));
		assertThat(unit(now, "VUX").weightedLoad()).isCloseTo(3, within(1e-9));
	}

	@Test
	void aSecondChangeOnTheSameDayReplacesThatDaysPeriod() {
		assertThat(load("staff", HEADER + "S1,Cilla Ek,EKO,social_worker,1,2015-01-01,2021-01-01\n")).isOne();
		assertThat(load("staff", HEADER + "S1,Cilla Ek,EKO,social_worker,0.8,2015-01-01,2021-01-01\n")).isOne();
		assertThat(load("staff", HEADER + "S1,Cilla Ek,EKO,first_line_lead,0.6,2015-01-01,2021-01-01\n")).isOne();
		assertThat(periods("S1")).containsExactly(
				tuple("EKO", new BigDecimal("1.000"), LocalDate.of(2021, 1, 1), this.today),
				tuple("EKO", new BigDecimal("0.600"), this.today, null));
		assertThat(this.jdbc.sql("""
				select p.role from staff_period p join staff s on s.id = p.staff_id
				where s.organisation_id = :org and s.employee_number = 'S1' and p.valid_to is null
				""").param("org", this.org.id()).query(String.class).single()).isEqualTo("FIRST_LINE_LEAD");
		// Taken back the same day: one period again, as if nothing had changed.
		assertThat(load("staff", HEADER + "S1,Cilla Ek,EKO,social_worker,1,2015-01-01,2021-01-01\n")).isOne();
		assertThat(periods("S1"))
			.containsExactly(tuple("EKO", new BigDecimal("1.000"), LocalDate.of(2021, 1, 1), null));
	}

	@Test
	void anEarlierEmploymentStartMovesTheFirstPeriodsStart() {
		load("staff", HEADER + "F1,Dan Ek,EKO,social_worker,1,2015-01-01,2021-01-01\n");
		load("staff", HEADER + "F1,Dan Ek,ARB,social_worker,1,2015-01-01,2021-01-01\n");
		assertThat(load("staff", HEADER + "F1,Dan Ek,ARB,social_worker,1,2015-01-01,2019-03-01\n")).isOne();
		assertThat(periods("F1")).containsExactly(
				tuple("EKO", new BigDecimal("1.000"), LocalDate.of(2019, 3, 1), this.today),
				tuple("ARB", new BigDecimal("1.000"), this.today, null));
		WorkerFigures f1 = worker(this.workload.figures(this.org, LocalDate.of(2020, 1, 1)), "F1");
		assertThat(f1.unit()).isEqualTo("EKO");
	}

	private List<Tuple> periods(String employeeNumber) {
		return this.jdbc.sql("""
				select u.code, p.fte, p.valid_from, p.valid_to
				from staff_period p join staff s on s.id = p.staff_id join unit u on u.id = p.unit_id
				where s.organisation_id = :org and s.employee_number = :number
				order by p.valid_from
				""")
			.param("org", this.org.id())
			.param("number", employeeNumber)
			.query((rs, n) -> tuple(rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	private static WorkerFigures worker(WorkloadFigures figures, String employeeNumber) {
		return figures.workers()
			.stream()
			.filter((worker) -> worker.employeeNumber().equals(employeeNumber))
			.findFirst()
			.orElseThrow();
	}

	private static UnitFigures unit(WorkloadFigures figures, String code) {
		return figures.units().stream().filter((unit) -> unit.code().equals(code)).findFirst().orElseThrow();
	}

	private int load(String kind, String csv) {
		return this.imports.run(this.org.id(), this.imports.kind(kind), kind + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

}
