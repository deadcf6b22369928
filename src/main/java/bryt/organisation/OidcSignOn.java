package bryt.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import bryt.shared.database.DatabaseProperties;
import bryt.shared.security.OidcLogin;
import bryt.shared.security.PublicUrl;
import bryt.shared.security.SingleSignOn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Single sign-on with the organisations' OpenID providers (issue 16): what the security
 * configuration needs from the accounts' module.
 */
@Configuration(proxyBeanMethods = false)
class OidcSignOn {

	@Bean
	OidcSecretKey oidcSecretKey(OidcProperties properties, DatabaseProperties database) {
		return OidcSecretKey.load(properties.secretKey(), database.dataDir().resolve("keys"));
	}

	@Bean
	ClientRegistrationRepository oidcRegistrations(OidcProviderRepository providers, OidcSecretKey key,
			PublicUrl publicUrl, OidcProperties properties, Clock clock) {
		return new OidcRegistrations(providers, key, publicUrl, properties.discoveryCache(), clock);
	}

	@Bean
	SingleSignOn singleSignOn(ClientRegistrationRepository registrations, OidcProviderRepository providers,
			OidcAccounts accounts, SecondFactorLogin secondFactorLogin) {
		OidcUserService standard = new OidcUserService();
		OAuth2UserService<OidcUserRequest, OidcUser> users = (request) -> {
			OidcUser user = standard.loadUser(request);
			OidcProvider provider = providers.findByRegistrationId(request.getClientRegistration().getRegistrationId())
				.orElseThrow(() -> OidcAccounts.refused("unavailable"));
			OidcAccounts.Login login = accounts.login(provider, user, pendingLink());
			return new ProviderUser(user, login);
		};
		AuthenticationSuccessHandler loggedIn = (request, response, authentication) -> {
			OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
			ProviderUser user = (ProviderUser) token.getPrincipal();
			CurrentAccount account = user.login().account();
			List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
			secondFactorLogin.afterProvider(
					new OidcLogin(account, authorities, token.getAuthorizedClientRegistrationId(), user.getIdToken()),
					user.login().multiFactor(), request, response);
		};
		return new SingleSignOn() {
			@Override
			public ClientRegistrationRepository registrations() {
				return registrations;
			}

			@Override
			public OAuth2UserService<OidcUserRequest, OidcUser> users() {
				return users;
			}

			@Override
			public AuthenticationSuccessHandler loggedIn() {
				return loggedIn;
			}
		};
	}

	/**
	 * The link to an account in use its holder asked for ({@link OidcAccountLinks}),
	 * taken out of the session: it serves one login through the provider, whatever comes
	 * of it.
	 */
	private static OidcAccountLinks.PendingLink pendingLink() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
			HttpSession session = servlet.getRequest().getSession(false);
			if (session != null
					&& session.getAttribute(OidcAccountLinks.PENDING) instanceof OidcAccountLinks.PendingLink link) {
				session.removeAttribute(OidcAccountLinks.PENDING);
				return link;
			}
		}
		return null;
	}

	/**
	 * The provider's user with the Bryt login it resolved to, until the success handler.
	 */
	static final class ProviderUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final transient OidcAccounts.Login login;

		ProviderUser(OidcUser user, OidcAccounts.Login login) {
			super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
			this.login = login;
		}

		OidcAccounts.Login login() {
			return this.login;
		}

	}

}
