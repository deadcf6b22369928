/**
 * Surveys (enkäter, spørgeskemaer): exit surveys in two stages, the annual
 * work-environment survey and pulses, on Bryt's own questions or an imported instrument
 * pack, with one anonymity engine applied by the server to every output for every role.
 */
@ApplicationModule(allowedDependencies = { "shared", "organisation", "overview" })
package bryt.surveys;

import org.springframework.modulith.ApplicationModule;
