package bryt.organisation;

import java.util.Set;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account as an administrator edits it. {@code password} is required for a new account
 * and left empty to keep the current one.
 */
record AccountForm(@NotBlank @Pattern(regexp = Accounts.USERNAME_PATTERN) @NoPersonalIdentityNumber String username,
		@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String displayName, @NotEmpty Set<Role> roles,
		Long staffId, Boolean enabled, Set<Long> unitIds, @Size(max = 200) String password) {

	static AccountForm empty() {
		return new AccountForm(null, null, Set.of(), null, true, Set.of(), null);
	}

	static AccountForm of(Account account) {
		return new AccountForm(account.username(), account.displayName(), account.roles(), account.staffId(),
				account.enabled(), account.unitIds(), null);
	}

	public boolean isEnabled() {
		return Boolean.TRUE.equals(this.enabled);
	}

	public Set<Long> coveredUnits() {
		return (this.unitIds != null) ? this.unitIds : Set.of();
	}

	public boolean hasRole(Role role) {
		return this.roles != null && this.roles.contains(role);
	}

}
