/**
 * Small pieces every module may use: the clock, the database start-up, web layout,
 * security defaults and languages.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package bryt.shared;

import org.springframework.modulith.ApplicationModule;
