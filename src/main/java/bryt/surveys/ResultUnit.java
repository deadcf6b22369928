package bryt.surveys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one group: a unit with all its descendants in the cycles' snapshots and,
 * under a breakdown, one band. Nothing here says whether a figure may be shown: that is
 * the anonymity engine's decision over all the groups a viewer can see.
 *
 * @param unitId the unit
 * @param band the tenure or age band under a breakdown, {@code null} otherwise (and for
 * responses without a band under one)
 * @param parentUnitId its parent in the latest snapshot, {@code null} for a top unit
 * @param name its name in the latest snapshot
 * @param respondents responses counted
 * @param participation respondents of invited
 * @param distributions per item (every kind but free text), in the instrument's order
 * @param areaIndices per scored area, in the instrument's order
 * @param recommend per recommend item
 * @param exitReasons the reasons and yes/no answers
 */
record ResultUnit(long unitId, String band, Long parentUnitId, String name, int respondents,
		Participation participation, List<Distribution> distributions, Map<String, AreaIndex> areaIndices,
		Map<String, RecommendScore> recommend, ExitReasons exitReasons) {

	ResultUnit {
		distributions = List.copyOf(distributions);
		areaIndices = Collections.unmodifiableMap(new LinkedHashMap<>(areaIndices));
		recommend = Collections.unmodifiableMap(new LinkedHashMap<>(recommend));
	}

	Optional<Distribution> distribution(String itemKey) {
		return this.distributions.stream().filter((d) -> d.itemKey().equals(itemKey)).findFirst();
	}

}
