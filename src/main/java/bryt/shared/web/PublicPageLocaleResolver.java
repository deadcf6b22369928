package bryt.shared.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * On public pages the language is in the address ({@code ?lang=}) or the browser's
 * {@code Accept-Language}, never in a cookie, which would stay on the reporter's device
 * for a year; a language cookie set on staff pages is not read there either. Everywhere
 * else a cookie remembers the user's choice. A browser that sends no
 * {@code Accept-Language} gets the language of the organisation the page is about
 * ({@link OrganisationLanguage}), else {@link Language#DEFAULT}.
 */
final class PublicPageLocaleResolver implements LocaleResolver {

	private final PublicPages publicPages;

	private final LocaleResolver staffPages;

	private final ObjectProvider<OrganisationLanguage> organisationLanguages;

	PublicPageLocaleResolver(PublicPages publicPages, LocaleResolver staffPages,
			ObjectProvider<OrganisationLanguage> organisationLanguages) {
		this.publicPages = publicPages;
		this.staffPages = staffPages;
		this.organisationLanguages = organisationLanguages;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (this.publicPages.matches(request)) {
			return chosen(request).orElseGet(() -> unchosen(request, this.organisationLanguages)).locale();
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
	 * The language of a request whose user chose none: the browser's, else the
	 * organisation's, else {@link Language#DEFAULT}. The organisation is looked up only
	 * for a browser that names no language (a rare request, so no cost on the others).
	 */
	static Language unchosen(HttpServletRequest request, ObjectProvider<OrganisationLanguage> organisationLanguages) {
		return Language.ofHeader(request.getHeader("Accept-Language"))
			.or(() -> organisationLanguages.orderedStream()
				.map((organisation) -> organisation.of(request))
				.flatMap(Optional::stream)
				.findFirst())
			.orElse(Language.DEFAULT);
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
