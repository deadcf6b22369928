package bryt.surveys;

import java.util.List;
import java.util.Set;

/**
 * The counts {@link ResultsRepository} reads for a set of cycles, per cycle and the unit
 * (and band) responses were given in: never a response's answers, only how many.
 *
 * @param groups each cycle's unit snapshot
 * @param invited invitations per cycle, unit and band (read only under a breakdown;
 * otherwise the snapshot's {@code invited})
 * @param respondents responses per cycle, unit and band
 * @param values per cycle, unit, band and item, the responses that gave each value, and
 * (value {@code null}) that answered the item at all
 * @param areas per cycle, unit, band and scored area, the sum of the response scores
 * (fractions 0–1) and how many responses they are
 */
record ResultRows(List<Group> groups, List<Invited> invited, List<Respondents> respondents, List<ValueCount> values,
		List<AreaSum> areas) {

	/** The rows of some of the cycles. */
	ResultRows of(Set<Long> cycles) {
		return new ResultRows(this.groups.stream().filter((row) -> cycles.contains(row.cycleId())).toList(),
				this.invited.stream().filter((row) -> cycles.contains(row.cycleId())).toList(),
				this.respondents.stream().filter((row) -> cycles.contains(row.cycleId())).toList(),
				this.values.stream().filter((row) -> cycles.contains(row.cycleId())).toList(),
				this.areas.stream().filter((row) -> cycles.contains(row.cycleId())).toList());
	}

	record Group(long cycleId, long unitId, Long parentUnitId, String name, int invited) {

	}

	record Invited(long cycleId, long unitId, String band, int invited) {

	}

	record Respondents(long cycleId, long unitId, String band, int responses) {

	}

	record ValueCount(long cycleId, long unitId, String band, String itemKey, Integer value, int responses) {

	}

	record AreaSum(long cycleId, long unitId, String band, String areaKey, double scoreSum, int responses) {

	}

}
