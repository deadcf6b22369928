package bryt.workload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import bryt.organisation.Country;
import bryt.organisation.DemoMunicipalityCreated;
import bryt.organisation.Organisation;
import bryt.organisation.OrganisationChanged;
import bryt.organisation.OrganisationCreated;
import bryt.organisation.Organisations;
import bryt.shared.imports.Imports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events organisation publishes and workload listens to, with workload and the
 * modules it depends on (organisation, shared) only: the stimulus, the event, and what
 * workload's listener did in the database. Without the demo at start-up: the demo's
 * scenario makes its own, and the others need none.
 */
// shared is named because Modulith does not bootstrap it as a direct dependency of
// workload (only of organisation), and workload's context needs its database.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@TestPropertySource(properties = { "bryt.db.data-dir=target/test-data/${random.uuid}", "bryt.demo.enabled=false" })
class WorkloadEventsScenarioTests {

	@Autowired
	private Imports imports;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	/** A new Danish organisation starts with Denmark's nine case types and a version. */
	@Test
	void aNewOrganisationGetsItsCountrysCaseTypesSettingsAndAVersion(Scenario scenario) {
		scenario.stimulate(() -> this.organisations.create("scenario-created", "Scenariekommune", Country.DK))
			.andWaitForEventOfType(OrganisationCreated.class)
			.matchingMappedValue(OrganisationCreated::country, Country.DK)
			.toArriveAndVerify((event, organisation) -> {
				assertThat(event.organisationId()).isEqualTo(organisation.id());
				assertThat(this.jdbc.sql("select code from case_type where organisation_id = :org order by code")
					.param("org", organisation.id())
					.query(String.class)
					.list()).containsExactly("AKTIVITETSPARAT", "ANBR", "ANBR-TVANG", "BFU", "FOREBYG", "HANDICAP",
							"JOBPARAT", "SYGEDAGPENGE", "UNDERRETNING");
				assertThat(count("select count(*) from workload_settings where organisation_id = :org", organisation))
					.isOne();
				assertThat(version(organisation)).isZero();
			});
	}

	/**
	 * Units imported in organisation: workload's figures of that organisation are stale.
	 */
	@Test
	void changedUnitsMoveTheWorkloadVersionOn(Scenario scenario) {
		Organisation organisation = this.organisations.create("scenario-changed", "Scenariokommun", Country.SE);
		long before = version(organisation);
		scenario
			.stimulate(() -> this.imports.run(organisation.id(), this.imports.kind("units"), "units.csv",
					csv("code,name,parent,level\nSOC,Socialtjänsten,,department\n")))
			.andWaitForEventOfType(OrganisationChanged.class)
			.matchingMappedValue(OrganisationChanged::organisationId, organisation.id())
			.toArriveAndVerify((event) -> assertThat(version(organisation)).isEqualTo(before + 1));
	}

	/**
	 * The demo municipality's tree and staff exist: workload adds three years of cases.
	 * One financial aid department (demo code EKB) with one worker, so every case is of
	 * the department's two types, in its one unit, handled by that worker, opened on a
	 * weekday of the three years (1,095 days) up to the demo's day.
	 */
	@Test
	void aDemoMunicipalityGetsThreeYearsOfCases(Scenario scenario) {
		Organisation organisation = this.organisations.create("scenario-demo", "Demokommun", Country.SE);
		this.imports.run(organisation.id(), this.imports.kind("units"), "units.csv",
				csv("code,name,parent,level\nEKB,Ekonomiskt bistånd,,department\nEKB-EB,Försörjningsstöd,EKB,unit\n"));
		this.imports.run(organisation.id(), this.imports.kind("staff"), "staff.csv",
				csv("employee_number,name,unit,role,fte,experience_start,employment_start\n"
						+ "D1,Dora Lind,EKB-EB,social_worker,1,2010-01-01,2015-01-01\n"));
		LocalDate today = LocalDate.of(2026, 3, 16);
		scenario.publish(new DemoMunicipalityCreated(organisation.id(), today))
			.andWaitForStateChange(
					() -> count("select count(*) from case_file where organisation_id = :org", organisation),
					(cases) -> cases > 0)
			.andVerify((cases) -> {
				List<String> types = this.jdbc.sql("""
						select distinct t.code from case_file c join case_type t on t.id = c.case_type_id
						where c.organisation_id = :org order by t.code
						""").param("org", organisation.id()).query(String.class).list();
				assertThat(types).isSubsetOf("ARB", "EKB");
				assertThat(this.jdbc.sql("""
						select distinct u.code from case_file c join unit u on u.id = c.unit_id
						where c.organisation_id = :org
						""").param("org", organisation.id()).query(String.class).list()).containsExactly("EKB-EB");
				assertThat(this.jdbc.sql("""
						select distinct s.employee_number from case_assignment a join staff s on s.id = a.staff_id
						where a.organisation_id = :org
						""").param("org", organisation.id()).query(String.class).list()).containsExactly("D1");
				List<LocalDate> opened = this.jdbc.sql("select opened from case_file where organisation_id = :org")
					.param("org", organisation.id())
					.query(LocalDate.class)
					.list();
				assertThat(opened).hasSize(cases.intValue())
					.allSatisfy((day) -> assertThat(day).isBetween(today.minusDays(1095), today))
					.noneMatch((day) -> day.getDayOfWeek() == DayOfWeek.SATURDAY
							|| day.getDayOfWeek() == DayOfWeek.SUNDAY);
			});
	}

	private long version(Organisation organisation) {
		return count("select version from workload_version where organisation_id = :org", organisation);
	}

	private long count(String sql, Organisation organisation) {
		return this.jdbc.sql(sql).param("org", organisation.id()).query(Long.class).single();
	}

	private static ByteArrayInputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
