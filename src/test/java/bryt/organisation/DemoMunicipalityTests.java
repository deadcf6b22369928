package bryt.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import bryt.ServerDay;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation module on its own (with {@code shared}, the only module it depends on)
 * creates the demo municipality on an empty embedded database.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = "bryt.db.data-dir=target/test-data/${random.uuid}")
class DemoMunicipalityTests {

	/** Every person named in Bryt's source articles; none may appear in the demo. */
	private static final List<String> PEOPLE_IN_THE_SOURCES = List.of("Andreas Lundgren", "Cecilia Grefve",
			"Hanna Ljungberg", "Heike Erkers", "Jan Hägglund", "Jo Hägglund", "Jon Kvist", "Julia Rem", "Lina Svärd",
			"Magnus Länje", "Malin Fröjmark", "Malin Viberg", "Pia Björking", "Signe Færch", "Therese Johansson",
			"Therese Lennartsson", "Tina Strandmark", "Åsa Lindhagen", "Josefine Johansson");

	/** Other tests add organisations of their own to the same database. */
	private static final String IN_DEMO = "organisation_id = (select id from organisation where code = 'exempelby')";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Organisations organisations;

	@Test
	void hasThreeDepartmentsAndAboutTwelveUnitsAndTeams() {
		Map<String, Long> levels = this.jdbc.sql("""
				select u.level, count(*) from unit u join organisation o on o.id = u.organisation_id
				where o.code = 'exempelby' group by u.level
				""")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(levels.get("DEPARTMENT")).isEqualTo(3);
		assertThat(levels.get("UNIT") + levels.get("TEAM")).isBetween(10L, 14L);
	}

	@Test
	void hasAboutOneHundredFiftyStaffWithLeaversOverThePastThreeYears() {
		LocalDate today = ServerDay.today();
		List<LocalDate> endDates = this.jdbc.sql("select end_date from staff where end_date is not null and " + IN_DEMO)
			.query(LocalDate.class)
			.list();
		long total = this.jdbc.sql("select count(*) from staff where " + IN_DEMO).query(Long.class).single();
		assertThat(total).isBetween(130L, 170L);
		assertThat(endDates).hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy((end) -> assertThat(end).isBetween(today.minusYears(3).minusDays(2), today));
	}

	@Test
	void hasOneDemoAccountPerRole() {
		List<String> roles = this.jdbc
			.sql("select unnest(roles) from account where " + IN_DEMO
					+ " and username in ('admin', 'hr', 'manager', 'union', 'safety', 'staff', 'committee')")
			.query(String.class)
			.list();
		assertThat(roles).containsExactlyInAnyOrder("ADMINISTRATOR", "COMMITTEE_MEMBER", "HR", "MANAGER", "STAFF",
				"SAFETY_REPRESENTATIVE", "UNION_REPRESENTATIVE");
	}

	/**
	 * Issue 14: the safety representative ("safety") covers the union representative's
	 * units but is another person and another account; the union representative is no
	 * longer called skyddsombud. Organisations finds each by role for the unit it covers.
	 */
	@Test
	void theSafetyRepresentativeCoversTheUnionRepresentativesUnitsAsAnotherPerson() {
		long org = this.organisations.findByCode("exempelby").orElseThrow().id();
		long bof = this.jdbc.sql("select id from unit where code = 'BOF' and " + IN_DEMO).query(Long.class).single();
		assertThat(coveredCodes("safety")).containsExactly("BOF").isEqualTo(coveredCodes("union"));
		assertThat(displayName("union")).doesNotContainIgnoringCase("skyddsombud");
		assertThat(displayName("safety")).containsIgnoringCase("skyddsombud");
		assertThat(this.organisations.coveringAccounts(org, bof, Role.SAFETY_REPRESENTATIVE))
			.extracting(Organisations.Recipient::displayName)
			.containsExactly(displayName("safety"));
		assertThat(this.organisations.coveringAccounts(org, bof, Role.UNION_REPRESENTATIVE))
			.extracting(Organisations.Recipient::displayName)
			.containsExactly(displayName("union"));
		List<Long> staff = this.jdbc.sql("select staff_id from account where username in ('safety', 'union')")
			.query(Long.class)
			.list();
		assertThat(staff).doesNotContainNull().doesNotHaveDuplicates();
		// A unit below BOF: covered through the tree, not directly.
		long investigation = this.jdbc.sql("select id from unit where code = 'BOF-UTR-1' and " + IN_DEMO)
			.query(Long.class)
			.single();
		assertThat(this.organisations.coveringAccounts(org, investigation, Role.SAFETY_REPRESENTATIVE)).isEmpty();
		assertThat(this.organisations.parentChain(org, investigation)).extracting(Unit::code)
			.containsExactly("BOF-UTR-1", "BOF-UTR", "BOF");
	}

	private List<String> coveredCodes(String username) {
		return this.jdbc
			.sql("""
					select u.code from account a join account_unit au on au.account_id = a.id join unit u on u.id = au.unit_id
					where a.username = :username order by u.code
					""")
			.param("username", username)
			.query(String.class)
			.list();
	}

	private String displayName(String username) {
		return this.jdbc.sql("select display_name from account where username = :username")
			.param("username", username)
			.query(String.class)
			.single();
	}

	@Test
	void namesNoPersonFromTheSourceArticles() {
		List<String> names = this.jdbc
			.sql("select name from staff where " + IN_DEMO + " union all select display_name from account")
			.query(String.class)
			.list();
		assertThat(names).doesNotContainAnyElementsOf(PEOPLE_IN_THE_SOURCES);
		List<String> familyNames = PEOPLE_IN_THE_SOURCES.stream().map((person) -> person.split(" ")[1]).toList();
		assertThat(names).noneMatch((name) -> familyNames.stream().anyMatch(name::endsWith));
	}

}
