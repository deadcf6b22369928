package bryt.organisation;

/**
 * A new organisation exists; modules set up its defaults (for example the case type
 * catalogue of its country).
 */
public record OrganisationCreated(long organisationId, Country country) {
}
