package bryt;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for {@link ServerTest}s: it keeps Bryt's cookies, follows
 * redirects one by one (to Bryt and to an identity provider on the loopback address), and
 * reaches {@code https://bryt.example/} (Bryt's public address in those tests) on the
 * local port, as the proxy that ends TLS would. The identity provider gets no cookie.
 */
public final class HttpVisitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PUBLIC = "https://bryt.example";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String local;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	/** Every address this visitor asked for, in order. */
	public final List<URI> visited = new ArrayList<>();

	public HttpVisitor(int port) {
		this.local = "http://localhost:" + port;
	}

	/** One answer. {@code location} is the redirect's target, if any. */
	public record Page(int status, String location, String body, Map<String, List<String>> headers) {

		public String csrf() {
			Matcher matcher = CSRF.matcher(this.body);
			if (!matcher.find()) {
				throw new IllegalStateException("No CSRF token on the page");
			}
			return matcher.group(1);
		}

	}

	/** One GET, no redirect followed. */
	public Page get(String address) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(address)).GET(), address);
	}

	/** A form POST with the CSRF token of {@code formPage}, no redirect followed. */
	public Page post(String address, Page formPage, String... namesAndValues) throws IOException, InterruptedException {
		List<String> pairs = new ArrayList<>(List.of(namesAndValues));
		if (formPage != null) {
			pairs.add("_csrf");
			pairs.add(formPage.csrf());
		}
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < pairs.size(); i += 2) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(uri(address))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())), address);
	}

	/** Follows the redirects from {@code page} until an answer that is not one. */
	public Page follow(Page page) throws IOException, InterruptedException {
		Page current = page;
		for (int i = 0; i < 20 && current.location() != null && current.status() / 100 == 3; i++) {
			current = get(current.location());
		}
		return current;
	}

	/** A GET and every redirect after it. */
	public Page open(String address) throws IOException, InterruptedException {
		return follow(get(address));
	}

	public String cookie(String name) {
		return this.cookies.get(name);
	}

	/** Forgets every cookie (a new browser). */
	public void forget() {
		this.cookies.clear();
	}

	/** Puts a cookie back (an old session's, as a stolen or kept cookie would be). */
	public void cookie(String name, String value) {
		this.cookies.put(name, value);
	}

	private Page send(HttpRequest.Builder request, String address) throws IOException, InterruptedException {
		URI uri = uri(address);
		boolean bryt = uri.toString().startsWith(this.local);
		// An English browser, as EnglishBrowser makes MockMvc's.
		request.header("Accept-Language", "en");
		if (bryt && !this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		this.visited.add(uri);
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (bryt) {
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
		}
		String location = response.headers()
			.firstValue("Location")
			.map((to) -> uri.resolve(to).toString())
			.orElse(null);
		return new Page(response.statusCode(), location, response.body(), response.headers().map());
	}

	private URI uri(String address) {
		if (address.startsWith("/")) {
			return URI.create(this.local + address);
		}
		if (address.startsWith(PUBLIC)) {
			return URI.create(this.local + address.substring(PUBLIC.length()));
		}
		return URI.create(address);
	}

}
