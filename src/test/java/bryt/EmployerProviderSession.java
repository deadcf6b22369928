package bryt;

import java.time.Instant;
import java.util.Map;

import bryt.shared.security.OidcLogin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * A session that logged in through an employer's identity provider, for the tests of acts
 * the employee side refuses from one: the provider registered for the organisation
 * (employer's side, the default) and the login as Bryt keeps it in the session.
 */
public final class EmployerProviderSession {

	private EmployerProviderSession() {
	}

	/**
	 * Registers an employer's provider {@code registration} for the organisation and
	 * returns the account's login through it.
	 */
	public static OidcLogin of(JdbcClient jdbc, long organisationId, String registration, UserDetails account) {
		jdbc.sql("""
				insert into oidc_provider (organisation_id, registration_id, label, issuer, client_id)
				values (:org, :registration, 'Employer', :issuer, 'bryt')
				""")
			.param("org", organisationId)
			.param("registration", registration)
			.param("issuer", "https://login.example/" + registration)
			.update();
		return new OidcLogin(account, account.getAuthorities(), registration, new OidcIdToken("token", Instant.now(),
				Instant.now().plusSeconds(60), Map.of("sub", "employer-subject")));
	}

}
