package bryt.voice;

import java.util.List;

/**
 * A reporting channel of one organisation (rapporteringskanal, indberetningskanal): what
 * it is for, who receives its reports, its deadlines and how long closed reports are
 * kept. Its questions are kept apart ({@link QuestionRepository}); the revision counts
 * their edits.
 */
record Channel(long id, long organisationId, ChannelKind kind, String name, int acknowledgeDays, int feedbackMonths,
		int retentionDays, boolean enabled, List<Long> recipientIds, int questionnaireRevision) {
}
