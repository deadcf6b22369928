package bryt.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a public page whose language was chosen with {@code ?lang=}, every link and form to
 * another public page carries the same {@code lang}: there is no cookie to remember it.
 * Thymeleaf's {@code @{...}} links and Spring's redirects pass through
 * {@link HttpServletResponse#encodeURL}, the servlet API's hook for keeping state in
 * links, which this filter extends.
 */
final class LanguageInLinks extends OncePerRequestFilter {

	private final PublicPages publicPages;

	LanguageInLinks(PublicPages publicPages) {
		this.publicPages = publicPages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.publicPages.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Language language = PublicPageLocaleResolver.chosen(request).orElse(null);
		if (language == null) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public String encodeURL(String url) {
				return super.encodeURL(withLanguage(request, url, language));
			}

			@Override
			public String encodeRedirectURL(String url) {
				return super.encodeRedirectURL(withLanguage(request, url, language));
			}

		});
	}

	private String withLanguage(HttpServletRequest request, String url, Language language) {
		if (url == null) {
			return null;
		}
		int fragmentStart = url.indexOf('#');
		String fragment = (fragmentStart >= 0) ? url.substring(fragmentStart) : "";
		String rest = (fragmentStart >= 0) ? url.substring(0, fragmentStart) : url;
		int queryStart = rest.indexOf('?');
		String path = (queryStart >= 0) ? rest.substring(0, queryStart) : rest;
		String query = (queryStart >= 0) ? rest.substring(queryStart + 1) : "";
		boolean hasLanguage = ("&" + query).contains("&" + WebConfiguration.LANGUAGE_PARAMETER + "=");
		if (hasLanguage || !this.publicPages.matchesPath(request, path)) {
			return url;
		}
		String parameter = WebConfiguration.LANGUAGE_PARAMETER + "=" + language.code();
		return path + "?" + (query.isEmpty() ? parameter : query + "&" + parameter) + fragment;
	}

}
