package bryt.voice;

import java.util.List;

/**
 * An account got reports back: re-granted by a co-recipient, or recovered by the recovery
 * key's holders. Published inside the transaction; the e-mails go after it committed.
 *
 * @param organisationId the organisation
 * @param accountId the account that got access back
 * @param by who gave it: the re-granting recipient, or the approving holders
 * @param recovery whether through the recovery key rather than a re-grant
 * @param reportIds the reports it got back
 */
record AccessRestored(long organisationId, long accountId, List<Long> by, boolean recovery, List<Long> reportIds) {
}
