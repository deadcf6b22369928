package bryt.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.organisation.StaffMember;
import bryt.organisation.StaffPeriod;
import bryt.organisation.Unit;

/**
 * Computes the weekly trend from changes per week rather than from every case on every
 * date: the database turns each case, deadline and assignment into the interval in which
 * it counts and reports, per unit or handler and week, by how much each count changes;
 * summing those changes week by week gives the counts of every date at once. The figures
 * are defined as in {@link WorkloadCalculator}, which {@code WorkloadPagesTests} checks
 * week by week.
 */
final class TrendCalculator {

	static final int OPEN = 0;

	static final int INVESTIGATIONS = 1;

	static final int PAST_DEADLINE = 2;

	static final int TWO_HANDLER_TYPES = 3;

	static final int WITH_TWO_HANDLERS = 4;

	private static final int KINDS = 5;

	private TrendCalculator() {
	}

	/**
	 * A change, from the given week on, of one count of a unit's own cases.
	 *
	 * @param kind {@link #OPEN}, {@link #INVESTIGATIONS}, {@link #PAST_DEADLINE},
	 * {@link #TWO_HANDLER_TYPES} or {@link #WITH_TWO_HANDLERS}
	 */
	record CaseEvent(long unitId, int kind, int week, int delta) {
	}

	/** A change, from the given week on, of the points a handler carries. */
	record LoadEvent(long staffId, int week, double points) {
	}

	static Trend compute(String organisationCode, List<LocalDate> weeks, LoadSettings settings, List<Unit> units,
			List<StaffMember> staff, List<CaseEvent> caseEvents, List<LoadEvent> loadEvents) {
		int size = weeks.size();
		Map<Long, int[][]> counts = new HashMap<>();
		for (CaseEvent event : caseEvents) {
			counts.computeIfAbsent(event.unitId(), (id) -> new int[KINDS][size])[event.kind()][event.week()] += event
				.delta();
		}
		counts.values().forEach((kinds) -> {
			for (int[] series : kinds) {
				accumulate(series);
			}
		});
		Map<Long, double[]> loads = loads(size, loadEvents);

		// Each unit's own staff, capacity and load, week by week: workers count where
		// they were on the week's date, with that date's FTE, and only while employed.
		Map<Long, double[][]> people = new HashMap<>();
		for (StaffMember member : staff) {
			double[] load = loads.get(member.id());
			for (int week = 0; week < size; week++) {
				LocalDate date = weeks.get(week);
				if (member.employedOn(date)) {
					StaffPeriod period = member.on(date);
					double[][] own = people.computeIfAbsent(period.unitId(), (id) -> new double[3][size]);
					own[0][week] += 1;
					own[1][week] += WorkloadCalculator.capacity(member, settings, date);
					own[2][week] += (load != null) ? load[week] : 0;
				}
			}
		}

		Map<Long, List<WeekFigures>> series = new LinkedHashMap<>();
		Set<Long> all = new HashSet<>();
		units.forEach((unit) -> all.add(unit.id()));
		series.put(0L, figures(0, organisationCode, all, size, counts, people));
		for (Unit unit : units) {
			series.put(unit.id(), figures(unit.id(), unit.code(), WorkloadCalculator.subtree(unit.id(), units), size,
					counts, people));
		}
		return new Trend(List.copyOf(weeks), series);
	}

	/**
	 * One worker's load on each of the weeks, defined as their {@link WorkerFigures} on
	 * each date: the points of their assignments that hold on the date (summed from the
	 * changes, as the units' load is), against their capacity with the FTE and experience
	 * of the date; no figures on a date they were not employed.
	 * @param loadEvents changes to the points this worker carries (others' are ignored)
	 */
	static List<WorkerWeek> worker(List<LocalDate> weeks, LoadSettings settings, StaffMember member,
			List<LoadEvent> loadEvents) {
		int size = weeks.size();
		double[] load = loads(size, loadEvents).getOrDefault(member.id(), new double[size]);
		List<WorkerWeek> series = new ArrayList<>(size);
		for (int week = 0; week < size; week++) {
			LocalDate date = weeks.get(week);
			if (!member.employedOn(date)) {
				series.add(WorkerWeek.notEmployed(date));
				continue;
			}
			double capacity = WorkloadCalculator.capacity(member, settings, date);
			double points = withoutResidue(load[week]);
			double ratio = (capacity > 0) ? points / capacity : 0;
			series.add(new WorkerWeek(date, member.on(date).unitId(), points, capacity, ratio, Band.of(ratio), false));
		}
		return series;
	}

	/** Each handler's points week by week, summed from the changes. */
	private static Map<Long, double[]> loads(int size, List<LoadEvent> loadEvents) {
		Map<Long, double[]> loads = new HashMap<>();
		for (LoadEvent event : loadEvents) {
			loads.computeIfAbsent(event.staffId(), (id) -> new double[size])[event.week()] += event.points();
		}
		loads.values().forEach(TrendCalculator::accumulate);
		return loads;
	}

	/** Sums of many additions and subtractions: round away the binary residue. */
	private static double withoutResidue(double sum) {
		return Math.round(sum * 1e6) / 1e6;
	}

	private static List<WeekFigures> figures(long unitId, String code, Set<Long> subtree, int size,
			Map<Long, int[][]> counts, Map<Long, double[][]> people) {
		List<WeekFigures> weeks = new ArrayList<>(size);
		for (int week = 0; week < size; week++) {
			int[] sums = new int[KINDS];
			double headcount = 0;
			double capacity = 0;
			double load = 0;
			for (long id : subtree) {
				int[][] own = counts.get(id);
				if (own != null) {
					for (int kind = 0; kind < KINDS; kind++) {
						sums[kind] += own[kind][week];
					}
				}
				double[][] staff = people.get(id);
				if (staff != null) {
					headcount += staff[0][week];
					capacity += staff[1][week];
					load += staff[2][week];
				}
			}
			load = withoutResidue(load);
			double ratio = (capacity > 0) ? load / capacity : 0;
			weeks.add(new WeekFigures(unitId, code, (int) headcount, sums[OPEN], sums[INVESTIGATIONS],
					sums[PAST_DEADLINE], sums[TWO_HANDLER_TYPES] - sums[WITH_TWO_HANDLERS], load, capacity, ratio,
					Band.of(ratio)));
		}
		return weeks;
	}

	private static void accumulate(int[] changes) {
		for (int i = 1; i < changes.length; i++) {
			changes[i] += changes[i - 1];
		}
	}

	private static void accumulate(double[] changes) {
		for (int i = 1; i < changes.length; i++) {
			changes[i] += changes[i - 1];
		}
	}

}
