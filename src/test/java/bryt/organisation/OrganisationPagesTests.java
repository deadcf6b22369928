package bryt.organisation;

import bryt.BrytTest;
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
	private JdbcClient jdbc;

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

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername("admin"))).with(csrf());
	}

}
