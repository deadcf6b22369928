package bryt.workload;

import java.io.ByteArrayInputStream;
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

/**
 * Cases imported again and again: deadlines and handlers keep their history, an unchanged
 * file changes nothing, and a reopened investigation keeps the clock of the first case in
 * its chain, across files. Each test uses its own case references in one organisation.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseImportHistoryTests {

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
		this.org = this.organisations.create("history-test", "Historikkommun", Country.SE);
		load("units", """
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU-1,Utredning 1,SOC,team
				""");
		load("staff", """
				employee_number,name,unit,role,fte,employment_start
				E1,Alva Berg,BOU-1,social_worker,1,2020-01-01
				E2,Bror Dahl,BOU-1,social_worker,1,2020-01-01
				E3,Cilla Ek,BOU-1,social_worker,1,2020-01-01
				""");
		this.today = this.workload.today();
	}

	@Test
	void anExtensionIsKeptWhenTheSameOrTheOriginalFileIsImportedAgain() {
		String original = """
				case_ref,case_type,unit,opened,handler
				X-1,BBU-UTR,BOU-1,2026-01-10,E1
				""";
		String extended = """
				case_ref,case_type,unit,opened,deadline,handler
				X-1,BBU-UTR,BOU-1,2026-01-10,2026-06-30,E1
				""";
		assertThat(load("cases", original)).isOne();
		assertThat(load("cases", extended)).as("the extension").isOne();
		assertThat(load("cases", extended)).as("the same file again").isZero();
		assertThat(load("cases", original)).as("a file without a deadline extends nothing").isZero();
		// 10 January + 120 days = 10 May, decided when the case opened; the extension
		// decided on the day of the import
		assertThat(deadlines("X-1")).containsExactly(tuple(LocalDate.of(2026, 5, 10), LocalDate.of(2026, 1, 10), null),
				tuple(LocalDate.of(2026, 6, 30), this.today, "import"));
	}

	@Test
	void aChangedHandlerGetsANewRowAndThePreviousOneEndsOnTheImportDate() {
		assertThat(load("cases", """
				case_ref,case_type,unit,opened,handler,co_handler
				H-1,LVU,BOU-1,2025-03-01,E1,E2
				H-2,EKB,BOU-1,2025-04-01,,
				""")).isEqualTo(2);
		// E2 takes over as handler and H-1 has no co-handler any more; H-2 gets its first
		// handler, who handles it from its opening
		assertThat(load("cases", """
				case_ref,case_type,unit,opened,handler,co_handler
				H-1,LVU,BOU-1,2025-03-01,E2,
				H-2,EKB,BOU-1,2025-04-01,E3,
				""")).isEqualTo(2);
		assertThat(assignments("H-1")).containsExactly(tuple("E1", true, LocalDate.of(2025, 3, 1), this.today),
				tuple("E2", false, LocalDate.of(2025, 3, 1), this.today), tuple("E2", true, this.today, null));
		assertThat(assignments("H-2")).containsExactly(tuple("E3", true, LocalDate.of(2025, 4, 1), null));
		assertThat(load("cases", """
				case_ref,case_type,unit,opened,handler,co_handler
				H-1,LVU,BOU-1,2025-03-01,E2,
				H-2,EKB,BOU-1,2025-04-01,E3,
				""")).as("the same file again").isZero();
		// a co-handler again: the case had one before, so from the import date
		assertThat(load("cases", """
				case_ref,case_type,unit,opened,handler,co_handler
				H-1,LVU,BOU-1,2025-03-01,E2,E3
				""")).isOne();
		assertThat(assignments("H-1")).hasSize(4).contains(tuple("E3", false, this.today, null));
	}

	@Test
	void aReopenedInvestigationKeepsTheFirstClockThroughAChainAcrossFiles() {
		load("cases", """
				case_ref,case_type,unit,opened,closed,handler
				C-1,BBU-UTR,BOU-1,2026-01-05,2026-02-01,E1
				""");
		// C-3 reopens C-2 of the same file, which reopens C-1 imported before; C-4 is
		// linked too but its type has no deadline
		assertThat(load("cases", """
				case_ref,case_type,unit,opened,closed,handler,linked_case
				C-3,BBU-UTR,BOU-1,2026-04-01,,E1,C-2
				C-2,BBU-UTR,BOU-1,2026-02-20,2026-03-10,E1,C-1
				C-4,VUX-UTR,BOU-1,2026-04-02,,E2,C-1
				""")).isEqualTo(3);
		// 5 January + 120 days = 5 May for all three investigations, not 20 February +
		// 120 (20 June) or 1 April + 120 (30 July)
		LocalDate firstClock = LocalDate.of(2026, 5, 5);
		assertThat(deadlines("C-1")).extracting((t) -> t.toList().get(0)).containsExactly(firstClock);
		assertThat(deadlines("C-2")).extracting((t) -> t.toList().get(0)).containsExactly(firstClock);
		assertThat(deadlines("C-3")).extracting((t) -> t.toList().get(0)).containsExactly(firstClock);
		assertThat(deadlines("C-4")).isEmpty();
		assertThat(this.jdbc.sql("""
				select c.case_ref, l.case_ref from case_file c join case_file l on l.id = c.linked_case_id
				where c.organisation_id = :org and c.case_ref like 'C-%' order by c.case_ref
				""").param("org", this.org.id()).query((rs, n) -> rs.getString(1) + "→" + rs.getString(2)).list())
			.containsExactly("C-2→C-1", "C-3→C-2", "C-4→C-1");
	}

	@Test
	void aDeadlineGivenLaterForAKnownCaseIsAChangeAndRenewsTheFigures() {
		load("cases", """
				case_ref,case_type,unit,opened,handler
				D-1,EKB,BOU-1,2026-02-01,E1
				""");
		assertThat(deadlines("D-1")).as("aid has no deadline of its own").isEmpty();
		long version = this.workload.version(this.org);
		assertThat(load("cases", """
				case_ref,case_type,unit,opened,deadline,handler
				D-1,EKB,BOU-1,2026-02-01,2026-09-01,E1
				""")).isOne();
		assertThat(deadlines("D-1")).containsExactly(tuple(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 2, 1), null));
		assertThat(this.workload.version(this.org)).isGreaterThan(version);
	}

	private int load(String kind, String csv) {
		return this.imports.run(this.org.id(), this.imports.kind(kind), kind + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	private List<Tuple> deadlines(String ref) {
		return this.jdbc.sql("""
				select d.deadline, d.decided_on, d.reason from case_deadline d join case_file c on c.id = d.case_id
				where c.organisation_id = :org and c.case_ref = :ref order by d.decided_on, d.deadline
				""")
			.param("org", this.org.id())
			.param("ref", ref)
			.query((rs, n) -> tuple(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getString(3)))
			.list();
	}

	private List<Tuple> assignments(String ref) {
		return this.jdbc.sql("""
				select s.employee_number, a.primary_handler, a.valid_from, a.valid_to
				from case_assignment a join case_file c on c.id = a.case_id join staff s on s.id = a.staff_id
				where c.organisation_id = :org and c.case_ref = :ref
				order by a.valid_from, a.valid_to nulls last, a.primary_handler desc
				""")
			.param("org", this.org.id())
			.param("ref", ref)
			.query((rs, n) -> tuple(rs.getString(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

}
