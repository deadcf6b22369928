package bryt.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.overview.Snapshot.SnapshotUnit;
import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;
import bryt.shared.time.Quarter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The overview's tables and charts, the same for the page, a snapshot's page and their
 * CSV and Excel downloads: per source, a table of every visible unit's figures in one
 * quarter; per figure, its trend over the quarters for one unit (or the organisation) as
 * a chart and a table.
 */
@Component
class OverviewPages {

	private final MessageSource messages;

	OverviewPages(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A figure's definition text with its legal reference following the organisation's
	 * country, not the reader's language (ovtrust): {@code overview.<key>.definition.se}
	 * or {@code .dk} where the contributing module has one, else
	 * {@code overview.<key>.definition}. The pages do the same in their templates
	 * ({@link OverviewCountry}).
	 */
	static String definition(MessageSource messages, String key, bryt.organisation.Country country, Locale locale) {
		String own = messages.getMessage("overview." + key + ".definition." + country.name().toLowerCase(Locale.ROOT),
				null, null, locale);
		return (own != null) ? own : messages.getMessage("overview." + key + ".definition", null, key, locale);
	}

	/**
	 * The definitions grouped by source, in the overview's order.
	 */
	static Map<String, List<FigureDefinition>> bySource(List<FigureDefinition> definitions) {
		Map<String, List<FigureDefinition>> sources = new LinkedHashMap<>();
		for (FigureDefinition definition : definitions) {
			sources.computeIfAbsent(definition.source(), (source) -> new ArrayList<>()).add(definition);
		}
		return sources;
	}

	/**
	 * Per source, the units' figures of one quarter (already cut to what the reader
	 * sees): a row per unit, the organisation first, a column per figure.
	 */
	List<FigureTable> unitTables(QuarterFigures.Read read, Locale locale) {
		return unitTables(read, false, locale);
	}

	/**
	 * As {@link #unitTables(QuarterFigures.Read, Locale)}; with {@code linked}, each
	 * unit's name leads to the overview of that unit in the same quarter.
	 */
	List<FigureTable> unitTables(QuarterFigures.Read read, boolean linked, Locale locale) {
		List<FigureTable> tables = new ArrayList<>();
		bySource(read.definitions()).forEach((source, definitions) -> {
			FigureTable.Builder table = FigureTable.builder(source, message("overview.table.units", locale,
					message("overview.source." + source, locale), read.quarter().toString()));
			table.column(Column.text("unit", message("overview.unit", locale)));
			for (FigureDefinition definition : definitions) {
				table.column(Column.number(definition.key(), name(definition.key(), locale)));
			}
			for (SnapshotUnit unit : read.units()) {
				List<Cell> cells = new ArrayList<>();
				Cell name = Cell.text(unitName(unit, locale));
				cells.add(linked ? name.linkedTo("/overview?unit=" + unit.id() + "&quarter=" + read.quarter()) : name);
				for (FigureDefinition definition : definitions) {
					cells.add(FigureFormat.cell(read.figure(definition.key(), unit.id()).orElse(null),
							definition.format(), locale, this.messages));
				}
				table.row(cells);
			}
			tables.add(table.build());
		});
		return tables;
	}

	/** One figure's trend for one unit: a row per quarter, oldest first. */
	FigureTable trendTable(FigureDefinition definition, long unitId, List<QuarterFigures.Read> quarters,
			String unitName, Locale locale) {
		FigureTable.Builder table = FigureTable.builder(trendName(definition),
				message("overview.table.trend", locale, name(definition.key(), locale), unitName));
		table.column(Column.text("quarter", message("overview.quarter", locale)));
		table.column(Column.number("value", name(definition.key(), locale)));
		table.column(Column.text("from", message("overview.table.from", locale)));
		for (QuarterFigures.Read read : quarters) {
			table.row(List.of(Cell.text(read.quarter().toString()),
					FigureFormat.cell(read.figure(definition.key(), unitId).orElse(null), definition.format(), locale,
							this.messages),
					Cell.text(read.live() ? message("overview.from.live", locale)
							: message("overview.from.snapshot", locale, read.snapshot().version()))));
		}
		return table.build();
	}

	/** One figure's trend for one unit as an SVG chart. */
	String trendChart(FigureDefinition definition, long unitId, List<QuarterFigures.Read> quarters, String unitName,
			Locale locale) {
		List<String> labels = quarters.stream().map((read) -> read.quarter().toString()).toList();
		List<Double> values = new ArrayList<>();
		quarters.forEach((read) -> values
			.add(FigureFormat.plotted(read.figure(definition.key(), unitId).orElse(null), definition.format())));
		boolean percent = definition.format() == FigureDefinition.Format.SHARE
				|| definition.format() == FigureDefinition.Format.RATIO;
		Quarter first = quarters.getFirst().quarter();
		Quarter last = quarters.getLast().quarter();
		return OverviewCharts.trend(labels, values, percent,
				message("overview.chart.label", locale, name(definition.key(), locale), unitName),
				message("overview.chart.description", locale, first.toString(), last.toString()), locale);
	}

	static String trendName(FigureDefinition definition) {
		return "trend-" + definition.key().replace('.', '-');
	}

	String name(String key, Locale locale) {
		return this.messages.getMessage("overview." + key + ".name", null, key, locale);
	}

	String unitName(SnapshotUnit unit, Locale locale) {
		return (unit.id() == OverviewFigure.ORGANISATION) ? message("overview.organisation", locale, unit.name())
				: unit.name();
	}

	MessageSource messages() {
		return this.messages;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
