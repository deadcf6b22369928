package bryt.voice;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.organisation.StaffMember;
import bryt.organisation.Unit;

/**
 * The units whose staff are so few that a report naming the unit may point to its writer:
 * fewer than {@value #RECOGNISABLE_BELOW} people employed today, counting those of the
 * units below it. Counted from organisation's public API, never from its tables.
 */
final class SmallUnits {

	static final int RECOGNISABLE_BELOW = 10;

	private SmallUnits() {
	}

	static Set<Long> of(List<Unit> units, List<StaffMember> staff, LocalDate today) {
		Map<Long, Long> parents = new HashMap<>();
		units.forEach((unit) -> parents.put(unit.id(), unit.parentId()));
		Map<Long, Integer> counts = new HashMap<>();
		for (StaffMember member : staff) {
			if (!member.employedOn(today)) {
				continue;
			}
			// Each member counts in their unit and every unit above it.
			Set<Long> seen = new HashSet<>();
			for (Long unit = member.unitId(); unit != null && seen.add(unit); unit = parents.get(unit)) {
				counts.merge(unit, 1, Integer::sum);
			}
		}
		Set<Long> small = new HashSet<>();
		units.stream()
			.filter((unit) -> counts.getOrDefault(unit.id(), 0) < RECOGNISABLE_BELOW)
			.forEach((unit) -> small.add(unit.id()));
		return small;
	}

}
