package bryt.shared.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * On public pages the language is in the address ({@code ?lang=}) or the browser's
 * {@code Accept-Language}, never in a cookie, which would stay on the reporter's device
 * for a year; a language cookie set on staff pages is not read there either. Everywhere
 * else a cookie remembers the user's choice.
 */
final class PublicPageLocaleResolver implements LocaleResolver {

	private final PublicPages publicPages;

	private final LocaleResolver staffPages;

	PublicPageLocaleResolver(PublicPages publicPages, LocaleResolver staffPages) {
		this.publicPages = publicPages;
		this.staffPages = staffPages;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (this.publicPages.matches(request)) {
			return chosen(request).orElseGet(() -> Language.bestMatch(request.getHeader("Accept-Language"))).locale();
		}
		return this.staffPages.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (!this.publicPages.matches(request)) {
			this.staffPages.setLocale(request, response, locale);
		}
	}

	/**
	 * The language chosen in the address, if any. Read from the query string, not with
	 * {@code getParameter}: on a multipart upload that would make Tomcat parse the body
	 * here, before Spring MVC, whose handler answers a file over the limit with a page of
	 * its own.
	 */
	static Optional<Language> chosen(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return Optional.empty();
		}
		return Language.ofCode(UriComponentsBuilder.newInstance()
			.query(query)
			.build()
			.getQueryParams()
			.getFirst(WebConfiguration.LANGUAGE_PARAMETER));
	}

}
