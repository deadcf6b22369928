package bryt.organisation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Item 6 of issue 9: a session does not outlive the access it was opened with, nor its
 * absolute lifetime. Each test logs in through the form and carries the session cookie as
 * a browser would; the session lives in the real database.
 */
@BrytTest
class RevokedSessionsTests {

	private static final Pattern SESSION_COOKIE = Pattern.compile("((?:BRYT_)?SESSION)=([^;]+)");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private Accounts accounts;

	@Autowired
	private AccountRepository accountRepository;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aDisabledAccountLosesItsPagesAndTheApiAtOnce() throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("rvdis");
		Cookie session = logIn("rvdis-hr", "demo");
		assertThat(status(get("/staff"), session)).isEqualTo(200);
		assertThat(status(get("/api/v1/organisations/rvdis/workload"), session)).isEqualTo(200);

		Account hr = account(ids, "rvdis-hr");
		save(ids, hr, new AccountForm(hr.username(), hr.displayName(), hr.roles(), null, false, Set.of(), ""));

		assertThat(redirect(get("/staff"), session)).endsWith("/login");
		assertThat(status(get("/api/v1/organisations/rvdis/workload"), session)).isEqualTo(401);
		assertThat(sessionsOf("rvdis-hr")).isZero();
	}

	@Test
	void aDemotedAccountLosesTheRolesItLoggedInWith() throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("rvdem");
		Cookie session = logIn("rvdem-hr", "demo");
		assertThat(status(get("/staff"), session)).isEqualTo(200);

		Account hr = account(ids, "rvdem-hr");
		save(ids, hr,
				new AccountForm(hr.username(), hr.displayName(), EnumSet.of(Role.STAFF), null, true, Set.of(), ""));

		assertThat(redirect(get("/staff"), session)).endsWith("/login");
		// Logged in again, the account has what it is allowed now.
		Cookie again = logIn("rvdem-hr", "demo");
		assertThat(status(get("/staff"), again)).isEqualTo(403);
	}

	@Test
	void aPasswordResetByAnAdministratorEndsTheSessionsButARenameDoesNot() throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("rvpwd");
		Cookie session = logIn("rvpwd-hr", "demo");
		Account hr = account(ids, "rvpwd-hr");
		save(ids, hr, new AccountForm(hr.username(), "HR renamed", hr.roles(), null, true, Set.of(), ""));
		assertThat(status(get("/staff"), session)).isEqualTo(200);

		save(ids, hr, new AccountForm(hr.username(), "HR renamed", hr.roles(), null, true, Set.of(),
				"a new password for hr"));

		assertThat(redirect(get("/staff"), session)).endsWith("/login");
		assertThat(status(get("/api/v1/organisations/rvpwd/workload"), session)).isEqualTo(401);
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsOnly() throws Exception {
		this.fixture.create("rvown");
		Cookie here = logIn("rvown-hr", "demo");
		Cookie elsewhere = logIn("rvown-hr", "demo");
		assertThat(status(get("/staff"), elsewhere)).isEqualTo(200);

		MockHttpServletResponse changed = this.mvc
			.perform(post("/account/password").cookie(here)
				.with(csrf())
				.param("currentPassword", "demo")
				.param("newPassword", "another long password")
				.param("confirmation", "another long password"))
			.andReturn()
			.getResponse();
		assertThat(changed.getRedirectedUrl()).isEqualTo("/");

		assertThat(status(get("/staff"), here)).isEqualTo(200);
		assertThat(redirect(get("/staff"), elsewhere)).endsWith("/login");
		assertThat(sessionsOf("rvown-hr")).isOne();
	}

	@Test
	void aSessionEndsEightHoursAfterTheLoginHoweverBusy() throws Exception {
		this.fixture.create("rvage");
		Cookie young = logIn("rvage-hr", "demo");
		Cookie old = logIn("rvage-hr", "demo");
		// Both in use a minute ago; one began 7 h 59 min ago, the other 8 h 1 min ago.
		age(young, Duration.ofHours(8).minusMinutes(1));
		age(old, Duration.ofHours(8).plusMinutes(1));

		assertThat(status(get("/staff"), young)).isEqualTo(200);
		assertThat(redirect(get("/staff"), old)).endsWith("/login");
		assertThat(status(get("/api/v1/organisations/rvage/workload"), old)).isEqualTo(401);
		assertThat(sessionsOf("rvage-hr")).isOne();
	}

	private Cookie logIn(String username, String password) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(formLogin().user(username).password(password))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/");
		for (String header : response.getHeaders("Set-Cookie")) {
			Matcher cookie = SESSION_COOKIE.matcher(header);
			if (cookie.lookingAt()) {
				return new Cookie(cookie.group(1), cookie.group(2));
			}
		}
		throw new AssertionError("No session cookie in " + response.getHeaders("Set-Cookie"));
	}

	private int status(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		return this.mvc.perform(request.cookie(session)).andReturn().getResponse().getStatus();
	}

	private String redirect(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		String location = this.mvc.perform(request.cookie(session)).andReturn().getResponse().getRedirectedUrl();
		return (location != null) ? location : "(no redirect)";
	}

	private Account account(OrganisationFixture.Ids ids, String username) {
		return this.accountRepository
			.find(ids.organisation(),
					this.jdbc.sql("select id from account where username = :u")
						.param("u", username)
						.query(Long.class)
						.single())
			.orElseThrow();
	}

	private void save(OrganisationFixture.Ids ids, Account account, AccountForm form) {
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
		this.accounts.save(ids.organisation(), account.id(), form, errors);
		assertThat(errors.getAllErrors()).isEmpty();
	}

	private int sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :u")
			.param("u", username)
			.query(Integer.class)
			.single();
	}

	/** Moves the session's start back, as if the login had been that long ago. */
	private void age(Cookie session, Duration age) {
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		assertThat(this.jdbc.sql("""
				update spring_session set creation_time = :now - :age, last_access_time = :now - 60000
				where session_id = :id""")
			.param("now", System.currentTimeMillis())
			.param("age", age.toMillis())
			.param("id", id)
			.update()).isOne();
	}

}
