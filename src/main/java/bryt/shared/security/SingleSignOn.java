package bryt.shared.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Single sign-on with OpenID Connect, as the module that owns the accounts provides it
 * (organisation): the providers (a {@link ClientRegistrationRepository} read from the
 * database), who a provider's login is in Bryt, and what happens after it. The security
 * configuration turns the OpenID login on when a bean of this type exists.
 */
public interface SingleSignOn {

	/** The providers of every organisation, by their registration id. */
	ClientRegistrationRepository registrations();

	/**
	 * Checks the provider's answer and finds (or makes) the account it logs in; refuses
	 * with an
	 * {@link org.springframework.security.oauth2.core.OAuth2AuthenticationException}
	 * whose error code starts with {@code bryt_} for a refusal the login page explains.
	 */
	OAuth2UserService<OidcUserRequest, OidcUser> users();

	/**
	 * After the provider's login: puts Bryt's own login ({@link OidcLogin}) in place, or
	 * holds it at the second factor.
	 */
	AuthenticationSuccessHandler loggedIn();

}
