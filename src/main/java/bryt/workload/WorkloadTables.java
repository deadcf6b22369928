package bryt.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The workload pages' tables of figures, one model each, which the pages render and the
 * CSV and Excel downloads write: the same cells, the same rounding, the same headers.
 */
@Component
class WorkloadTables {

	/** The design system's tag colour of each band (the band is also named in words). */
	private static final Map<Band, String> TAGS = Map.of(Band.RED, "govuk-tag--red", Band.AMBER, "govuk-tag--orange",
			Band.GREEN, "govuk-tag--green", Band.SPARE, "govuk-tag--grey");

	private final MessageSource messages;

	WorkloadTables(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Units with everything below them: the figures of the unit table, and every figure
	 * the staffing and forecast charts draw.
	 */
	FigureTable units(String name, List<UnitFigures> units, String caption, LocalDate at, Locale locale) {
		FigureTable.Builder table = FigureTable.builder(name, caption)
			.column(Column.text("unit", message("workload.unit", locale)))
			.column(Column.number("headcount", message("workload.headcount", locale)))
			.column(Column.number("load", message("workload.load", locale)))
			.column(Column.text("band", message("workload.table.band", locale)))
			.column(Column.number("caseworkers", message("workload.table.caseworkers", locale)))
			.column(Column.number("overCapacity", message("workload.table.overCapacity", locale)))
			.column(Column.number("investigations", message("workload.openInvestigations", locale)))
			.column(Column.number("late", message("workload.pastDeadline", locale)))
			.column(Column.number("lateShare", message("workload.table.lateShare", locale)))
			.column(Column.number("secondHandler", message("workload.twoHandlerViolations", locale)))
			.column(Column.number("perLead", message("workload.staffPerLead", locale)))
			.column(Column.number("perManager", message("workload.staffPerManager", locale)))
			.column(Column.number("turnover", message("workload.turnover", locale)))
			.column(Column.number("fteNeeded", message("workload.chart.fteNeeded", locale)))
			.column(Column.number("fte", message("workload.chart.fteNow", locale)));
		for (UnitFigures unit : units) {
			table.row(List.of(
					Cell.link(unit.name(), "/workload/units/" + unit.unitId() + "?at=" + at)
						.withClass((unit.level() != null) ? "depth-" + unit.level() : null),
					Cell.integer(unit.headcount()), load(unit.measured(), unit.loadRatio(), locale),
					band(unit.measured(), unit.band(), locale), Cell.integer(unit.spread().caseworkers()),
					Cell.integer(unit.workersOverCapacity()), Cell.integer(unit.openInvestigations()),
					Cell.integer(unit.investigationsPastDeadline()),
					Cell.percent(unit.shareOfInvestigationsPastDeadline(), 0, locale),
					Cell.integer(unit.twoHandlerViolations()), Cell.decimal(unit.staffPerLead(), 1, locale),
					Cell.decimal(unit.staffPerManager(), 1, locale), Cell.percent(unit.turnover(), 0, locale),
					Cell.decimal(unit.forecastFte(), 1, locale), Cell.decimal(unit.caseFte(), 1, locale)));
		}
		return table.build();
	}

	/**
	 * Workers with their caseload; with a unit column (the unit's name, its code where
	 * the name is unknown) where they come from several units. Sortable by every column
	 * but the band, which the load orders.
	 */
	FigureTable workers(List<WorkerFigures> workers, Map<Long, String> unitNames, String caption, LocalDate at,
			Locale locale) {
		boolean severalUnits = workers.stream().map(WorkerFigures::unitId).distinct().count() > 1;
		FigureTable.Builder table = FigureTable.builder("workers", caption)
			.column(Column.text("name", message("staff.name", locale)).withSortLink())
			.column(Column.text("number", message("staff.employeeNumber", locale)).withSortLink());
		if (severalUnits) {
			table.column(Column.text("unit", message("workload.unit", locale)).withSortLink());
		}
		table.column(Column.number("cases", message("workload.openCases", locale)).withSortLink())
			.column(Column.number("points", message("workload.weightedLoad", locale)).withSortLink())
			.column(Column.number("capacity", message("workload.capacity", locale)).withSortLink())
			.column(Column.number("load", message("workload.load", locale)).withSortLink())
			.column(Column.text("band", message("workload.table.band", locale)));
		for (WorkerFigures worker : workers) {
			List<Cell> cells = new ArrayList<>();
			cells.add(Cell.link(worker.name(), "/workload/workers/" + worker.staffId() + "?at=" + at));
			cells.add(Cell.text(worker.employeeNumber()));
			if (severalUnits) {
				cells.add(Cell.text(unitNames.getOrDefault(worker.unitId(), worker.unit())));
			}
			cells.add(Cell.integer(worker.openCases()));
			cells.add(Cell.decimal(worker.weightedLoad(), 1, locale));
			cells.add(Cell.decimal(worker.capacity(), 1, locale));
			cells.add(load(worker.measured(), worker.loadRatio(), locale));
			cells.add(worker.withoutCaseCapacity()
					? Cell.tag(message("workload.withoutCaseCapacity", locale), "govuk-tag--purple")
					: band(worker.measured(), worker.band(), locale));
			table.row(cells);
		}
		return table.build();
	}

	/** The weekly trend of a unit (or the organisation), newest week first. */
	FigureTable trend(List<LocalDate> weeks, List<WeekFigures> rows, String caption, Locale locale) {
		FigureTable.Builder table = FigureTable.builder("trend", caption)
			.column(Column.text("week", message("workload.trend.week", locale)))
			.column(Column.number("cases", message("workload.openCases", locale)))
			.column(Column.number("load", message("workload.load", locale)))
			.column(Column.text("band", message("workload.table.band", locale)))
			.column(Column.number("investigations", message("workload.openInvestigations", locale)))
			.column(Column.number("late", message("workload.pastDeadline", locale)))
			.column(Column.number("lateShare", message("workload.table.lateShare", locale)));
		for (int i = rows.size() - 1; i >= 0; i--) {
			WeekFigures week = rows.get(i);
			table.row(List.of(Cell.date(weeks.get(i)), Cell.integer(week.openCases()),
					load(week.measured(), week.loadRatio(), locale), band(week.measured(), week.band(), locale),
					Cell.integer(week.openInvestigations()), Cell.integer(week.investigationsPastDeadline()),
					Cell.percent(week.shareOfInvestigationsPastDeadline(), 0, locale)));
		}
		return table.build();
	}

	/** One worker's open cases with the points each carries. */
	FigureTable cases(List<WorkerCase> cases, String caption, Locale locale) {
		FigureTable.Builder table = FigureTable.builder("cases", caption)
			.column(Column.text("case", message("workload.worker.case", locale)))
			.column(Column.text("type", message("workload.worker.type", locale)))
			.column(Column.text("part", message("workload.worker.role", locale)))
			.column(Column.number("complexity", message("workload.worker.complexity", locale)))
			.column(Column.text("opened", message("workload.worker.opened", locale)))
			.column(Column.text("deadline", message("workload.worker.deadline", locale)))
			.column(Column.number("late", message("workload.worker.daysLate", locale)))
			.column(Column.number("points", message("workload.weightedLoad", locale)));
		for (WorkerCase handled : cases) {
			table.row(List.of(Cell.code(handled.caseRef()), Cell.text(handled.type().name(locale)),
					Cell.text(message(handled.primary() ? "workload.worker.primary" : "workload.worker.coHandler",
							locale)),
					Cell.integer(handled.complexity()), Cell.date(handled.opened()), Cell.date(handled.deadline()),
					(handled.daysLate() != null) ? Cell.integer(handled.daysLate()) : Cell.text(Cell.NONE),
					Cell.decimal(handled.points(), 1, locale)));
		}
		return table.build();
	}

	/**
	 * One worker's load week by week, newest first: the figures of their row on each
	 * date, with the unit they were in where that changed. A week the reader may not see
	 * says so and holds no figure.
	 */
	FigureTable workerTrend(List<WorkerWeek> weeks, Map<Long, String> unitNames, String caption, Locale locale) {
		boolean severalUnits = weeks.stream().map(WorkerWeek::unitId).filter((id) -> id != null).distinct().count() > 1;
		FigureTable.Builder table = FigureTable.builder("history", caption)
			.column(Column.text("week", message("workload.trend.week", locale)));
		if (severalUnits) {
			table.column(Column.text("unit", message("workload.unit", locale)));
		}
		table.column(Column.number("points", message("workload.weightedLoad", locale)))
			.column(Column.number("capacity", message("workload.capacity", locale)))
			.column(Column.number("load", message("workload.load", locale)))
			.column(Column.text("band", message("workload.table.band", locale)));
		for (WorkerWeek week : weeks.reversed()) {
			List<Cell> cells = new ArrayList<>();
			cells.add(Cell.date(week.date()));
			if (severalUnits) {
				cells.add(Cell
					.text((week.unitId() != null) ? unitNames.getOrDefault(week.unitId(), Cell.NONE) : Cell.NONE));
			}
			// Points and capacity as the worker's row shows them, on every week they were
			// employed (and may be seen); the load only where there is a capacity.
			boolean employed = week.unitId() != null;
			cells.add(employed ? Cell.decimal(week.weightedLoad(), 1, locale) : Cell.text(Cell.NONE));
			cells.add(employed ? Cell.decimal(week.capacity(), 1, locale) : Cell.text(Cell.NONE));
			cells.add(load(week.measured(), week.loadRatio(), locale));
			cells.add(week.withheld() ? Cell.tag(message("workload.history.withheld", locale), "govuk-tag--grey")
					: band(week.measured(), week.band(), locale));
			table.row(cells);
		}
		return table.build();
	}

	/**
	 * The load of a unit, worker or week, rounded never to contradict its band
	 * ({@link Band#shownRatio}); without capacity (before anyone was employed) there is
	 * no load to show, not 0 %.
	 */
	private static Cell load(boolean measured, double ratio, Locale locale) {
		return measured ? Cell.percent(Band.shownRatio(ratio), 0, locale) : Cell.text(Cell.NONE);
	}

	/** The band in words and colour; "No data" where nothing was measured. */
	private Cell band(boolean measured, Band band, Locale locale) {
		return measured ? Cell.tag(message("workload.band." + band, locale), TAGS.get(band))
				: Cell.tag(message("workload.noData", locale), "govuk-tag--grey");
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
