package bryt.organisation;

/**
 * An administrator changed what an account may do or who logs in with it (enabled, roles,
 * covered units, staff link, username). Its open sessions carry the old state and end.
 *
 * @param accountId the account
 * @param previousUsername the login name the sessions were opened with
 */
record AccessChanged(long accountId, String previousUsername) {
}
