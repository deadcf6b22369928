package bryt.organisation;

import java.io.Serial;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in account, as every module sees it. It carries no password once the login
 * is done.
 */
public final class CurrentAccount implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final long organisationId;

	private final String username;

	private final String displayName;

	private final Set<Role> roles;

	private final Long staffId;

	private final boolean enabled;

	private String passwordHash;

	CurrentAccount(long accountId, long organisationId, String username, String displayName, Set<Role> roles,
			Long staffId, boolean enabled, String passwordHash) {
		this.accountId = accountId;
		this.organisationId = organisationId;
		this.username = username;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.staffId = staffId;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	public long accountId() {
		return this.accountId;
	}

	public long organisationId() {
		return this.organisationId;
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** The staff member this account belongs to, if it is linked to one. */
	public Optional<Long> staffId() {
		return Optional.ofNullable(this.staffId);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentAccount account && account.accountId == this.accountId;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.accountId);
	}

	@Override
	public String toString() {
		return "CurrentAccount[" + this.accountId + "]";
	}

}
