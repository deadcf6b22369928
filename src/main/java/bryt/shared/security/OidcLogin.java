package bryt.shared.security;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * A login through an OpenID provider, as Bryt keeps it in the session: the account (the
 * same principal a password login has, so that every page reads it the same way), the
 * provider's registration id and its ID token, which the logout hands back to the
 * provider ({@code id_token_hint}) to end the provider's session too.
 */
public final class OidcLogin extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Object principal;

	private final String registrationId;

	private final OidcIdToken idToken;

	public OidcLogin(Object principal, Collection<? extends GrantedAuthority> authorities, String registrationId,
			OidcIdToken idToken) {
		super(authorities);
		this.principal = principal;
		this.registrationId = registrationId;
		this.idToken = idToken;
		super.setAuthenticated(true);
	}

	public String registrationId() {
		return this.registrationId;
	}

	public OidcIdToken idToken() {
		return this.idToken;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OidcLogin login && login.principal.equals(this.principal)
				&& login.registrationId.equals(this.registrationId);
	}

	@Override
	public int hashCode() {
		return this.principal.hashCode();
	}

	@Override
	public String toString() {
		// The ID token is a credential of sorts: never in a log line.
		return "OidcLogin[" + this.principal + ", " + this.registrationId + "]";
	}

}
