package bryt.workload;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.organisation.StaffMember;
import bryt.organisation.StaffPeriod;
import bryt.organisation.StaffRole;
import bryt.organisation.Unit;

/**
 * Computes the workload figures of an organisation on a date from plain data. No
 * database, no clock: every figure can be checked by hand (see
 * {@code WorkloadCalculatorTest}). Staff count with the unit, role and FTE they had on
 * the date ({@link StaffMember#on(LocalDate)}), not with today's.
 */
final class WorkloadCalculator {

	private WorkloadCalculator() {
	}

	static WorkloadFigures compute(long organisationId, String organisationCode, String organisationName, LocalDate at,
			LoadSettings settings, List<Unit> units, List<StaffMember> staff, List<OpenCase> cases,
			Map<Long, UnitFlow> flows) {
		Map<Long, Unit> unitsById = new HashMap<>();
		units.forEach((unit) -> unitsById.put(unit.id(), unit));

		Map<Long, double[]> load = new HashMap<>();
		for (OpenCase open : cases) {
			if (open.coHandler() != null) {
				add(load, open.coHandler(), open.coHandlerPoints(settings));
			}
			if (open.primaryHandler() != null) {
				add(load, open.primaryHandler(), open.primaryPoints(settings));
			}
		}

		List<WorkerFigures> workers = new ArrayList<>();
		for (StaffMember member : staff) {
			if (!member.employedOn(at)) {
				continue;
			}
			StaffPeriod period = member.on(at);
			double capacity = capacity(member, settings, at);
			double[] carried = load.getOrDefault(member.id(), new double[2]);
			double ratio = ratio(carried[0], capacity);
			Unit unit = unitsById.get(period.unitId());
			workers.add(new WorkerFigures(member.id(), member.employeeNumber(), member.name(), period.unitId(),
					(unit != null) ? unit.code() : null, (int) carried[1], carried[0], capacity, ratio, Band.of(ratio),
					settings.shares().of(period.role()) > 0));
		}

		List<UnitFigures> unitFigures = new ArrayList<>();
		for (Unit unit : units) {
			Set<Long> subtree = subtree(unit.id(), units);
			unitFigures.add(figures(unit.id(), unit.code(), unit.name(), unit, subtree, at, settings, staff, workers,
					cases, flows));
		}
		Set<Long> all = new HashSet<>(unitsById.keySet());
		UnitFigures total = figures(0, organisationCode, organisationName, null, all, at, settings, staff, workers,
				cases, flows);
		return new WorkloadFigures(organisationId, at, total, unitFigures, workers);
	}

	/**
	 * A member's capacity on a date: base × their FTE then × the factor of their
	 * experience, counted from their employment start when no earlier start is known, ×
	 * the case-carrying share of their role then. The shares are the load model's current
	 * ones on every date, like its other parameters. The figures, the weekly trend and
	 * the national roll-up all take capacity from here.
	 */
	static double capacity(StaffMember member, LoadSettings settings, LocalDate at) {
		StaffPeriod period = member.on(at);
		return settings.capacity(period.fte().doubleValue(),
				(member.experienceStart() != null) ? member.experienceStart() : member.employmentStart(), at,
				period.role());
	}

	private static UnitFigures figures(long unitId, String code, String name, Unit unit, Set<Long> subtree,
			LocalDate at, LoadSettings settings, List<StaffMember> staff, List<WorkerFigures> workers,
			List<OpenCase> cases, Map<Long, UnitFlow> flows) {
		// The points of every worker count, also of those whose role carries no cases;
		// the capacity is the caseworkers' alone.
		double weightedLoad = 0;
		double capacity = 0;
		List<WorkerFigures> own = new ArrayList<>();
		for (WorkerFigures worker : workers) {
			if (subtree.contains(worker.unitId())) {
				weightedLoad += worker.weightedLoad();
				capacity += worker.capacity();
				own.add(worker);
			}
		}
		int headcount = 0;
		double fte = 0;
		double caseFte = 0;
		int socialWorkers = 0;
		int leads = 0;
		int managers = 0;
		int leavers = 0;
		int headcountYearBefore = 0;
		LocalDate yearBefore = at.minusYears(1);
		// Each member counts where they were on each date: a year before, on the date,
		// and, for a leaver, on their last day.
		for (StaffMember member : staff) {
			if (member.employedOn(yearBefore) && subtree.contains(member.on(yearBefore).unitId())) {
				headcountYearBefore++;
			}
			if (member.endDate() != null && member.endDate().isAfter(yearBefore) && !member.endDate().isAfter(at)
					&& subtree.contains(member.on(member.endDate()).unitId())) {
				leavers++;
			}
			if (!member.employedOn(at)) {
				continue;
			}
			StaffPeriod period = member.on(at);
			if (!subtree.contains(period.unitId())) {
				continue;
			}
			headcount++;
			fte += period.fte().doubleValue();
			caseFte += period.fte().doubleValue() * settings.shares().of(period.role());
			if (period.role() == StaffRole.SOCIAL_WORKER) {
				socialWorkers++;
			}
			else if (period.role() == StaffRole.FIRST_LINE_LEAD) {
				leads++;
			}
			else if (period.role() == StaffRole.UNIT_MANAGER) {
				managers++;
			}
		}
		int openCases = 0;
		int investigations = 0;
		int violations = 0;
		List<Long> daysPast = new ArrayList<>();
		for (OpenCase open : cases) {
			if (!subtree.contains(open.unitId())) {
				continue;
			}
			openCases++;
			if (open.twoHandlers() && open.handlerCount() < 2) {
				violations++;
			}
			if (open.investigation()) {
				investigations++;
				if (open.deadline() != null && open.deadline().isBefore(at)) {
					daysPast.add(ChronoUnit.DAYS.between(open.deadline(), at));
				}
			}
		}
		UnitFlow flow = UnitFlow.NONE;
		for (long id : subtree) {
			flow = flow.plus(flows.getOrDefault(id, UnitFlow.NONE));
		}
		// Needed capacity in points, turned into FTE at the unit's current experience
		// mix: the points a full-time equivalent of case-carrying work carries (leads and
		// managers whose role carries no cases would otherwise dilute it).
		double pointsPerFte = (caseFte > 0) ? capacity / caseFte : settings.baseCapacity();
		double forecastFte = (pointsPerFte > 0) ? flow.steadyLoad() / pointsPerFte : 0;
		double averageHeadcount = (headcountYearBefore + headcount) / 2.0;
		double ratio = ratio(weightedLoad, capacity);
		return new UnitFigures(unitId, code, name, (unit != null) ? unit.level() : null,
				(unit != null) ? unit.parentId() : null, headcount, fte, openCases, investigations, daysPast.size(),
				(investigations > 0) ? (double) daysPast.size() / investigations : 0, median(daysPast),
				(leads > 0) ? (double) socialWorkers / leads : null,
				(managers > 0) ? (double) socialWorkers / managers : null, violations,
				(averageHeadcount > 0) ? leavers / averageHeadcount : 0, weightedLoad, capacity, ratio, Band.of(ratio),
				forecastFte, Spread.of(own), caseFte, daysPast.stream().max(Long::compare).orElse(null));
	}

	static Set<Long> subtree(long root, List<Unit> units) {
		Set<Long> subtree = new HashSet<>();
		subtree.add(root);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Unit unit : units) {
				if (unit.parentId() != null && subtree.contains(unit.parentId()) && subtree.add(unit.id())) {
					grew = true;
				}
			}
		}
		return subtree;
	}

	static Double median(List<Long> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

	private static double ratio(double load, double capacity) {
		// Without capacity there is no ratio: before anyone was employed, or where only
		// staff whose role carries no cases hold cases (they are flagged instead).
		return (capacity > 0) ? load / capacity : 0;
	}

	private static void add(Map<Long, double[]> load, long staffId, double points) {
		double[] carried = load.computeIfAbsent(staffId, (id) -> new double[2]);
		carried[0] += points;
		carried[1] += 1;
	}

}
