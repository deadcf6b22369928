package bryt.workload;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.Imports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Imports on the real database: what a good file stores, that importing it again changes
 * nothing, and that every kind of bad file is refused whole with its line and column.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadImportTests {

	private static final String UNITS = """
			code,name,parent,level
			SOC,Socialtjänsten,,department
			BOU,Barn och unga,SOC,unit
			BOU-1,Utredning 1,BOU,team
			""";

	private static final String STAFF = """
			employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
			E1,Alva Berg,BOU-1,social_worker,1,2015-01-01,2020-01-01,,
			E2,Bror Dahl,BOU-1,social_worker,0.5,2015-01-01,2020-01-01,,
			E3,Cilla Ek,BOU,first_line_lead,1,2010-01-01,2018-01-01,,
			""";

	@Autowired
	private Workload workload;

	@Autowired
	private Imports imports;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	private Organisation org;

	@BeforeAll
	void createOrganisation() {
		this.org = this.organisations.create("import-test", "Importkommun", Country.SE);
		assertThat(load("units", UNITS)).isEqualTo(3);
		assertThat(load("staff", STAFF)).isEqualTo(3);
	}

	@Test
	void importsCasesAndComputesTheirLoad() {
		String cases = """
				case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity,linked_case
				W-1,BBU-UTR,BOU-1,2026-01-10,,,E1,E2,1,
				W-2,LVU,BOU-1,2026-02-01,,,E1,,2,
				W-3,EKB,BOU,2026-03-01,2026-04-01,,E2,,1,
				""";
		assertThat(load("cases", cases)).isEqualTo(3);
		LocalDate at = LocalDate.of(2026, 3, 15);
		WorkloadFigures figures = this.workload.figures(this.org, at);
		// W-1: 8 points split 4 + 4; W-2: LVU 10 × 1.5 = 15, one handler; W-3: aid 3
		// points.
		assertThat(worker(figures, "E1").weightedLoad()).isCloseTo(4 + 15, within(1e-9));
		assertThat(worker(figures, "E2").weightedLoad()).isCloseTo(4 + 3, within(1e-9));
		assertThat(worker(figures, "E2").capacity()).isCloseTo(50, within(1e-9));
		UnitFigures team = figures.units()
			.stream()
			.filter((unit) -> unit.code().equals("BOU-1"))
			.findFirst()
			.orElseThrow();
		assertThat(team.twoHandlerViolations()).isOne();
		assertThat(team.openInvestigations()).isOne();
		// W-1's default deadline: opened + 120 days = 2026-05-10, not passed on 15 March
		assertThat(team.investigationsPastDeadline()).isZero();
		assertThat(
				this.workload.figures(this.org, LocalDate.of(2026, 5, 11)).organisation().investigationsPastDeadline())
			.isOne();

		assertThat(load("cases", cases)).as("importing the same file again").isZero();
		assertThat(count("case_assignment")).isEqualTo(4);
		assertThat(count("case_deadline")).isEqualTo(1);
	}

	@Test
	void aReopenedInvestigationKeepsTheClockOfTheFirstOne() {
		load("cases", """
				case_ref,case_type,unit,opened,closed,handler,linked_case
				R-1,BBU-UTR,BOU-1,2026-01-10,2026-02-01,E1,
				R-2,BBU-UTR,BOU-1,2026-02-15,,E1,R-1
				""");
		assertThat(deadlineOf("R-2")).isEqualTo(LocalDate.of(2026, 5, 10)); // 10 January
																			// + 120 days
		load("cases", """
				case_ref,case_type,unit,opened,closed,deadline,handler,linked_case
				R-2,BBU-UTR,BOU-1,2026-02-15,,2026-07-01,E1,R-1
				""");
		assertThat(deadlineOf("R-2")).as("an extension").isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(this.jdbc.sql("""
				select count(*) from case_deadline d join case_file c on c.id = d.case_id where c.case_ref = 'R-2'
				""").query(Long.class).single()).as("the history keeps the first deadline").isEqualTo(2);
	}

	@Test
	void aNewHandlerTakesOverFromTheImportDateAndThePastStaysAsItWas() {
		load("cases", """
				case_ref,case_type,unit,opened,handler
				H-1,EKB,BOU-1,2025-01-01,E1
				""");
		load("cases", """
				case_ref,case_type,unit,opened,handler
				H-1,EKB,BOU-1,2025-01-01,E2
				""");
		LocalDate today = this.workload.today();
		WorkloadFigures yesterday = this.workload.figures(this.org, today.minusDays(1));
		WorkloadFigures now = this.workload.figures(this.org, today);
		assertThat(openCaseRefsOf(yesterday, "E1") - openCaseRefsOf(now, "E1")).isOne();
		assertThat(openCaseRefsOf(now, "E2") - openCaseRefsOf(yesterday, "E2")).isOne();
	}

	@Test
	void readsSemicolonsSwedishColumnNamesDanishDatesAndWindows1252() {
		String units = "Kod;Namn;Överordnad;Nivå\r\nBOU-2;Familjerätt – Söder;BOU;team\r\n";
		assertThat(load("units", units, Charset.forName("windows-1252"))).isOne();
		assertThat(this.jdbc.sql("select name from unit where code = 'BOU-2'").query(String.class).single())
			.isEqualTo("Familjerätt – Söder");
		String staff = "\uFEFFAnställningsnummer;Namn;Enhet;Roll;Tjänstgöringsgrad;Anställd från\n"
				+ "E9;Åke Öst;BOU-2;social_worker;0,75;01.02.2024\n";
		assertThat(load("staff", staff)).isOne();
		assertThat(this.jdbc.sql("select fte from staff where employee_number = 'E9'").query(Double.class).single())
			.isEqualTo(0.75);
	}

	@Test
	void refusesUnknownReferencesAndDuplicatesWithLineAndColumn() {
		List<ImportProblem> problems = refused("cases", """
				case_ref,case_type,unit,opened,handler,co_handler,linked_case
				X-1,NOPE,BOU-1,2026-01-01,E1,,
				X-2,EKB,NOWHERE,2026-01-01,E1,,
				X-3,EKB,BOU-1,2026-01-01,E404,E1,
				X-4,EKB,BOU-1,2026-01-01,E1,,X-999
				X-1,EKB,BOU-1,2026-01-01,E1,,
				""");
		assertThat(problems).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactlyInAnyOrder(tuple(6L, 1, "duplicate"), tuple(2L, 2, "unknownCaseType"),
					tuple(3L, 3, "unknownUnit"), tuple(4L, 5, "unknownHandler"), tuple(5L, 7, "unknownCase"));
		assertThat(caseRefs("X-%")).as("nothing of a refused file is stored").isZero();
	}

	@Test
	void refusesBadValuesAndMissingColumns() {
		List<ImportProblem> problems = refused("cases", """
				case_ref,case_type,unit,opened,closed,complexity
				B-1,EKB,BOU-1,2026-31-01,,1
				B-2,EKB,BOU-1,2026-01-01,2025-12-31,4
				B-3,EKB,BOU-1,,,
				""");
		assertThat(problems).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple(2L, 4, "date"), tuple(3L, 6, "range"), tuple(3L, 5, "beforeOpened"),
					tuple(4L, 4, "required"));
		assertThat(refused("cases", "case_ref,unit,opened\nM-1,BOU-1,2026-01-01\n"))
			.extracting(ImportProblem::code, ImportProblem::columnName)
			.containsExactly(tuple("missingColumn", "case_type"));
		assertThat(refused("cases", "")).extracting(ImportProblem::code).containsExactly("empty");
		assertThat(refused("cases", "case_ref,case_type,unit,opened\n")).extracting(ImportProblem::code)
			.containsExactly("noRows");
		assertThat(caseRefs("B-%") + caseRefs("M-%")).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })
	void refusesAPersonalIdentityNumberInAnyColumnWithoutEchoingIt(int column) {
		String[] values = { "P-1", "EKB", "BOU-1", "2026-01-01", "", "", "E1", "", "1", "" };
		values[column] = (column % 2 == 0) ? "19811218-9876" : "010190-1234";
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
				() -> load("cases",
						"case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity,linked_case\n"
								+ String.join(",", values) + "\n"));
		assertThat(refused.problems().list())
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.contains(tuple(2L, column + 1, "personalIdentityNumber"));
		assertThat(refused.problems().list().toString() + refused.getMessage()).doesNotContain("811218")
			.doesNotContain("010190");
		assertThat(caseRefs("P-%")).isZero();
	}

	@Test
	void refusesANulCharacterInACellOrAHeaderWithItsLineAndColumn() {
		// In a free-text column the NUL reached PostgreSQL, which refused it with a 500.
		assertThat(refused("units", "code,name,parent,level\nNUL-1,Te\u0000am,SOC,team\n"))
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code)
			.containsExactly(tuple(2L, 2, "name", "nulCharacter"));
		assertThat(this.jdbc.sql("select count(*) from unit where code = 'NUL-1'").query(Long.class).single()).isZero();
		assertThat(refused("cases", """
				case_ref,case_type,unit,opened
				N-1,EKB,BOU-1,2026-01-01
				N-2,E\u0000KB,BOU-1,2026-01-01
				"""))
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code)
			.containsExactly(tuple(3L, 2, "case_type", "nulCharacter"));
		assertThat(refused("cases", "case_ref,case_type,unit,opened,no\u0000te\nN-3,EKB,BOU-1,2026-01-01,\n"))
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code)
			.containsExactly(tuple(1L, 5, "", "nulCharacter"));
		assertThat(caseRefs("N-%")).isZero();
	}

	@Test
	void refusesAPersonalIdentityNumberAsAColumnHeaderAndNeverEchoesIt() {
		// The header alone, and the header beside a refused cell (whose problem would
		// name its column).
		for (String row : List.of("PH-1,EKB,BOU-1,2026-01-01,x", "PH-1,EKB,BOU-1,2026-01-01,010190-1234")) {
			ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
					() -> load("cases", "case_ref,case_type,unit,opened,19811218-9876\n" + row + "\n"));
			assertThat(refused).as("the import is refused").isNotNull();
			assertThat(refused.problems().list())
				.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code)
				.containsExactly(tuple(1L, 5, "", "personalIdentityNumber"));
			assertThat(refused.problems().list().toString() + refused.getMessage()).doesNotContain("811218")
				.doesNotContain("010190");
		}
		assertThat(caseRefs("PH-%")).isZero();
	}

	@Test
	void refusesBadUnitsAndStaff() {
		assertThat(refused("units", """
				code,name,parent,level
				T-1,Team,NOWHERE,team
				D-1,Dept,SOC,department
				U-1,Unit,,unit
				U-2,Unit,BOU-1,unit
				T-1,Again,BOU,county
				""")).extracting(ImportProblem::line, ImportProblem::code)
			.containsExactlyInAnyOrder(tuple(2L, "unknownUnit"), tuple(3L, "departmentHasParent"),
					tuple(4L, "required"), tuple(5L, "levelOrder"), tuple(6L, "oneOf"), tuple(6L, "duplicate"));
		assertThat(refused("staff", """
				employee_number,name,unit,role,fte,employment_start,end_date,end_reason
				S-1,Sam,NOWHERE,social_worker,1,2020-01-01,,
				S-2,Sam,BOU,boss,1.5,2020-01-01,,
				S-3,Sam,BOU,social_worker,1,2020-01-01,2019-01-01,resigned
				S-4,Sam,BOU,social_worker,1,2020-01-01,2021-01-01,
				""")).extracting(ImportProblem::line, ImportProblem::code)
			.containsExactlyInAnyOrder(tuple(2L, "unknownUnit"), tuple(3L, "oneOf"), tuple(3L, "range"),
					tuple(4L, "beforeStart"), tuple(5L, "required"));
		assertThat(this.jdbc.sql("select count(*) from unit where code in ('T-1', 'D-1', 'U-1', 'U-2')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void twoImportsOfTheSameNewCasesAtOnceBothSucceed() throws Exception {
		// A double-clicked upload, or a script run twice: the same 3,000 new cases twice,
		// started together. One imports them, the other then finds them all there.
		StringBuilder cases = new StringBuilder("case_ref,case_type,unit,opened,handler\n");
		for (int i = 1; i <= 3000; i++) {
			cases.append("TWICE-").append(i).append(",EKB,BOU-1,2026-02-01,E1\n");
		}
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			Callable<Integer> upload = () -> {
				start.await();
				return load("cases", cases.toString());
			};
			Future<Integer> first = pool.submit(upload);
			Future<Integer> second = pool.submit(upload);
			start.countDown();
			assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(3000, 0);
		}
		assertThat(this.jdbc.sql("select count(*) from case_file where case_ref like 'TWICE-%'")
			.query(Long.class)
			.single()).isEqualTo(3000);
	}

	private int load(String kind, String csv) {
		return load(kind, csv, StandardCharsets.UTF_8);
	}

	private int load(String kind, String csv, Charset charset) {
		return this.imports.run(this.org.id(), this.imports.kind(kind), kind + ".csv",
				new ByteArrayInputStream(csv.getBytes(charset)));
	}

	private List<ImportProblem> refused(String kind, String csv) {
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> load(kind, csv));
		assertThat(refused).as("the import is refused").isNotNull();
		return refused.problems().list();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table + " where organisation_id = :org")
			.param("org", this.org.id())
			.query(Long.class)
			.single();
	}

	private long caseRefs(String pattern) {
		return this.jdbc.sql("select count(*) from case_file where organisation_id = :org and case_ref like :p")
			.param("org", this.org.id())
			.param("p", pattern)
			.query(Long.class)
			.single();
	}

	private LocalDate deadlineOf(String ref) {
		return this.jdbc.sql("""
				select d.deadline from case_deadline d join case_file c on c.id = d.case_id
				where c.organisation_id = :org and c.case_ref = :ref order by d.decided_on desc, d.deadline desc limit 1
				""").param("org", this.org.id()).param("ref", ref).query(LocalDate.class).single();
	}

	private static WorkerFigures worker(WorkloadFigures figures, String employeeNumber) {
		return figures.workers()
			.stream()
			.filter((worker) -> worker.employeeNumber().equals(employeeNumber))
			.findFirst()
			.orElseThrow();
	}

	private static int openCaseRefsOf(WorkloadFigures figures, String employeeNumber) {
		return worker(figures, employeeNumber).openCases();
	}

}
