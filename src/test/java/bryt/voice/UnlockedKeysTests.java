package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.shared.security.Sessions;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Item 6 of issue 9: when an account's sessions are ended (access revoked), the private
 * keys unlocked in them leave this instance's memory at once.
 */
@BrytTest
class UnlockedKeysTests {

	private static final Pattern SESSION_COOKIE = Pattern.compile("((?:BRYT_)?SESSION)=([^;]+)");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private UnlockedKeys unlocked;

	@Autowired
	private Sessions sessions;

	@Test
	void endingAnAccountsSessionsForgetsTheKeysUnlockedInThem() throws Exception {
		long accountId = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, enabled)
				select id, 'unlock.hr', 'Unlock HR', :hash, cast('{HR}' as text[]), true
				from organisation where code = 'exempelby' returning id""")
			.param("hash", this.passwordEncoder.encode("unlock password"))
			.query(Long.class)
			.single();
		Cookie first = logIn("unlock.hr", "unlock password");
		Cookie second = logIn("unlock.hr", "unlock password");
		for (Cookie session : new Cookie[] { first, second }) {
			this.mvc.perform(post("/voice/unlock").cookie(session).with(csrf()).param("password", "unlock password"));
			assertThat(this.unlocked.get(sessionId(session), accountId)).isPresent();
		}

		this.sessions.endAll("unlock.hr");

		assertThat(this.unlocked.get(sessionId(first), accountId)).isEmpty();
		assertThat(this.unlocked.get(sessionId(second), accountId)).isEmpty();
	}

	@Test
	void loggingOutForgetsTheKeyUnlockedInThatSession() throws Exception {
		long accountId = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, enabled)
				select id, 'logout.hr', 'Logout HR', :hash, cast('{HR}' as text[]), true
				from organisation where code = 'exempelby' returning id""")
			.param("hash", this.passwordEncoder.encode("logout password"))
			.query(Long.class)
			.single();
		Cookie session = logIn("logout.hr", "logout password");
		this.mvc.perform(post("/voice/unlock").cookie(session).with(csrf()).param("password", "logout password"));
		assertThat(this.unlocked.get(sessionId(session), accountId)).isPresent();

		this.mvc.perform(post("/logout").cookie(session).with(csrf()));

		assertThat(this.unlocked.get(sessionId(session), accountId)).isEmpty();
	}

	private Cookie logIn(String username, String password) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(formLogin().user(username).password(password))
			.andReturn()
			.getResponse();
		for (String header : response.getHeaders("Set-Cookie")) {
			Matcher cookie = SESSION_COOKIE.matcher(header);
			if (cookie.lookingAt()) {
				return new Cookie(cookie.group(1), cookie.group(2));
			}
		}
		throw new AssertionError("No session cookie in " + response.getHeaders("Set-Cookie"));
	}

	private static String sessionId(Cookie session) {
		return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
	}

}
