package bryt.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turns the counts of a cycle, or a pool of cycles, into each group's figures.
 *
 * <p>
 * A unit's figures cover its own responses and its descendants': each count is added to
 * its unit and to every ancestor in <em>its own cycle's</em> snapshot, so a
 * reorganisation between two pooled exit months moves no answer, and a parent's counts
 * are always the sum of its own and its children's. Pooling cycles adds their counts.
 */
final class ResultCalculator {

	private ResultCalculator() {
	}

	/**
	 * The figures of a pool of cycles.
	 * @param periodStart the period's first day
	 * @param periodEnd the period's last day
	 * @param cycles the cycles, oldest first; their rows only are counted
	 * @param instrument the instrument whose items and areas are shown (the latest
	 * cycle's); items of other instruments in the pool count where their keys match
	 * @param rows the counts (rows of other cycles are ignored)
	 * @param breakdown the breakdown {@code rows} were read with
	 */
	static ResultFigures figures(LocalDate periodStart, LocalDate periodEnd, List<ResultCycle> cycles,
			ResultInstrument instrument, ResultRows rows, ResultBreakdown breakdown) {
		Set<Long> ids = new HashSet<>();
		cycles.forEach((cycle) -> ids.add(cycle.id()));
		ResultRows counted = rows.of(ids);
		Map<Long, Map<Long, Long>> parents = new HashMap<>();
		Map<Long, ResultRows.Group> latest = new HashMap<>();
		Map<Long, Integer> order = new HashMap<>();
		for (int i = 0; i < cycles.size(); i++) {
			order.put(cycles.get(i).id(), i);
		}
		for (ResultRows.Group group : counted.groups()) {
			parents.computeIfAbsent(group.cycleId(), (id) -> new HashMap<>()).put(group.unitId(), group.parentUnitId());
			ResultRows.Group known = latest.get(group.unitId());
			if (known == null || order.get(group.cycleId()) >= order.get(known.cycleId())) {
				latest.put(group.unitId(), group);
			}
		}
		// Each row is added to its own unit first and each unit's counts once to its
		// ancestors: a walk up the tree per unit, not per row.
		Map<Own, Counts> own = new HashMap<>();
		if (breakdown == ResultBreakdown.NONE) {
			for (ResultRows.Group group : counted.groups()) {
				own(own, group.cycleId(), group.unitId(), null).invited += group.invited();
			}
		}
		else {
			for (ResultRows.Invited invited : counted.invited()) {
				own(own, invited.cycleId(), invited.unitId(), invited.band()).invited += invited.invited();
			}
		}
		for (ResultRows.Respondents row : counted.respondents()) {
			own(own, row.cycleId(), row.unitId(), row.band()).respondents += row.responses();
		}
		for (ResultRows.ValueCount row : counted.values()) {
			Counts each = own(own, row.cycleId(), row.unitId(), row.band());
			if (row.value() == null) {
				each.answered.merge(row.itemKey(), row.responses(), Integer::sum);
			}
			else {
				each.values.computeIfAbsent(row.itemKey(), (key) -> new int[11])[row.value()] += row.responses();
			}
		}
		for (ResultRows.AreaSum row : counted.areas()) {
			own(own, row.cycleId(), row.unitId(), row.band()).areas.merge(row.areaKey(),
					new AreaIndex(row.scoreSum(), row.responses()), AreaIndex::plus);
		}
		Map<Key, Counts> counts = new HashMap<>();
		own.forEach((key, each) -> {
			for (Counts group : lineage(counts, parents, key.cycleId(), key.unitId(), key.band())) {
				group.add(each);
			}
		});
		List<ResultUnit> units = new ArrayList<>();
		counts.forEach((key, each) -> units.add(unit(key, each, latest.get(key.unitId()), instrument)));
		units.sort(Comparator.comparingLong(ResultUnit::unitId)
			.thenComparing(ResultUnit::band, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new ResultFigures(periodStart, periodEnd, cycles, breakdown, units);
	}

	private static ResultUnit unit(Key key, Counts counts, ResultRows.Group group, ResultInstrument instrument) {
		List<Distribution> distributions = new ArrayList<>();
		Map<String, RecommendScore> recommend = new LinkedHashMap<>();
		for (ResultInstrument.Item item : instrument.items()) {
			if (item.kind().equals("text")) {
				continue;
			}
			int[] byValue = counts.values.getOrDefault(item.key(), new int[11]);
			List<Integer> shown = new ArrayList<>();
			// A value beyond the item's scale is no answer to it; the answering path
			// refuses one.
			for (int value = 0; value < item.values(); value++) {
				shown.add(byValue[value]);
			}
			// Only a reasons item has its answers counted apart (one response, several
			// values); any other holds one value per response.
			int answered = item.kind().equals("reasons") ? counts.answered.getOrDefault(item.key(), 0)
					: IntStream.of(byValue).sum();
			distributions.add(new Distribution(item.key(), item.areaKey(), item.kind(), shown, answered));
			if (item.kind().equals("recommend")) {
				recommend.put(item.key(), RecommendScore.of(byValue));
			}
		}
		Map<String, AreaIndex> areaIndices = new LinkedHashMap<>();
		for (ResultInstrument.Area area : instrument.areas()) {
			if (area.scored()) {
				areaIndices.put(area.key(), counts.areas.getOrDefault(area.key(), AreaIndex.NONE));
			}
		}
		return new ResultUnit(key.unitId(), key.band(), (group != null) ? group.parentUnitId() : null,
				(group != null) ? group.name() : null, counts.respondents,
				new Participation(counts.respondents, counts.invited), distributions, areaIndices, recommend,
				ExitReasons.of(counts.respondents, distributions));
	}

	/**
	 * The counts of a unit and of each of its ancestors in the cycle's snapshot; a unit
	 * missing from the snapshot counts only for itself.
	 */
	private static List<Counts> lineage(Map<Key, Counts> counts, Map<Long, Map<Long, Long>> parents, long cycleId,
			long unitId, String band) {
		Map<Long, Long> tree = parents.getOrDefault(cycleId, Map.of());
		List<Counts> lineage = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		Long unit = unitId;
		// A snapshot is a tree; the seen set only keeps a corrupted one from looping.
		while (unit != null && seen.add(unit)) {
			lineage.add(counts.computeIfAbsent(new Key(unit, band), (key) -> new Counts()));
			unit = tree.get(unit);
		}
		return lineage;
	}

	private static Counts own(Map<Own, Counts> own, long cycleId, long unitId, String band) {
		return own.computeIfAbsent(new Own(cycleId, unitId, band), (key) -> new Counts());
	}

	private record Key(long unitId, String band) {

	}

	private record Own(long cycleId, long unitId, String band) {

	}

	/** A group's running counts while the rows are added up. */
	private static final class Counts {

		private int respondents;

		private int invited;

		private final Map<String, int[]> values = new HashMap<>();

		private final Map<String, Integer> answered = new HashMap<>();

		private final Map<String, AreaIndex> areas = new HashMap<>();

		private void add(Counts other) {
			this.respondents += other.respondents;
			this.invited += other.invited;
			other.values.forEach((item, byValue) -> {
				int[] sum = this.values.computeIfAbsent(item, (key) -> new int[11]);
				for (int value = 0; value < byValue.length; value++) {
					sum[value] += byValue[value];
				}
			});
			other.answered.forEach((item, answered) -> this.answered.merge(item, answered, Integer::sum));
			other.areas.forEach((area, index) -> this.areas.merge(area, index, AreaIndex::plus));
		}

	}

}
