package bryt.shared.security;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A login that has passed the password but not yet the second factor. It holds no role
 * and does not count as authenticated: {@link SecondFactorFilter} lets it reach only the
 * second-factor form ({@value #PATH}) and the logout, and every other rule of the filter
 * chains refuses it as if nobody were logged in. Once the code is right, the module that
 * checks it puts {@link #passwordLogin()} in its place.
 */
public final class SecondFactorPending extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The second-factor form and everything under it. */
	public static final String PATH = "/login/second-factor";

	private final Authentication passwordLogin;

	public SecondFactorPending(Authentication passwordLogin) {
		super(List.of());
		this.passwordLogin = passwordLogin;
		super.setAuthenticated(false);
	}

	/** The login as the password check left it, with every role of the account. */
	public Authentication passwordLogin() {
		return this.passwordLogin;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	/** The username only, so that nothing reads the account's roles from here. */
	@Override
	public Object getPrincipal() {
		return this.passwordLogin.getName();
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("A login waiting for its second factor is never authenticated");
		}
		super.setAuthenticated(false);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SecondFactorPending pending && pending.passwordLogin.equals(this.passwordLogin);
	}

	@Override
	public int hashCode() {
		return this.passwordLogin.hashCode();
	}

}
