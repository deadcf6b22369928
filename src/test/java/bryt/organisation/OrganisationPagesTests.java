package bryt.organisation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import bryt.BrytTest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OrganisationPagesTests {

	private static final String PREFIX = "pages";

	/**
	 * A Swedish test personnummer with a valid check digit (see
	 * PersonalIdentityNumbersTest).
	 */
	private static final String PERSONNUMMER = "811218-9876";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private AccountRepository accountRepository;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	private OrganisationFixture.Ids ids;

	@BeforeAll
	void createOrganisation() {
		this.ids = this.fixture.create(PREFIX);
	}

	@Test
	void aManagerSeesTheStaffOfTheCoveredUnitAndItsTeamsOnly() throws Exception {
		this.mvc.perform(as("manager", get("/staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Alma Ek"), containsString("Arvid Ek"),
					not(containsString("Berit Ek")), not(containsString("Dana Ek")), not(containsString("Axel Ek")))))
			.andExpect(content().string(containsString("Current staff (2)")));
		this.mvc.perform(as("manager", get("/staff").param("former", "true")))
			.andExpect(content().string(allOf(containsString("Axel Ek"), containsString("(3)"))));
	}

	@Test
	void aUnionRepresentativeOfTheDepartmentSeesEveryoneBelowIt() throws Exception {
		this.mvc.perform(as("union", get("/staff")))
			.andExpect(content().string(allOf(containsString("Alma Ek"), containsString("Arvid Ek"),
					containsString("Berit Ek"), containsString("Dana Ek"), containsString("Current staff (4)"))));
	}

	@Test
	void aStaffMemberSeesTheirOwnEmploymentOnTheLandingPage() throws Exception {
		this.mvc.perform(as("staff", get("/")))
			.andExpect(content().string(allOf(containsString("Your employment"), containsString("Alma Ek"),
					containsString("Enhed A"), not(containsString("Staff per department")))));
	}

	@Test
	void refusesAPersonalIdentityNumberWithoutStoringEchoingOrLoggingIt(CapturedOutput output) throws Exception {
		this.mvc
			.perform(asAdmin(post("/staff").param("employeeNumber", PERSONNUMMER)
				.param("name", "Klient " + PERSONNUMMER.replace("-", ""))
				.param("unitId", "1")
				.param("role", "SOCIAL_WORKER")
				.param("fte", "1")
				.param("employmentStart", "2024-01-01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This looks like a personal identity number")))
			.andExpect(content().string(allOf(not(containsString("811218")), not(containsString("8112189876")))));
		assertThat(this.jdbc
			.sql("select count(*) from staff where employee_number like '%811218%' or name like '%811218%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(output.getAll()).doesNotContain("811218");
	}

	/**
	 * A member created through the form gets their first period from the employment
	 * start; a change of unit and FTE through the form closes it today and opens the
	 * next.
	 */
	@Test
	void editingAMembersUnitAndFteStartsANewPeriodToday() throws Exception {
		OrganisationFixture.Ids other = this.fixture.create("pages-history");
		LocalDate today = LocalDate.now(this.clock);
		this.mvc
			.perform(asHr("pages-history",
					post("/staff").param("employeeNumber", "10")
						.param("name", "Hanna Ek")
						.param("unitId", String.valueOf(other.a()))
						.param("role", "SOCIAL_WORKER")
						.param("fte", "1")
						.param("employmentStart", "2024-01-01")))
			.andExpect(redirectedUrl("/staff"));
		assertThat(periods(other))
			.containsExactly(tuple(other.a(), new BigDecimal("1.000"), LocalDate.of(2024, 1, 1), null));
		long id = this.jdbc.sql("select id from staff where organisation_id = :org and employee_number = '10'")
			.param("org", other.organisation())
			.query(Long.class)
			.single();
		this.mvc
			.perform(asHr("pages-history",
					post("/staff/" + id).param("employeeNumber", "10")
						.param("name", "Hanna Ek")
						.param("unitId", String.valueOf(other.b()))
						.param("role", "SOCIAL_WORKER")
						.param("fte", "0.5")
						.param("employmentStart", "2024-01-01")))
			.andExpect(redirectedUrl("/staff"));
		assertThat(periods(other)).containsExactly(
				tuple(other.a(), new BigDecimal("1.000"), LocalDate.of(2024, 1, 1), today),
				tuple(other.b(), new BigDecimal("0.500"), today, null));
	}

	/**
	 * The second review's M2: HR could register a leaving date but not the work address
	 * the exit survey's invitation goes to, so a leaver without one was never reached.
	 */
	@Test
	void hrSetsAndClearsAWorkAddressOnTheStaffPageAndAMalformedOneIsRefusedUnechoed() throws Exception {
		OrganisationFixture.Ids other = this.fixture.create("pages-email");
		long id = this.jdbc.sql("select min(id) from staff where organisation_id = :org")
			.param("org", other.organisation())
			.query(Long.class)
			.single();
		this.mvc
			.perform(asHr("pages-email", post("/staff/" + id + "/work-email").param("workEmail", " kim@work.example ")))
			.andExpect(redirectedUrl("/staff"));
		assertThat(workEmail(id)).isEqualTo("kim@work.example");
		assertThat(this.mvc.perform(asHr("pages-email", get("/staff/" + id)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("value=\"kim@work.example\"");

		String refused = this.mvc
			.perform(asHr("pages-email", post("/staff/" + id + "/work-email").param("workEmail", "not-an-address")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Enter an e-mail address like name@example.com").doesNotContain("not-an-address");
		assertThat(workEmail(id)).isEqualTo("kim@work.example");
		// the second review: a personnummer as the address was stored
		String number = this.mvc
			.perform(asHr("pages-email",
					post("/staff/" + id + "/work-email").param("workEmail", PERSONNUMMER + "@work.example")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(number).contains("Enter an e-mail address like name@example.com").doesNotContain(PERSONNUMMER);
		assertThat(workEmail(id)).isEqualTo("kim@work.example");

		this.mvc.perform(asHr("pages-email", post("/staff/" + id + "/work-email").param("workEmail", "")))
			.andExpect(redirectedUrl("/staff"));
		assertThat(workEmail(id)).isNull();

		// Another organisation's HR: not found, nothing written.
		this.mvc.perform(asHr(PREFIX, post("/staff/" + id + "/work-email").param("workEmail", "x@work.example")))
			.andExpect(status().isNotFound());
		assertThat(workEmail(id)).isNull();
	}

	private String workEmail(long id) {
		return this.jdbc.sql("select work_email from staff where id = :id")
			.param("id", id)
			.query((rs, row) -> rs.getString(1))
			.list()
			.getFirst();
	}

	@Test
	void aUnitNeedsAParentOfAHigherLevel() throws Exception {
		this.mvc
			.perform(asAdmin(
					post("/admin/units").param("code", "NEW-UNIT").param("name", "New unit").param("level", "UNIT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one.")));
		this.mvc
			.perform(asAdmin(post("/admin/units").param("code", "NEW-DEPT")
				.param("name", "New department")
				.param("level", "DEPARTMENT")
				.param("parentId", "1")))
			.andExpect(content().string(containsString("A department is not part of another unit.")));
		assertThat(this.jdbc.sql("select count(*) from unit where code like 'NEW-%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void anAdministratorCreatesAnAccountThatCanLogIn() throws Exception {
		this.mvc
			.perform(asAdmin(post("/admin/accounts").param("username", "new.lead")
				.param("displayName", "New lead")
				.param("roles", "MANAGER", "STAFF")
				.param("unitIds", "2")
				.param("enabled", "true")
				.param("password", "correct horse battery")))
			.andExpect(redirectedUrl("/admin/accounts"));
		this.mvc.perform(formLogin().user("new.lead").password("correct horse battery"))
			.andExpect(authenticated().withRoles("MANAGER", "STAFF"));
	}

	@Test
	void theLastAdministratorKeepsTheRoleAndStaysEnabled() throws Exception {
		long first = this.accountRepository.create(this.ids.organisation(), PREFIX + "-admin", "Admin",
				EnumSet.of(Role.ADMINISTRATOR, Role.STAFF), null, true, Set.of(), "unused");
		String path = "/admin/accounts/" + first;
		// Taking their own role away, then disabling themselves: both refused, nothing
		// saved.
		this.mvc.perform(asAdminOf(PREFIX, edit(path, PREFIX + "-admin", "true", "STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("this is its last one")));
		this.mvc.perform(asAdminOf(PREFIX, edit(path, PREFIX + "-admin", null, "ADMINISTRATOR", "STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("this is its last one")));
		assertThat(this.accountRepository.find(this.ids.organisation(), first).orElseThrow())
			.extracting(Account::enabled, Account::roles)
			.containsExactly(true, EnumSet.of(Role.ADMINISTRATOR, Role.STAFF));

		// With a second administrator, the first may step down.
		this.accountRepository.create(this.ids.organisation(), PREFIX + "-admin2", "Admin 2",
				EnumSet.of(Role.ADMINISTRATOR), null, true, Set.of(), "unused");
		this.mvc.perform(asAdminOf(PREFIX, edit(path, PREFIX + "-admin", "true", "STAFF")))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(this.accountRepository.find(this.ids.organisation(), first).orElseThrow().roles())
			.containsExactly(Role.STAFF);
	}

	private static MockHttpServletRequestBuilder edit(String path, String username, String enabled, String... roles) {
		MockHttpServletRequestBuilder request = post(path).param("username", username)
			.param("displayName", "Admin")
			.param("roles", roles)
			.param("password", "");
		return (enabled != null) ? request.param("enabled", enabled) : request;
	}

	private MockHttpServletRequestBuilder asAdminOf(String prefix, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername(prefix + "-admin"))).with(csrf());
	}

	@Test
	void aStaffMemberChangesTheirPassword() throws Exception {
		String username = PREFIX + "-staff";
		this.mvc
			.perform(as("staff",
					post("/account/password").param("currentPassword", "demo")
						.param("newPassword", "a much longer one")
						.param("confirmation", "a much longer one")))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin().user(username).password("demo")).andExpect(unauthenticated());
		this.mvc.perform(formLogin().user(username).password("a much longer one")).andExpect(authenticated());
	}

	@Test
	void throttlesLoginsAfterFiveFailures() throws Exception {
		String username = PREFIX + "-union";
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin().user(username).password("wrong")).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin().user(username).password("demo"))
			.andExpect(redirectedUrl("/login?throttled"))
			.andExpect(unauthenticated());
	}

	private MockHttpServletRequestBuilder as(String role, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername(PREFIX + "-" + role))).with(csrf());
	}

	private List<Tuple> periods(OrganisationFixture.Ids organisation) {
		return this.jdbc.sql("""
				select p.unit_id, p.fte, p.valid_from, p.valid_to
				from staff_period p join staff s on s.id = p.staff_id
				where s.organisation_id = :org and s.employee_number = '10'
				order by p.valid_from
				""")
			.param("org", organisation.organisation())
			.query((rs, n) -> tuple(rs.getLong(1), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	private MockHttpServletRequestBuilder asHr(String prefix, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername(prefix + "-hr"))).with(csrf());
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername("admin"))).with(csrf());
	}

}
