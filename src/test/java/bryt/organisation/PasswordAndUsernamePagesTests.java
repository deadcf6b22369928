package bryt.organisation;

import java.util.EnumSet;
import java.util.Set;

import bryt.BrytTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Item 10 of the Trust issue, through the pages: password rules wherever a password is
 * set, Argon2id parameters, the neutral answer for a taken username, and the change
 * password form under the login's limit.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordAndUsernamePagesTests {

	private static final String PREFIX = "pwd";

	private static final String WEAK = "This password is too easy to guess.";

	private static final String CONTAINS_USERNAME = "The password must not be or contain the username.";

	private static final String UNAVAILABLE = "This username cannot be used. Choose another one.";

	/**
	 * Requests of this class come from their own address, so that the failures of other
	 * test classes (all from 127.0.0.1 in one context) do not use up its budget.
	 */
	private static final RequestPostProcessor ADDRESS = (request) -> {
		request.setRemoteAddr("192.0.2.10");
		return request;
	};

	@Autowired
	private MockMvc mvc;

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private JdbcClient jdbc;

	private OrganisationFixture.Ids ids;

	@BeforeAll
	void createOrganisations() {
		this.ids = this.fixture.create(PREFIX);
		this.accounts.create(this.ids.organisation(), PREFIX + "-admin", "Admin", EnumSet.of(Role.ADMINISTRATOR), null,
				true, Set.of(), "unused");
		OrganisationFixture.Ids other = this.fixture.create(PREFIX + "b");
		this.accounts.create(other.organisation(), PREFIX + "b-admin", "Admin", EnumSet.of(Role.ADMINISTRATOR), null,
				true, Set.of(), "unused");
	}

	@Test
	void weakPasswordsAreRefusedWithTheMessageInThePage() throws Exception {
		assertThat(newAccount(PREFIX, "lena.bergstrom", "aaaaaaaaaaaa")).contains(WEAK);
		assertThat(newAccount(PREFIX, "lena.bergstrom", "lena.bergstrom")).contains(CONTAINS_USERNAME);
		assertThat(newAccount(PREFIX, "lena.bergstrom", "Spring LENA.Bergstrom lake")).contains(CONTAINS_USERNAME);
		assertThat(this.jdbc.sql("select count(*) from account where username = 'lena.bergstrom'")
			.query(Long.class)
			.single()).isZero();

		String before = hash(PREFIX + "-staff");
		String page = this.mvc
			.perform(as(PREFIX + "-staff",
					post("/account/password").param("currentPassword", "demo")
						.param("newPassword", "aaaaaaaaaaaa")
						.param("confirmation", "aaaaaaaaaaaa")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(WEAK);
		assertThat(hash(PREFIX + "-staff")).isEqualTo(before);
	}

	@Test
	void newHashesAreArgon2idWith19MiBAndTwoPassesAndOldOnesAreUpgradedAtLogin() throws Exception {
		this.mvc
			.perform(as(PREFIX + "-admin",
					post("/admin/accounts").param("username", "pwd-new")
						.param("displayName", "New")
						.param("roles", "STAFF")
						.param("enabled", "true")
						.param("password", "violet tundra kettle")))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(hash("pwd-new")).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");

		// A hash made by the previous release (16 MiB).
		String old = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("demo");
		assertThat(old).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
		this.jdbc.sql("update account set password_hash = :hash where username = :u")
			.param("hash", old)
			.param("u", PREFIX + "-hr")
			.update();
		this.mvc.perform(login(PREFIX + "-hr", "demo")).andExpect(authenticated());
		assertThat(hash(PREFIX + "-hr")).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(old);
		this.mvc.perform(login(PREFIX + "-hr", "demo")).andExpect(authenticated());
	}

	@Test
	void aTakenUsernameGetsTheSameNeutralAnswerWhereverItIsTaken() throws Exception {
		String takenHere = newAccount(PREFIX, PREFIX + "-union", "violet tundra kettle");
		String takenElsewhere = newAccount(PREFIX, "hr", "violet tundra kettle");
		assertThat(takenHere).contains(UNAVAILABLE).doesNotContain("already in use");
		assertThat(withoutCsrfToken(takenElsewhere)).isEqualTo(withoutCsrfToken(takenHere));
	}

	@Test
	void afterTwentyTakenUsernamesEveryUsernameIsRefusedForAnHour() throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(newAccount(PREFIX + "b", "hr", "violet tundra kettle")).contains(UNAVAILABLE);
		}
		// Free, but the organisation's budget of taken usernames is used up: the same
		// answer, so that probing stops here.
		assertThat(newAccount(PREFIX + "b", "pwdb-free-name", "violet tundra kettle")).contains(UNAVAILABLE);
		assertThat(this.jdbc.sql("select count(*) from account where username = 'pwdb-free-name'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theChangePasswordFormIsLimitedAndSharesTheLoginsBudget() throws Exception {
		String username = PREFIX + "-manager";
		String before = hash(username);
		for (int i = 0; i < 5; i++) {
			assertThat(changePassword(username, "not my password")).contains("This is not your current password.");
		}
		// The right current password, but only after the wait.
		assertThat(changePassword(username, "demo"))
			.contains("Too many wrong passwords for this account. Wait 1 min and try again");
		assertThat(hash(username)).isEqualTo(before);
		this.mvc.perform(login(username, "demo"))
			.andExpect(redirectedUrl("/login?throttled"))
			.andExpect(unauthenticated());
	}

	@Test
	void theLoginAnswersAnUnknownUsernameAsAKnownOneAndTheWaitIsExplained() throws Exception {
		for (String username : new String[] { PREFIX + "-union", PREFIX + "-nobody" }) {
			for (int i = 0; i < 5; i++) {
				this.mvc.perform(login(username, "wrong")).andExpect(redirectedUrl("/login?error"));
			}
			this.mvc.perform(login(username, "demo")).andExpect(redirectedUrl("/login?throttled"));
		}
		assertThat(this.mvc.perform(get("/login?throttled")).andReturn().getResponse().getContentAsString())
			.contains("Wait a minute and try again; after further failures the wait grows, up to 15 minutes.");
		assertThat(this.jdbc.sql("select count(*) from rate_limit_bucket where id like '%nobody%'")
			.query(Long.class)
			.single()).as("what was typed as a username of no account is not stored").isZero();
	}

	private MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(ADDRESS);
	}

	private String newAccount(String prefix, String username, String password) throws Exception {
		return this.mvc
			.perform(as(prefix + "-admin",
					post("/admin/accounts").param("username", username)
						.param("displayName", "Lena Bergström")
						.param("roles", "STAFF")
						.param("enabled", "true")
						.param("password", password)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String changePassword(String username, String current) throws Exception {
		return this.mvc
			.perform(as(username,
					post("/account/password").param("currentPassword", current)
						.param("newPassword", "violet tundra kettle")
						.param("confirmation", "violet tundra kettle")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String hash(String username) {
		return this.jdbc.sql("select password_hash from account where username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.users.loadUserByUsername(username))).with(csrf()).with(ADDRESS);
	}

	private static String withoutCsrfToken(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

}
