package bryt.shared.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a login that has passed the password but not the second factor on the
 * second-factor form: any other page sends it there, the API answers 401. The login page,
 * the logout (and its page for a provider's login), the style sheet and the error page
 * stay open.
 */
class SecondFactorFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof SecondFactorPending) || allowed(path(request))) {
			chain.doFilter(request, response);
			return;
		}
		if (path(request).startsWith("/api/")) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(request.getContextPath() + SecondFactorPending.PATH);
	}

	private static boolean allowed(String path) {
		return path.equals(SecondFactorPending.PATH) || path.startsWith(SecondFactorPending.PATH + "/")
				|| path.equals("/login") || path.equals("/logout") || path.equals(ProviderLogoutController.PATH)
				|| path.startsWith("/css/") || path.equals("/favicon.svg") || path.equals("/error");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
