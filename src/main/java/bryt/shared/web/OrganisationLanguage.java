package bryt.shared.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of the organisation a request is about, for a browser that names none in
 * {@code Accept-Language}: Swedish for a Swedish organisation, Danish for a Danish one.
 * Modules declare beans of this type for what they know of a request (the logged-in
 * account's organisation, the organisation in a public page's path); the first that knows
 * wins.
 */
@FunctionalInterface
public interface OrganisationLanguage {

	/**
	 * The language of the request's organisation.
	 * @param request the request, after the security filters
	 * @return the language, or empty when this bean does not know the organisation
	 */
	Optional<Language> of(HttpServletRequest request);

}
