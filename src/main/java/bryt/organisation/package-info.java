/**
 * The organisation tree, staff, accounts and roles. Every other module depends on it.
 */
@ApplicationModule(allowedDependencies = "shared")
package bryt.organisation;

import org.springframework.modulith.ApplicationModule;
