package bryt.organisation;

import java.time.LocalDate;

/**
 * The demo municipality's organisation tree, staff and accounts exist; modules add their
 * demo data. Published in demo mode only, inside the transaction that created it.
 *
 * @param organisationId the demo organisation
 * @param today the day the demo is created, which its dates are relative to
 */
public record DemoMunicipalityCreated(long organisationId, LocalDate today) {
}
