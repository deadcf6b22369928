package bryt.shared.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write to the anonymous pages that the browser says comes from another site
 * (Fetch Metadata's {@code Sec-Fetch-Site}). These pages carry no CSRF token, since there
 * is no session to hold one, so a copy of the report form on another site could post a
 * reporter's browser to them: file what the reporter typed into the copy, or show a
 * genuine "received" panel on Bryt's own address for a receipt the copy made up. Browsers
 * send the header on every request; a client without it (a script) has no reporter's
 * browser to borrow. A request the user made by typing or a bookmark says {@code none}.
 */
class CrossSiteWrites extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
			HttpMethod.OPTIONS.name());

	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		if (!SAFE_METHODS.contains(request.getMethod()) && site != null && !OWN_SITE.contains(site)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

}
