package bryt.organisation;

import java.util.Set;

/**
 * An administrator made an account, or gave an existing one roles it did not have
 * (published in the change's transaction). A module for which a role lets an account
 * speak for a party tells that party's other accounts (surveys: the employee side of the
 * comment review).
 *
 * @param organisationId the account's organisation
 * @param accountId the account
 * @param displayName its display name
 * @param username its username
 * @param gained the roles it did not have before (all of them for a new account)
 */
public record RolesGained(long organisationId, long accountId, String displayName, String username, Set<Role> gained) {

	public RolesGained {
		gained = Set.copyOf(gained);
	}

}
