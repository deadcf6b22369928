package bryt.shared.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.util.HtmlUtils;

/**
 * After the logout of a provider's login: a short page of Bryt's that sends the browser
 * on to the provider's end-session endpoint (RP-initiated logout, with the ID token as
 * {@code id_token_hint}), by an immediate refresh and a link. Not a redirect: the logout
 * is a form, and the pages' {@code form-action 'self'} would stop a browser from
 * following a form's redirect to another site.
 */
final class ProviderLogoutPage {

	private final Endpoint endpoint;

	private final MessageSource messages;

	ProviderLogoutPage(ClientRegistrationRepository registrations, String postLogoutRedirectUri,
			MessageSource messages) {
		this.endpoint = new Endpoint(registrations);
		this.endpoint.setPostLogoutRedirectUri(postLogoutRedirectUri);
		this.endpoint.setDefaultTargetUrl("/login?logout");
		this.messages = messages;
	}

	void show(HttpServletRequest request, HttpServletResponse response, OidcLogin login) throws IOException {
		DefaultOidcUser user = new DefaultOidcUser(List.of(), login.idToken(), IdTokenClaimNames.SUB);
		String target = this.endpoint.target(request, response,
				new OAuth2AuthenticationToken(user, List.of(), login.registrationId()));
		if (target.startsWith("/")) {
			// The provider has no end-session endpoint.
			response.sendRedirect(request.getContextPath() + target);
			return;
		}
		Locale locale = LocaleContextHolder.getLocale();
		String title = HtmlUtils.htmlEscape(this.messages.getMessage("logout.provider.title", null, locale));
		String link = HtmlUtils.htmlEscape(this.messages.getMessage("logout.provider.continue", null, locale));
		String url = HtmlUtils.htmlEscape(target);
		String css = request.getContextPath();
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter()
			.write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
					+ "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>" + title
					+ "</title><link rel=\"stylesheet\" href=\"" + css + "/design/govuk-frontend.min.css\">"
					+ "<link rel=\"stylesheet\" href=\"" + css + "/css/bryt.css\"></head>"
					+ "<body class=\"govuk-template__body\"><div class=\"govuk-width-container\">"
					+ "<main class=\"govuk-main-wrapper\" id=\"main\"><h1 class=\"govuk-heading-l\">" + title
					+ "</h1><p class=\"govuk-body\"><a class=\"govuk-link\" id=\"provider-logout\" href=\"" + url
					+ "\">" + link + "</a></p></main></div></body></html>");
	}

	/** Spring Security's RP-initiated logout, asked for its address only. */
	private static final class Endpoint extends OidcClientInitiatedLogoutSuccessHandler {

		Endpoint(ClientRegistrationRepository registrations) {
			super(registrations);
		}

		String target(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
			return determineTargetUrl(request, response, authentication);
		}

	}

}
