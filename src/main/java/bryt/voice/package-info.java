/**
 * Voice: the anonymous two-way reporting channel (visselblåsning, whistleblowing).
 * Reporters need no login; reports are encrypted so that only their recipients can read
 * them. Depends on organisation and shared only, never on workload: nothing in a report
 * can be joined to a caseload.
 */
@ApplicationModule(allowedDependencies = { "shared", "organisation", "overview" })
package bryt.voice;

import org.springframework.modulith.ApplicationModule;
