package bryt.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload figures as the API and the command line print them. Scripts rely on these
 * names; add fields, never rename them.
 */
record WorkloadJson(String organisation, LocalDate at, Unit total, List<Unit> units, List<Worker> workers) {

	static WorkloadJson of(WorkloadFigures figures, Viewer viewer) {
		Map<Long, String> codes = new HashMap<>();
		figures.units().forEach((unit) -> codes.put(unit.unitId(), unit.code()));
		return new WorkloadJson(figures.organisation().code(), figures.at(),
				viewer.organisationTotal() ? unit(figures.organisation(), codes) : null,
				viewer.units(figures).stream().map((unit) -> unit(unit, codes)).toList(),
				viewer.workers(figures).stream().map(WorkloadJson::worker).toList());
	}

	private static Unit unit(UnitFigures unit, Map<Long, String> codes) {
		return new Unit(unit.code(), unit.name(), (unit.level() != null) ? unit.level().name().toLowerCase() : null,
				(unit.parentId() != null) ? codes.get(unit.parentId()) : null, unit.headcount(), round(unit.fte()),
				unit.openCases(), unit.openInvestigations(), unit.investigationsPastDeadline(),
				round(unit.shareOfInvestigationsPastDeadline()), unit.medianDaysPastDeadline(),
				unit.twoHandlerViolations(), round(unit.staffPerLead()), round(unit.staffPerManager()),
				round(unit.turnover()), round(unit.weightedLoad()), round(unit.capacity()),
				ratio(unit.measured(), unit.loadRatio()), band(unit.measured(), unit.band()), round(unit.forecastFte()),
				unit.measured() ? Band.percent(unit.loadRatio()) : null, unit.spread().caseworkers(),
				unit.workersOverCapacity(), bands(unit.spread()), round(unit.spread().medianLoad()),
				round(unit.spread().highestLoad()), unit.longestDaysPastDeadline());
	}

	private static Bands bands(Spread spread) {
		return new Bands(spread.red(), spread.amber(), spread.green(), spread.spare());
	}

	/**
	 * The weekly trend: per week the organisation's figures (for those who may see them)
	 * and each visible unit's.
	 */
	static Weekly weekly(String organisation, Trend trend, Viewer viewer) {
		List<Week> weeks = new ArrayList<>();
		for (int week = 0; week < trend.weeks().size(); week++) {
			List<Point> units = new ArrayList<>();
			for (Map.Entry<Long, List<WeekFigures>> unit : trend.series().entrySet()) {
				if (unit.getKey() != 0 && viewer.seesUnit(unit.getKey())) {
					units.add(point(unit.getValue().get(week)));
				}
			}
			weeks.add(new Week(trend.weeks().get(week),
					viewer.organisationTotal() ? point(trend.of(0).get(week)) : null, units));
		}
		return new Weekly(organisation, trend.weeks().getLast(), weeks);
	}

	private static Point point(WeekFigures unit) {
		return new Point(unit.code(), unit.headcount(), unit.openCases(), unit.openInvestigations(),
				unit.investigationsPastDeadline(), unit.twoHandlerViolations(), round(unit.weightedLoad()),
				round(unit.capacity()), ratio(unit.measured(), unit.loadRatio()), band(unit.measured(), unit.band()));
	}

	private static Worker worker(WorkerFigures worker) {
		return new Worker(worker.employeeNumber(), worker.name(), worker.unit(), worker.openCases(),
				round(worker.weightedLoad()), round(worker.capacity()), ratio(worker.measured(), worker.loadRatio()),
				band(worker.measured(), worker.band()), worker.measured() ? Band.percent(worker.loadRatio()) : null,
				worker.caseworker(), worker.withoutCaseCapacity());
	}

	/**
	 * A ratio exists only against a capacity: without one (before anyone was employed, or
	 * a lead whose role carries no cases but who holds some) the ratio and the band are
	 * null, as the pages say "No data", never 0 and "spare".
	 */
	private static Double ratio(boolean measured, double ratio) {
		return measured ? round(ratio) : null;
	}

	private static String band(boolean measured, Band band) {
		return measured ? band.code() : null;
	}

	/** Four decimals: enough for any figure here, and stable across platforms. */
	private static Double round(Double value) {
		return (value != null) ? Math.round(value * 10_000) / 10_000.0 : null;
	}

	record Unit(String code, String name, String level, String parent, int headcount, Double fte, int openCases,
			int openInvestigations, int investigationsPastDeadline, Double shareOfInvestigationsPastDeadline,
			Double medianDaysPastDeadline, int twoHandlerViolations, Double staffPerLead, Double staffPerManager,
			Double turnover, Double weightedLoad, Double capacity, Double loadRatio, String band, Double forecastFte,
			Long loadPercent, int caseworkers, int workersOverCapacity, Bands bands, Double medianWorkerLoad,
			Double highestWorkerLoad, Long longestDaysPastDeadline) {
	}

	/** How many caseworkers are in each band. */
	record Bands(int red, int amber, int green, int spare) {
	}

	record Weekly(String organisation, LocalDate at, List<Week> weeks) {
	}

	record Week(LocalDate week, Point total, List<Point> units) {
	}

	record Point(String code, int headcount, int openCases, int openInvestigations, int investigationsPastDeadline,
			int twoHandlerViolations, Double weightedLoad, Double capacity, Double loadRatio, String band) {
	}

	record Worker(String employeeNumber, String name, String unit, int openCases, Double weightedLoad, Double capacity,
			Double loadRatio, String band, Long loadPercent, boolean caseworker, boolean carriesCasesWithoutCapacity) {
	}

}
