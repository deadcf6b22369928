/**
 * Safety (säkerhet, sikkerhed): threats, violence and online exposure against staff.
 * Incidents reported in two minutes (logged in, or anonymously on a public form), routed
 * at once to the unit's manager and safety representative, with the legal clocks (the
 * duty to notify the authority, support, the police report), protection measures, the
 * investigation and its actions, and figures per unit for the overview. Voice's
 * cryptography and receipts protect what the reporter wrote; the workload module's
 * two-handler figures are read through its API.
 */
@ApplicationModule(allowedDependencies = { "shared", "organisation", "voice", "workload", "overview" })
package bryt.safety;

import org.springframework.modulith.ApplicationModule;
