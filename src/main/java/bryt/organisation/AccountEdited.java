package bryt.organisation;

/**
 * An administrator changed an account in a way that leaves its access and its sessions as
 * they were (its display name). {@link AccessChanges} counts it as a change all the same:
 * a new name can make an account pass for someone else's.
 *
 * @param accountId the account
 */
record AccountEdited(long accountId) {
}
