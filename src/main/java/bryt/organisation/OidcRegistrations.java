package bryt.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import bryt.shared.security.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The providers of every organisation as Spring Security's client registrations, read
 * from the database at each use, so that a provider an administrator adds or changes
 * counts at once. Each issuer's discovery document
 * ({@code /.well-known/openid-configuration}) is reused for a while
 * ({@code bryt.sso.discovery-cache}); an issuer that does not answer gives no
 * registration, which the login page reports.
 */
class OidcRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(OidcRegistrations.class);

	private final OidcProviderRepository providers;

	private final OidcSecretKey secretKey;

	private final PublicUrl publicUrl;

	private final Duration cacheFor;

	private final Clock clock;

	private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

	OidcRegistrations(OidcProviderRepository providers, OidcSecretKey secretKey, PublicUrl publicUrl, Duration cacheFor,
			Clock clock) {
		this.providers = providers;
		this.secretKey = secretKey;
		this.publicUrl = publicUrl;
		this.cacheFor = cacheFor;
		this.clock = clock;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return this.providers.findByRegistrationId(registrationId).map(this::registration).orElse(null);
	}

	private ClientRegistration registration(OidcProvider provider) {
		ClientRegistration template = discover(provider.issuer());
		if (template == null) {
			return null;
		}
		String base = (this.publicUrl.value() != null && !this.publicUrl.value().isEmpty()) ? this.publicUrl.value()
				: "{baseUrl}";
		ClientRegistration.Builder builder = ClientRegistration.withClientRegistration(template)
			.registrationId(provider.registrationId())
			.clientName(provider.label())
			.clientId(provider.clientId())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(base + "/login/oauth2/code/{registrationId}")
			.scope(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)
			.userNameAttributeName(IdTokenClaimNames.SUB);
		if (provider.confidential()) {
			builder.clientSecret(this.secretKey.decrypt(provider.clientSecret(), provider.registrationId()))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		}
		else {
			builder.clientSecret(null).clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		return builder.build();
	}

	private ClientRegistration discover(String issuer) {
		Instant now = this.clock.instant();
		Discovered cached = this.discovered.get(issuer);
		if (cached != null && cached.at().plus(this.cacheFor).isAfter(now)) {
			return cached.registration();
		}
		try {
			ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
				.registrationId("discovery")
				.clientId("discovery")
				.build();
			this.discovered.put(issuer, new Discovered(registration, now));
			return registration;
		}
		catch (RuntimeException ex) {
			// The issuer's address is the administrator's input, not a secret.
			log.warn("The OpenID provider {} does not answer its discovery request: {}", issuer, ex.getMessage());
			return (cached != null) ? cached.registration() : null;
		}
	}

	private record Discovered(ClientRegistration registration, Instant at) {
	}

}
