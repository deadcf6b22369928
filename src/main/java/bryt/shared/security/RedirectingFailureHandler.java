package bryt.shared.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed login back to the form, and nothing else. Spring Security's own handlers
 * keep the exception in the session for the next page; from Spring Security 6.5 on that
 * exception carries the attempted login, password included, and the session is in the
 * database. The login page shows its message from the redirect's query instead.
 */
final class RedirectingFailureHandler implements AuthenticationFailureHandler {

	private final Map<Class<? extends AuthenticationException>, String> urls;

	private final String defaultUrl;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	/**
	 * @param urls where each kind of failure goes (its subclasses too)
	 * @param defaultUrl where every other failure goes
	 */
	RedirectingFailureHandler(Map<Class<? extends AuthenticationException>, String> urls, String defaultUrl) {
		this.urls = Map.copyOf(urls);
		this.defaultUrl = defaultUrl;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String url = this.urls.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().isInstance(exception))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(this.defaultUrl);
		this.redirects.sendRedirect(request, response, url);
	}

}
