package bryt.workload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.Imports;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the benchmark's changes must keep (docs/workload/performance.md): duplicates found
 * while the file streams in are reported as the staging table's aggregate reported them,
 * and no request pays for observations nothing exports.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadPerformanceTests {

	@Autowired
	private Imports imports;

	@Autowired
	private Organisations organisations;

	@Autowired
	private ObservationRegistry observations;

	private Organisation org;

	@BeforeAll
	void createOrganisation() {
		this.org = this.organisations.create("perf-test", "Prestandakommun", Country.SE);
		load("units", "code,name,parent,level\nSOC,Socialtjänsten,,department\nBOU-1,Utredning 1,SOC,team\n");
		load("staff", """
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				E1,Alva Berg,BOU-1,social_worker,1,2015-01-01,2020-01-01,,
				""");
	}

	@Test
	void eachRepeatedReferenceNamesItsFirstStagedLine() {
		// Line 2 is wrong in itself and not staged, so the first staged D-1 is line 3; a
		// row
		// with an unknown unit is staged and counts.
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> load("cases", """
				case_ref,case_type,unit,opened,handler
				D-1,EKB,BOU-1,not a date,E1
				D-1,EKB,BOU-1,2026-01-01,E1
				D-2,EKB,NOWHERE,2026-01-01,E1
				D-1,EKB,BOU-1,2026-01-02,E1
				D-2,EKB,BOU-1,2026-01-03,E1
				D-1,EKB,BOU-1,2026-01-04,E1
				"""));
		assertThat(refused).isNotNull();
		List<ImportProblem> duplicates = refused.problems()
			.list()
			.stream()
			.filter((problem) -> problem.code().equals("duplicate"))
			.toList();
		assertThat(duplicates).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::args)
			.containsExactly(tuple(5L, 1, List.of("3")), tuple(6L, 1, List.of("4")), tuple(7L, 1, List.of("3")));
	}

	@Test
	void securityFiltersAreNotObserved() {
		assertThat(Observation.start("spring.security.filterchains", this.observations).isNoop()).isTrue();
		assertThat(Observation.start("spring.security.authorizations", this.observations).isNoop()).isTrue();
	}

	private int load(String kind, String csv) {
		return this.imports.run(this.org.id(), this.imports.kind(kind), kind + ".csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

}
