package bryt.organisation;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A program that calls the HTTP API with an organisation's token. It acts for that
 * organisation as a whole, like HR: it sees every figure and may import.
 */
public final class ApiClient extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	public static final String AUTHORITY = "ROLE_API_CLIENT";

	private final long organisationId;

	private final long tokenId;

	private final String tokenName;

	ApiClient(long organisationId, long tokenId) {
		this(organisationId, tokenId, null);
	}

	ApiClient(long organisationId, long tokenId, String tokenName) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.organisationId = organisationId;
		this.tokenId = tokenId;
		this.tokenName = tokenName;
		setAuthenticated(true);
	}

	public long organisationId() {
		return this.organisationId;
	}

	/**
	 * The name the token was given when it was created, e.g. "payroll export": who ran an
	 * import, in the import history.
	 */
	public String tokenName() {
		return (this.tokenName != null) ? this.tokenName : getName();
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return "api-token-" + this.tokenId;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ApiClient client && client.tokenId == this.tokenId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.tokenId);
	}

}
