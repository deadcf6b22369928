/**
 * The joint overview (gemensam översikt, fælles overblik): one set of figures per unit
 * and quarter that the employer and the unions both sign, frozen in quarterly snapshots,
 * and the committee report made from a snapshot.
 *
 * <p>
 * The overview reads no other module's tables. Each module that has figures for it
 * implements {@link bryt.overview.OverviewContribution}: the dependencies point from
 * workload, voice, surveys and safety to the overview, never back.
 */
@ApplicationModule(allowedDependencies = { "shared", "organisation" })
package bryt.overview;

import org.springframework.modulith.ApplicationModule;
