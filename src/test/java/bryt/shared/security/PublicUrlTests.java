package bryt.shared.security;

import bryt.ServerTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 12 of issue 9: Bryt behind a proxy that ends TLS sees plain HTTP; with an https
 * {@code bryt.public-url} it still sends HSTS and marks its cookies Secure. A real server
 * and a plain HTTP client, as the proxy would talk to it.
 */
@ServerTest
class PublicUrlTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anHttpsPublicUrlTurnsOnHstsAndSecureCookiesBehindAPlainHttpProxy() throws Exception {
		HttpResponse<String> loginPage = this.http.send(HttpRequest.newBuilder(url("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loginPage.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
		List<String> csrfCookies = loginPage.headers().allValues("Set-Cookie");
		assertThat(csrfCookies).singleElement().asString().startsWith("BRYT_CSRF=").contains("; Secure");

		Matcher token = CSRF.matcher(loginPage.body());
		assertThat(token.find()).isTrue();
		String form = "username=hr&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> loggedIn = this.http.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookies.get(0).substring(0, csrfCookies.get(0).indexOf(';')))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying((location) -> location.endsWith("/"));
		assertThat(loggedIn.headers().allValues("Set-Cookie"))
			.filteredOn((cookie) -> cookie.startsWith("BRYT_SESSION="))
			.singleElement()
			.asString()
			.contains("; Secure")
			.contains("; HttpOnly");
		assertThat(loggedIn.headers().firstValue("Strict-Transport-Security")).isPresent();

		HttpResponse<String> report = this.http.send(HttpRequest.newBuilder(url("/report")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(report.headers().firstValue("Strict-Transport-Security")).isPresent();
		HttpResponse<String> api = this.http.send(
				HttpRequest.newBuilder(url("/api/v1/organisations/exempelby/workload")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
