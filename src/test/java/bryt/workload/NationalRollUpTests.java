package bryt.workload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.workload.Workload.NationalRow;
import bryt.shared.imports.Imports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

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
	private Imports imports;

	@Autowired
	private Organisations organisations;

	private Organisation org;

	@BeforeAll
	void importOrganisation() {
		this.org = this.organisations.create("national-test", "Rikskommun", Country.SE);
		load("units", """
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				""");
		load("staff", """
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				A1,Alva Berg,BOU,social_worker,1,2015-01-01,2020-01-01,,
				A2,Bror Dahl,BOU,social_worker,0.5,2025-10-01,2025-10-01,,
				A3,Cilla Ek,BOU,social_worker,1,2026-03-01,2026-03-01,,
				L1,Dan Fors,BOU,social_worker,1,2010-01-01,2018-01-01,2026-05-31,resigned
				""");
		// Default Swedish case types: BBU-UTR 8 points, an investigation due in 120 days;
		// LVU 10 points, two handlers; EKB 3 points; VUX-UTR 6 points, an investigation
		// without default deadline. Complexity 2 weighs 1.5, 3 weighs 2.
		load("cases", """
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

	private static NationalRow row(List<NationalRow> rows, String code) {
		return rows.stream().filter((row) -> row.code().equals(code)).findFirst().orElseThrow();
	}

	private void load(String kind, String csv) {
		this.imports.run(this.org.id(), this.imports.kind(kind), kind + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

}
