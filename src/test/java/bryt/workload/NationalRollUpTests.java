package bryt.workload;

import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.workload.Workload.NationalRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The national roll-up ({@code workload national}): one row per organisation with the
 * totals its own figures show, on the real database.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalRollUpTests {

	private static final LocalDate AT = LocalDate.of(2026, 6, 30);

	@Autowired
	private Workload workload;

	@Autowired
	private Organisations organisations;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private Organisation org;

	private WorkloadFixture files;

	@BeforeAll
	void importOrganisation() {
		this.org = this.organisations.create("national-test", "Rikskommun", Country.SE);
		this.files = new WorkloadFixture(this.mvc, this.org);
		this.files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				""");
		this.files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				A1,Alva Berg,BOU,social_worker,1,2015-01-01,2020-01-01,,
				A2,Bror Dahl,BOU,social_worker,0.5,2025-10-01,2025-10-01,,
				A3,Cilla Ek,BOU,social_worker,1,2026-03-01,2026-03-01,,
				L1,Dan Fors,BOU,social_worker,1,2010-01-01,2018-01-01,2026-05-31,resigned
				""");
		// Default Swedish case types: BBU-UTR 8 points, an investigation due in 120 days;
		// LVU 10 points, two handlers; EKB 3 points; VUX-UTR 6 points, an investigation
		// without default deadline. Complexity 2 weighs 1.5, 3 weighs 2.
		this.files.cases("""
				case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity
				C1,BBU-UTR,BOU,2026-01-05,,,A1,,1
				C2,BBU-UTR,BOU,2026-05-01,,,A2,,2
				C3,LVU,BOU,2026-02-01,,,A1,A2,3
				C4,EKB,BOU,2026-03-01,,,L1,A3,1
				C5,EKB,BOU,2026-01-01,2026-06-01,,A1,,1
				C6,EKB,BOU,2026-07-15,,,A1,,1
				C7,VUX-UTR,BOU,2026-04-01,,2026-06-01,,,1
				C8,EKB,BOU,2025-12-01,2026-06-30,,A1,,1
				""");
	}

	@Test
	void sumsAnOrganisationByHand() {
		NationalRow row = row(this.workload.national(AT), "national-test");

		// Employed on 30 June 2026: A1, A2, A3 (L1's last day was 31 May).
		assertThat(row.headcount()).isEqualTo(3);
		// A1 100 × 1 × 1.0 (11 years in the profession); A2 100 × 0.5 × 0.8 (9 months);
		// A3 100 × 1 × 0.6 (4 months).
		assertThat(row.capacity()).isCloseTo(100 + 40 + 60, within(1e-9));
		// Open: C1, C2, C3, C4, C7. C5 and C8 closed by then (C8 on the day), C6 opens
		// later.
		assertThat(row.openCases()).isEqualTo(5);
		// C1 8 (A1); C2 8 × 1.5 = 12 (A2); C3 10 × 2 = 20, 10 each for A1 and A2;
		// C4 3: the co-handler A3 carries 1.5, the primary L1 has left; C7 has no
		// handler.
		assertThat(row.weightedLoad()).isCloseTo(8 + 12 + 20 + 1.5, within(1e-9));
		// C1, C2 and C7. C1 was due 5 May (opened 5 January + 120 days), C7 on 1 June;
		// C2 is due 29 August.
		assertThat(row.openInvestigations()).isEqualTo(3);
		assertThat(row.investigationsPastDeadline()).isEqualTo(2);
	}

	@Test
	void showsEveryOrganisationAsItsOwnFiguresTotalIt() {
		for (LocalDate at : List.of(AT, this.workload.today(), this.workload.today().minusYears(1))) {
			List<NationalRow> rows = this.workload.national(at);
			List<Organisation> all = this.organisations.all();
			assertThat(rows).extracting(NationalRow::code)
				.containsExactlyElementsOf(all.stream().map(Organisation::code).sorted().toList());
			for (Organisation organisation : all) {
				UnitFigures total = this.workload.figures(organisation, at).organisation();
				NationalRow row = row(rows, organisation.code());
				String what = organisation.code() + " on " + at;
				assertThat(row.headcount()).as(what).isEqualTo(total.headcount());
				assertThat(row.capacity()).as(what).isCloseTo(total.capacity(), within(1e-6));
				assertThat(row.openCases()).as(what).isEqualTo(total.openCases());
				assertThat(row.weightedLoad()).as(what).isCloseTo(total.weightedLoad(), within(1e-6));
				assertThat(row.openInvestigations()).as(what).isEqualTo(total.openInvestigations());
				assertThat(row.investigationsPastDeadline()).as(what).isEqualTo(total.investigationsPastDeadline());
			}
		}
	}

	/**
	 * A second import reassigns and extends cases today: the roll-up reads today's
	 * handlers and deadline from the case rows, and yesterday's, before that change, from
	 * the history; both equal the organisation's own figures (which always read the
	 * history) and the sums by hand. Fails if the import leaves the rows as they were.
	 */
	@Test
	void readsTheCaseRowFromTheLatestChangeOnAndTheHistoryBeforeIt() {
		Organisation changing = this.organisations.create("national-changes", "Ändringskommun", Country.SE);
		WorkloadFixture files = new WorkloadFixture(this.mvc, changing);
		files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				""");
		files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				B1,Ada Ek,BOU,social_worker,1,2015-01-01,2015-01-01,,
				B2,Bo Falk,BOU,social_worker,1,2015-01-01,2015-01-01,,
				B3,Cai Gran,BOU,social_worker,1,2015-01-01,2015-01-01,,
				""");
		files.cases("""
				case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity
				K1,BBU-UTR,BOU,2026-01-05,,2026-02-01,B1,,1
				K2,LVU,BOU,2026-02-01,,,B1,B2,1
				K3,EKB,BOU,2026-03-01,,,B2,,1
				""");
		// Today: K1 goes to B3 with its deadline extended, K2's co-handler becomes B3, K3
		// loses its handler.
		files.cases("""
				case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity
				K1,BBU-UTR,BOU,2026-01-05,,2099-12-31,B3,,1
				K2,LVU,BOU,2026-02-01,,,B1,B3,1
				K3,EKB,BOU,2026-03-01,,,,,1
				""");
		LocalDate today = this.workload.today();

		NationalRow now = row(this.workload.national(today), "national-changes");
		// K1 8 (B3), K2 10 shared by B1 and B3, K3 3 by nobody; K1 due in 2099.
		assertThat(now.openCases()).isEqualTo(3);
		assertThat(now.weightedLoad()).isCloseTo(8 + 10, within(1e-9));
		assertThat(now.openInvestigations()).isEqualTo(1);
		assertThat(now.investigationsPastDeadline()).isZero();
		assertEqualsOwnFigures(now, changing, today);

		NationalRow before = row(this.workload.national(today.minusDays(1)), "national-changes");
		// Yesterday: K1 8 (B1), due 1 February; K2 10 (B1, B2); K3 3 (B2).
		assertThat(before.openCases()).isEqualTo(3);
		assertThat(before.weightedLoad()).isCloseTo(8 + 10 + 3, within(1e-9));
		assertThat(before.investigationsPastDeadline()).isEqualTo(1);
		assertEqualsOwnFigures(before, changing, today.minusDays(1));

		assertThat(this.jdbc.sql("""
				select c.case_ref, s.employee_number as primary_handler, co.employee_number as co_handler,
					c.current_deadline, c.current_from
				from case_file c left join staff s on s.id = c.current_primary
				left join staff co on co.id = c.current_co_handler
				where c.organisation_id = :org order by c.case_ref
				""").param("org", changing.id()).query().listOfRows())
			.extracting((r) -> List.of(String.valueOf(r.get("case_ref")), String.valueOf(r.get("primary_handler")),
					String.valueOf(r.get("co_handler")), String.valueOf(r.get("current_deadline")),
					String.valueOf(r.get("current_from"))))
			.containsExactly(List.of("K1", "B3", "null", "2099-12-31", today.toString()),
					List.of("K2", "B1", "B3", "null", today.toString()),
					List.of("K3", "null", "null", "null", today.toString()));
	}

	/**
	 * Every case in the database, whichever import or test wrote it (the demo
	 * municipality's linked cases among them): its row holds the handlers of its open
	 * assignments and its latest deadline, and {@code current_from} is on or after every
	 * date its history changes.
	 */
	@Test
	void keepsEveryCaseRowEqualToItsHistory() {
		assertThat(this.jdbc.sql("select count(*) from case_file").query(Long.class).single()).isPositive();
		List<String> differing = this.jdbc.sql("""
				select c.case_ref from case_file c
				cross join lateral (
					select max(a.staff_id) filter (where a.primary_handler and a.valid_to is null) as primary_handler,
						max(a.staff_id) filter (where not a.primary_handler and a.valid_to is null) as co_handler,
						greatest(max(a.valid_from), max(a.valid_to)) as changed
					from case_assignment a where a.case_id = c.id) a
				left join lateral (
					select d.deadline, d.decided_on from case_deadline d where d.case_id = c.id
					order by d.decided_on desc, d.deadline desc limit 1) d on true
				where (c.current_primary, c.current_co_handler, c.current_deadline)
						is distinct from (a.primary_handler, a.co_handler, d.deadline)
					or c.current_from < a.changed or c.current_from < d.decided_on
				order by c.id limit 20
				""").query(String.class).list();
		assertThat(differing).isEmpty();
	}

	private void assertEqualsOwnFigures(NationalRow row, Organisation organisation, LocalDate at) {
		UnitFigures total = this.workload.figures(organisation, at).organisation();
		String what = organisation.code() + " on " + at;
		assertThat(row.headcount()).as(what).isEqualTo(total.headcount());
		assertThat(row.capacity()).as(what).isCloseTo(total.capacity(), within(1e-6));
		assertThat(row.openCases()).as(what).isEqualTo(total.openCases());
		assertThat(row.weightedLoad()).as(what).isCloseTo(total.weightedLoad(), within(1e-6));
		assertThat(row.openInvestigations()).as(what).isEqualTo(total.openInvestigations());
		assertThat(row.investigationsPastDeadline()).as(what).isEqualTo(total.investigationsPastDeadline());
	}

	private static NationalRow row(List<NationalRow> rows, String code) {
		return rows.stream().filter((row) -> row.code().equals(code)).findFirst().orElseThrow();
	}

}
