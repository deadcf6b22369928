/**
 * Workload (arbetsbelastning, arbejdsbyrde): case types, cases, imports from case
 * management systems, and the caseload figures both parties agree on.
 */
@ApplicationModule(allowedDependencies = { "shared", "organisation", "overview" })
package bryt.workload;

import org.springframework.modulith.ApplicationModule;
