package bryt.safety;

/**
 * An incident was stored (logged in or anonymous): the routing sends its notices on this
 * event, after the reporting transaction committed. Carries ids only, never content.
 *
 * @param organisationId the incident's organisation
 * @param incidentId the incident
 */
record IncidentReported(long organisationId, long incidentId) {
}
