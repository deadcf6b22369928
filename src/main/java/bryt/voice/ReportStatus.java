package bryt.voice;

/** Where a report stands: new → acknowledged → in follow-up → closed. */
enum ReportStatus {

	NEW, ACKNOWLEDGED, IN_FOLLOW_UP, CLOSED

}
