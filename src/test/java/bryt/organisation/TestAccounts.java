package bryt.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Logged-in accounts for tests that act on a page without an account row: a web slice (no
 * database) or a fixture that uploads for an organisation created in the test. The
 * account id is made up and has no password; what a controller reads from the principal
 * (organisation, roles, staff link) is what the test passes.
 */
public final class TestAccounts {

	private TestAccounts() {
	}

	/** An account of the organisation with the given roles and no staff link. */
	public static CurrentAccount of(long organisationId, Role first, Role... more) {
		return of(-organisationId, organisationId, null, EnumSet.of(first, more));
	}

	/** An account linked to a staff member, as a social worker's own account is. */
	public static CurrentAccount staff(long organisationId, long staffId) {
		return of(-organisationId - 1_000_000, organisationId, staffId, EnumSet.of(Role.STAFF));
	}

	private static CurrentAccount of(long accountId, long organisationId, Long staffId, Set<Role> roles) {
		return new CurrentAccount(accountId, organisationId, "test-" + accountId, "Test " + roles, roles, staffId, true,
				null);
	}

}
