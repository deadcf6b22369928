package bryt.organisation;

/**
 * Staff or units of an organisation changed, so figures that depend on them must be
 * computed anew.
 *
 * @param organisationId the organisation
 */
public record OrganisationChanged(long organisationId) {
}
