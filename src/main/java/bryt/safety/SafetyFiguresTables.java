package bryt.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;
import bryt.shared.time.Quarter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The figures page's tables, the same for the page and its CSV and Excel downloads: the
 * summary per unit, and incidents by category as counts and per 10 FTE. A count of 1 or 2
 * in the committee's view is "< 3", a figure resting on one is "hidden"; both are text,
 * never a number, so no download holds them either.
 */
@Component
class SafetyFiguresTables {

	/** The tables' names, in export links. */
	static final List<String> NAMES = List.of("summary", "categories", "rates");

	private final MessageSource messages;

	SafetyFiguresTables(MessageSource messages) {
		this.messages = messages;
	}

	List<FigureTable> tables(Quarter quarter, List<SafetyFigures.Shown> rows, Locale locale) {
		return List.of(summary(quarter, rows, locale), categories(quarter, rows, locale), rates(quarter, rows, locale));
	}

	private FigureTable summary(Quarter quarter, List<SafetyFigures.Shown> rows, Locale locale) {
		FigureTable.Builder table = FigureTable.builder("summary",
				message("safety.figures.summary.caption", locale, quarter));
		table.column(Column.text("unit", message("safety.figures.unit", locale)));
		for (String key : List.of("fte", "incidents", "incidentsPer10Fte", "serious", "shareSerious",
				"notificationsRequired", "notificationsOnTime", "shareNotificationsOnTime", "medianHoursToAcknowledge",
				"shareSupportWithin24Hours", "overdueActions", "lvuIncidents", "lvuWithTwoHandlers",
				"twoHandlerViolations")) {
			table.column(Column.number(key, message("safety.figures.column." + key, locale)));
		}
		for (SafetyFigures.Shown row : rows) {
			List<Cell> cells = new ArrayList<>();
			cells.add(unit(row, locale));
			cells.add(Cell.decimal(row.fte(), 1, locale));
			cells.add(count(row, "incidents", row.incidents(), locale));
			cells.add(decimal(row, "incidentsPer10Fte", row.incidentsPer10Fte(), locale));
			cells.add(count(row, "serious", row.serious(), locale));
			cells.add(percent(row, "shareSerious", row.shareSerious(), locale));
			cells.add(count(row, "notificationsRequired", row.notificationsRequired(), locale));
			cells.add(count(row, "notificationsOnTime", row.notificationsOnTime(), locale));
			cells.add(percent(row, "shareNotificationsOnTime", row.shareNotificationsOnTime(), locale));
			cells.add(decimal(row, "medianHoursToAcknowledge", row.medianHoursToAcknowledge(), locale));
			cells.add(percent(row, "shareSupportWithin24Hours", row.shareSupportWithin24Hours(), locale));
			cells.add(count(row, "overdueActions", row.overdueActions(), locale));
			cells.add(count(row, "lvuIncidents", row.lvuIncidents(), locale));
			cells.add(count(row, "lvuWithTwoHandlers", row.lvuWithTwoHandlers(), locale));
			cells.add(Cell.integer(row.twoHandlerViolations()));
			table.row(cells);
		}
		return table.build();
	}

	private FigureTable categories(Quarter quarter, List<SafetyFigures.Shown> rows, Locale locale) {
		FigureTable.Builder table = FigureTable.builder("categories",
				message("safety.figures.categories.caption", locale, quarter));
		table.column(Column.text("unit", message("safety.figures.unit", locale)));
		SafetyFigures.CATEGORIES.forEach((category) -> table
			.column(Column.number(category, message("safety.figures.category." + category, locale))));
		for (SafetyFigures.Shown row : rows) {
			List<Cell> cells = new ArrayList<>();
			cells.add(unit(row, locale));
			SafetyFigures.CATEGORIES.forEach((category) -> cells
				.add(count(row, "categories." + category, row.categories().get(category), locale)));
			table.row(cells);
		}
		return table.build();
	}

	private FigureTable rates(Quarter quarter, List<SafetyFigures.Shown> rows, Locale locale) {
		FigureTable.Builder table = FigureTable.builder("rates",
				message("safety.figures.rates.caption", locale, quarter));
		table.column(Column.text("unit", message("safety.figures.unit", locale)));
		SafetyFigures.CATEGORIES.forEach((category) -> table
			.column(Column.number(category, message("safety.figures.category." + category, locale))));
		for (SafetyFigures.Shown row : rows) {
			List<Cell> cells = new ArrayList<>();
			cells.add(unit(row, locale));
			SafetyFigures.CATEGORIES.forEach((category) -> cells
				.add(decimal(row, "categoriesPer10Fte." + category, row.categoriesPer10Fte().get(category), locale)));
			table.row(cells);
		}
		return table.build();
	}

	private Cell unit(SafetyFigures.Shown row, Locale locale) {
		return (row.unitId() == SafetyFigures.ORGANISATION) ? Cell.text(message("safety.figures.organisation", locale))
				: Cell.text(row.name());
	}

	private Cell count(SafetyFigures.Shown row, String key, Integer value, Locale locale) {
		if (row.isUnderThree(key)) {
			return Cell.text(message("safety.figures.underThree", locale));
		}
		if (row.isHidden(key)) {
			// hidden so that a "< 3" in the row cannot be worked out
			// (SafetyFigures.suppress)
			return Cell.text(message("safety.figures.hidden", locale));
		}
		return (value != null) ? Cell.integer(value) : Cell.text(Cell.NONE);
	}

	private Cell decimal(SafetyFigures.Shown row, String key, Double value, Locale locale) {
		if (row.isHidden(key)) {
			return Cell.text(message("safety.figures.hidden", locale));
		}
		return Cell.decimal(value, 1, locale);
	}

	private Cell percent(SafetyFigures.Shown row, String key, Double value, Locale locale) {
		if (row.isHidden(key)) {
			return Cell.text(message("safety.figures.hidden", locale));
		}
		return (value != null) ? Cell.percent(value, 0, locale) : Cell.text(Cell.NONE);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
