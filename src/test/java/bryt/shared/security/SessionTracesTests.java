package bryt.shared.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import bryt.BrytTest;
import bryt.Superuser;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Item 5 of issue 9: the session store keeps who is logged in, and nothing about the
 * request, the browser or a wrong password; an anonymous visitor gets no session at all.
 */
@BrytTest
class SessionTracesTests {

	/**
	 * The session cookie, named BRYT_SESSION by the server's settings, which MockMvc (no
	 * server) does not read.
	 */
	static final Pattern SESSION_COOKIE = Pattern.compile("(BRYT_)?SESSION=[^;]");

	private static final String PASSWORD = "MARKERPASSWORD-3f9c1a";

	private static final String AGENT = "MARKERAGENT-b41e07";

	private static final String REFERRER = "MARKERREFERRER-6d2a90";

	private static final String ADDRESS = "198.51.100.173";

	private static final String COOKIE = "MARKERCOOKIE-0c77e4";

	private static final String HEADER = "MARKERHEADER-95f3b2";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DatabaseProperties database;

	@Autowired
	private EmbeddedDatabase embeddedDatabase;

	@Autowired
	private WebApplicationContext context;

	/**
	 * Spring Security's {@code csrf()} test helper swaps the filter's token repository
	 * for one in the session, for every later request of the shared context. This test
	 * needs the real one, and goes through the login form as a browser does.
	 */
	@BeforeEach
	void restoreTheCsrfTokenRepository() {
		WebTestUtils.setCsrfTokenRepository(
				new MockHttpServletRequest(this.context.getServletContext(), "GET", "/login"),
				SecurityConfiguration.csrfTokens(PublicUrl.of("")));
	}

	@Test
	void noPasswordAddressBrowserOrCookieReachesTheSessionTableOrAnyFile() throws Exception {
		int sessionsBefore = sessions();
		MockHttpServletResponse anonymous = this.mvc
			.perform(get("/staff").cookie(new Cookie("tracking", COOKIE))
				.header("X-Marker", HEADER)
				.header("User-Agent", AGENT)
				.header("Referer", "https://" + REFERRER + ".example/")
				.with(from(ADDRESS)))
			.andReturn()
			.getResponse();
		assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
		MockHttpServletResponse api = this.mvc
			.perform(get("/api/v1/organisations/exempelby/workload").cookie(new Cookie("tracking", COOKIE))
				.header("X-Marker", HEADER)
				.header("User-Agent", AGENT)
				.header("Referer", "https://" + REFERRER + ".example/")
				.with(from(ADDRESS)))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(401);
		assertThat(sessionCookies(api)).as("API").isEmpty();
		MockHttpServletResponse loginPage = this.mvc.perform(get("/login").cookie(new Cookie("tracking", COOKIE)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse failed = this.mvc
			.perform(login(loginPage, PASSWORD).with(from(ADDRESS))
				.header("User-Agent", AGENT)
				.header("Referer", "https://" + REFERRER + ".example/"))
			.andReturn()
			.getResponse();
		assertThat(failed.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(sessionCookies(anonymous)).as("protected page").isEmpty();
		assertThat(sessionCookies(loginPage)).as("login page").isEmpty();
		assertThat(sessionCookies(failed)).as("failed login").isEmpty();
		assertThat(sessions()).isEqualTo(sessionsBefore);

		MockHttpServletResponse loggedIn = this.mvc
			.perform(login(loginPage, "demo").with(from(ADDRESS))
				.header("User-Agent", AGENT)
				.header("Referer", "https://" + REFERRER + ".example/")
				.cookie(new Cookie("tracking", COOKIE)))
			.andReturn()
			.getResponse();
		assertThat(loggedIn.getRedirectedUrl()).isEqualTo("/");
		assertThat(sessionCookies(loggedIn)).hasSize(1);
		assertThat(sessions()).isEqualTo(sessionsBefore + 1);
		// Only the superuser may force a checkpoint (Bryt's own role may not).
		JdbcClient.create(Superuser.of(this.embeddedDatabase, this.database)).sql("checkpoint").update();

		String[] markers = { PASSWORD, AGENT, REFERRER, ADDRESS, COOKIE, HEADER };
		List<String> stored = this.jdbc.sql("select attribute_name, attribute_bytes from spring_session_attributes")
			.query((row, number) -> row.getString(1) + ": " + new String(row.getBytes(2), StandardCharsets.ISO_8859_1))
			.list();
		assertThat(stored).isNotEmpty().noneMatch((attribute) -> containsAny(attribute, markers));
		assertThat(stored).noneMatch((attribute) -> attribute.startsWith("SPRING_SECURITY_LAST_EXCEPTION")
				|| attribute.startsWith("SPRING_SECURITY_SAVED_REQUEST"));
		assertThat(filesContaining(this.database.dataDir(), markers)).isEmpty();
	}

	/** The login form posted with the token the login page gave, as a browser does. */
	private static MockHttpServletRequestBuilder login(MockHttpServletResponse loginPage, String password)
			throws Exception {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.getContentAsString());
		assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
		MockHttpServletRequestBuilder post = post("/login").param("username", "hr")
			.param("password", password)
			.param("_csrf", token.group(1));
		for (Cookie cookie : loginPage.getCookies()) {
			post.cookie(cookie);
		}
		return post;
	}

	private int sessions() {
		return this.jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static List<String> sessionCookies(MockHttpServletResponse... responses) {
		List<String> cookies = new ArrayList<>();
		for (MockHttpServletResponse response : responses) {
			response.getHeaders("Set-Cookie")
				.stream()
				.filter((cookie) -> SESSION_COOKIE.matcher(cookie).lookingAt())
				.forEach(cookies::add);
		}
		return cookies;
	}

	private static boolean containsAny(String text, String... markers) {
		return Stream.of(markers).anyMatch(text::contains);
	}

	static List<String> filesContaining(Path directory, String... markers) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content;
				try {
					content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				}
				catch (IOException ex) {
					continue;
				}
				for (String marker : markers) {
					if (content.contains(marker)) {
						found.add(file + ": " + marker);
					}
				}
			}
		}
		return found;
	}

}
