package bryt.shared.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * After the logout of a provider's login: a short page of Bryt's that sends the browser
 * on to the provider's end-session endpoint (RP-initiated logout, with the ID token as
 * {@code id_token_hint}), by an immediate refresh and a link. Not a redirect: the logout
 * is a form, and the pages' {@code form-action 'self'} would stop a browser from
 * following a form's redirect to another site. The page itself is
 * {@link ProviderLogoutController}'s, in the layout, reached by a forward.
 */
final class ProviderLogoutPage {

	private final Endpoint endpoint;

	ProviderLogoutPage(ClientRegistrationRepository registrations, String postLogoutRedirectUri) {
		this.endpoint = new Endpoint(registrations);
		this.endpoint.setPostLogoutRedirectUri(postLogoutRedirectUri);
		this.endpoint.setDefaultTargetUrl("/login?logout");
	}

	void show(HttpServletRequest request, HttpServletResponse response, OidcLogin login)
			throws IOException, ServletException {
		DefaultOidcUser user = new DefaultOidcUser(List.of(), login.idToken(), IdTokenClaimNames.SUB);
		String target = this.endpoint.target(request, response,
				new OAuth2AuthenticationToken(user, List.of(), login.registrationId()));
		if (target.startsWith("/")) {
			// The provider has no end-session endpoint.
			response.sendRedirect(request.getContextPath() + target);
			return;
		}
		request.setAttribute(ProviderLogoutController.TARGET, target);
		// The forward leaves behind the filters after Spring Security's, among them the
		// one that gives the page's links to assets their hashed names: applied here.
		new ResourceUrlEncodingFilter().doFilter(request, response,
				(wrappedRequest, wrappedResponse) -> wrappedRequest.getRequestDispatcher(ProviderLogoutController.PATH)
					.forward(wrappedRequest, wrappedResponse));
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
