package bryt.organisation;

import java.util.Set;

/**
 * A login. {@code unitIds} are the units the account covers as manager or union
 * representative; each covers its whole subtree.
 */
record Account(long id, long organisationId, String username, String displayName, Set<Role> roles, Long staffId,
		boolean enabled, Set<Long> unitIds) {
}
