package bryt.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The results page's tables, which the page renders and the CSV and Excel downloads
 * write: the same cells, so a download can hold no figure the page hides. A hidden figure
 * is an empty cell (class {@link #HIDDEN}) and the row's last column says why, in the
 * engine's words; never the number.
 */
@Component
class ResultsTables {

	/** The class of a cell whose figure the anonymity engine hides. */
	static final String HIDDEN = "bryt-results-hidden";

	private final MessageSource messages;

	ResultsTables(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The heatmap: one row per unit the viewer sees, its participation (to 10 %), the
	 * index of each scored area (a class per band) and the recommend score where the
	 * instrument has one; the last column why a unit's figures are hidden.
	 */
	FigureTable heatmap(ResultsPage.Figures figures, List<ResultUnit> units, Instrument instrument, Locale locale) {
		List<Instrument.Area> scored = instrument.areas().stream().filter(Instrument.Area::scored).toList();
		boolean recommend = instrument.items().stream().anyMatch((item) -> "recommend".equals(item.kind()));
		FigureTable.Builder table = FigureTable.builder("heatmap", message("surveys.results.heatmap", locale))
			.column(Column.text("unit", message("surveys.results.unit", locale)))
			.column(Column.number("participation", message("surveys.results.participation", locale)));
		for (Instrument.Area area : scored) {
			table.column(Column.number("area-" + area.key(), area.name()));
		}
		if (recommend) {
			table.column(Column.number("recommend", message("surveys.results.recommend", locale)));
		}
		table.column(Column.text("hidden", message("surveys.results.hiddenBecause", locale)));
		String recommendKey = instrument.items()
			.stream()
			.filter((item) -> "recommend".equals(item.kind()))
			.map(Instrument.Item::key)
			.findFirst()
			.orElse(null);
		for (ResultUnit unit : units) {
			AnonymityDecision decision = figures.decision(unit.unitId());
			List<Cell> row = new ArrayList<>();
			row.add(Cell.text(unit.name())
				.linkedTo("/surveys/results/" + figures.cycle().id() + "?unit=" + unit.unitId() + "#distributions"));
			if (decision.shown()) {
				// The unit's row is shown; each figure in it is decided on its own
				// respondents, and a hidden one says why in the last column, by name.
				List<String> why = new ArrayList<>();
				Integer participation = unit.participation().percent();
				row.add((participation != null) ? Cell.percent(participation / 100.0, 0, locale)
						: Cell.text(Cell.NONE));
				for (Instrument.Area area : scored) {
					AreaIndex index = unit.areaIndices().getOrDefault(area.key(), AreaIndex.NONE);
					row.add(figure(decision, figures.decision(unit.unitId(), ResultsPage.area(area.key())),
							index.responses(), (index.rounded() != null)
									? Cell.integer(index.rounded()).withClass(band(index.rounded())) : null,
							area.name(), why, locale));
				}
				if (recommend) {
					RecommendScore score = unit.recommend().getOrDefault(recommendKey, new RecommendScore(0, 0, 0));
					row.add(figure(decision, figures.decision(unit.unitId(), ResultsPage.item(recommendKey)),
							score.answered(), (score.rounded() != null) ? Cell.integer(score.rounded()) : null,
							message("surveys.results.recommend", locale), why, locale));
				}
				row.add(Cell.text(String.join(" ", why)));
			}
			else {
				int hidden = 1 + scored.size() + (recommend ? 1 : 0);
				for (int i = 0; i < hidden; i++) {
					row.add(Cell.text("").withClass(HIDDEN));
				}
				row.add(Cell.text(reason(decision, locale)));
			}
			table.row(row);
		}
		return table.build();
	}

	/**
	 * The trend: per unit the viewer sees and scored area, the index in each previous
	 * closed cycle of the program and in this one, a column per cycle headed by the day
	 * it opened. Each cycle's figure is that cycle's engine decision on its own
	 * respondents; a unit missing from a cycle's snapshot, or an area nobody answered
	 * there, has none ("–"). Units are matched by id across snapshots.
	 */
	FigureTable trend(ResultsPage.Figures figures, List<ResultUnit> units, Instrument instrument, Locale locale) {
		List<Instrument.Area> scored = instrument.areas().stream().filter(Instrument.Area::scored).toList();
		FigureTable.Builder table = FigureTable.builder("trend", message("surveys.results.trend", locale))
			.column(Column.text("unit", message("surveys.results.unit", locale)))
			.column(Column.text("area", message("surveys.results.area", locale)));
		for (ResultsPage.Past past : figures.trend()) {
			table.column(Column.number("cycle-" + past.cycle().id(), past.cycle().opensOn().toString()));
		}
		table.column(Column.number("cycle-" + figures.cycle().id(), figures.cycle().opensOn().toString()));
		table.column(Column.text("hidden", message("surveys.results.hiddenBecause", locale)));
		for (ResultUnit unit : units) {
			for (Instrument.Area area : scored) {
				String measure = ResultsPage.area(area.key());
				List<String> why = new ArrayList<>();
				List<Cell> row = new ArrayList<>();
				row.add(Cell.text(unit.name()));
				row.add(Cell.text(area.name()));
				for (ResultsPage.Past past : figures.trend()) {
					AreaIndex index = past.figures()
						.unit(unit.unitId())
						.map((then) -> then.areaIndices().getOrDefault(area.key(), AreaIndex.NONE))
						.orElse(AreaIndex.NONE);
					// A unit or an area missing from that cycle: no figure.
					AnonymityDecision then = past.decision(unit.unitId(), measure).orElse(null);
					row.add((then == null) ? Cell.text(Cell.NONE)
							: index(past.decision(unit.unitId(), ResultsPage.PARTICIPATION).orElseThrow(), then, index,
									past.cycle().opensOn().toString(), why, locale));
				}
				row.add(index(figures.decision(unit.unitId()), figures.decision(unit.unitId(), measure),
						unit.areaIndices().getOrDefault(area.key(), AreaIndex.NONE),
						figures.cycle().opensOn().toString(), why, locale));
				row.add(Cell.text(String.join(" ", why)));
				table.row(row);
			}
		}
		return table.build();
	}

	/**
	 * A unit's area indices by band ({@link ResultsPage.Bands}): a row per scored area, a
	 * column per band. An area's row is shown where the unit's figure of the area is and
	 * the engine shows every band of it; else its cells are hidden and the last column
	 * says why.
	 */
	FigureTable breakdown(ResultsPage.Figures figures, ResultUnit unit, Instrument instrument, Locale locale) {
		ResultsPage.Bands bands = figures.bands();
		String dimension = message("surveys.results.breakdown." + dimension(bands.dimension()), locale);
		FigureTable.Builder table = FigureTable
			.builder("breakdown",
					message("surveys.results.breakdown.caption", new Object[] { unit.name(), dimension }, locale))
			.column(Column.text("area", message("surveys.results.area", locale)));
		for (int position = 0; position < bands.bands().size(); position++) {
			String band = bands.bands().get(position);
			table.column(
					Column.number("band-" + band, bandName(this.messages, bands.dimension(), band, position, locale)));
		}
		table.column(Column.text("hidden", message("surveys.results.hiddenBecause", locale)));
		for (Instrument.Area area : instrument.areas()) {
			if (!area.scored()) {
				continue;
			}
			String measure = ResultsPage.area(area.key());
			AnonymityDecision figure = figures.decision(unit.unitId(), measure);
			AnonymityDecision decision = figure.shown() ? bands.decision(unit.unitId(), measure) : figure;
			List<Cell> row = new ArrayList<>();
			row.add(Cell.text(area.name()));
			for (String band : bands.bands()) {
				if (decision.shown()) {
					Integer value = bands.figures()
						.unit(unit.unitId(), band)
						.map((cell) -> cell.areaIndices().getOrDefault(area.key(), AreaIndex.NONE).rounded())
						.orElse(null);
					row.add((value != null) ? Cell.integer(value).withClass(band(value)) : Cell.text(Cell.NONE));
				}
				else {
					row.add(Cell.text("").withClass(HIDDEN));
				}
			}
			row.add(Cell.text(decision.shown() ? "" : reason(decision, locale)));
			table.row(row);
		}
		return table.build();
	}

	/** The request parameter's and the messages' name of a breakdown. */
	static String dimension(ResultBreakdown breakdown) {
		return (breakdown == ResultBreakdown.TENURE_BAND) ? "tenure" : "age";
	}

	private Cell index(AnonymityDecision unit, AnonymityDecision decision, AreaIndex index, String column,
			List<String> why, Locale locale) {
		Integer value = index.rounded();
		return figure(unit, decision, index.responses(),
				(value != null) ? Cell.integer(value).withClass(band(value)) : null, column, why, locale);
	}

	/**
	 * A figure of a unit: where the unit is hidden, hidden for the unit's reason; "–"
	 * where nobody answered (nothing to hide: the engine counts an empty group as safe);
	 * the value where its measure is shown; else an empty hidden cell. A hidden cell's
	 * reason is noted under the column's name for the row's last column.
	 */
	private Cell figure(AnonymityDecision unit, AnonymityDecision decision, int answered, Cell value, String column,
			List<String> why, Locale locale) {
		if (unit.shown() && (answered == 0 || value == null)) {
			return Cell.text(Cell.NONE);
		}
		if (decision.shown()) {
			return value;
		}
		why.add(message("surveys.results.hiddenFigure", new Object[] { column, reason(decision, locale) }, locale));
		return Cell.text("").withClass(HIDDEN);
	}

	/**
	 * One unit's distribution of every item with fixed answers (free text excluded): per
	 * item and answer how many gave it and their share; for a hidden unit the figures are
	 * empty and the last column says why.
	 */
	FigureTable distribution(ResultsPage.Figures figures, ResultUnit unit, Instrument instrument, Locale locale) {
		AnonymityDecision decision = figures.decision(unit.unitId());
		FigureTable.Builder table = FigureTable
			.builder("distribution", message("surveys.results.distribution", new Object[] { unit.name() }, locale))
			.column(Column.text("item", message("surveys.results.item", locale)))
			.column(Column.text("answer", message("surveys.results.answer", locale)))
			.column(Column.number("count", message("surveys.results.count", locale)))
			.column(Column.number("share", message("surveys.results.share", locale)))
			.column(Column.text("hidden", message("surveys.results.hiddenBecause", locale)));
		for (Bar bar : bars(figures, unit, instrument, locale)) {
			for (Segment segment : bar.segments()) {
				if (decision.shown() && bar.shown()) {
					table.row(List.of(Cell.text(bar.item()), Cell.text(segment.label()), Cell.integer(segment.count()),
							(bar.answered() > 0) ? Cell.percent(segment.count() / (double) bar.answered(), 0, locale)
									: Cell.text(Cell.NONE),
							Cell.text("")));
				}
				else {
					table
						.row(List.of(Cell.text(bar.item()), Cell.text(segment.label()), Cell.text("").withClass(HIDDEN),
								Cell.text("").withClass(HIDDEN), Cell.text(message(bar.hiddenBecause(), locale))));
				}
			}
		}
		return table.build();
	}

	/**
	 * The stacked bars of a unit: per item, each answer's count and share of those who
	 * answered, the numbers the distribution table holds, or why the item is hidden.
	 */
	List<Bar> bars(ResultsPage.Figures figures, ResultUnit unit, Instrument instrument, Locale locale) {
		Map<String, Instrument.Item> items = new LinkedHashMap<>();
		instrument.items().forEach((item) -> items.put(item.key(), item));
		List<Bar> bars = new ArrayList<>();
		for (Distribution distribution : unit.distributions()) {
			Instrument.Item item = items.get(distribution.itemKey());
			if (item == null || "reasons".equals(distribution.kind())) {
				// Leaving reasons belong to the exit survey's page, not a cycle's.
				continue;
			}
			List<String> labels = (item.scale() != null) ? item.scale().labels(instrument.locale()) : List.of();
			List<Segment> segments = new ArrayList<>();
			double start = 0;
			for (int value = 0; value < distribution.counts().size(); value++) {
				String label = (value < labels.size()) ? labels.get(value) : String.valueOf(value);
				int count = distribution.counts().get(value);
				double width = (distribution.answered() > 0) ? 100.0 * count / distribution.answered() : 0;
				segments.add(new Segment(value, label, count, start, width));
				start += width;
			}
			// Each item is decided on those who answered it: an item some skipped may be
			// hidden in a unit whose other figures are shown. Nobody answered: the zero
			// counts are shown (an empty group is safe).
			AnonymityDecision decision = figures.decision(unit.unitId(), ResultsPage.item(item.key()));
			String hiddenBecause = (decision.shown()
					|| (distribution.answered() == 0 && figures.decision(unit.unitId()).shown())) ? null
							: decision.hiddenBecause().orElseThrow().messageKey();
			bars.add(new Bar(item.text(), distribution.answered(), segments, hiddenBecause));
		}
		return bars;
	}

	private static final java.util.regex.Pattern UNDER = java.util.regex.Pattern.compile("under_(\\d{1,3})");

	private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("(\\d{1,3})_(\\d{1,3})");

	private static final java.util.regex.Pattern PLUS = java.util.regex.Pattern.compile("(\\d{1,3})_plus");

	/**
	 * A band's name in words, never its stored key. Tenure bands have their own words.
	 * Age bands (none is recorded by Bryt itself; an import or another source may bring
	 * them) are named from keys of the tenure bands' form, in years of age
	 * ({@code under_30}, {@code 30_39}, {@code 50_plus}); any other key is named by its
	 * place, "Age group 2", so a raw key never reaches a page or a download.
	 */
	static String bandName(org.springframework.context.MessageSource messages, ResultBreakdown dimension, String band,
			int position, Locale locale) {
		if (dimension != ResultBreakdown.AGE_BAND) {
			return messages.getMessage("surveys.results.band." + band, null, band, locale);
		}
		java.util.regex.Matcher matcher;
		if ((matcher = UNDER.matcher(band)).matches()) {
			return messages.getMessage("surveys.results.ageBand.under", new Object[] { matcher.group(1) }, locale);
		}
		if ((matcher = RANGE.matcher(band)).matches()) {
			return messages.getMessage("surveys.results.ageBand.range",
					new Object[] { matcher.group(1), matcher.group(2) }, locale);
		}
		if ((matcher = PLUS.matcher(band)).matches()) {
			return messages.getMessage("surveys.results.ageBand.plus", new Object[] { matcher.group(1) }, locale);
		}
		return messages.getMessage("surveys.results.ageBand.other", new Object[] { position + 1 }, locale);
	}

	/**
	 * The heatmap's band of an index: below 50 weak, 50–74 middling, 75 and above strong;
	 * the number is always written in the cell, so the colour is never the only sign.
	 */
	static String band(int index) {
		if (index < 50) {
			return "bryt-heat-low";
		}
		return (index < 75) ? "bryt-heat-mid" : "bryt-heat-high";
	}

	private String reason(AnonymityDecision decision, Locale locale) {
		return message(decision.hiddenBecause().orElseThrow().messageKey(), locale);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private String message(String key, Object[] arguments, Locale locale) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/**
	 * An item's stacked bar.
	 *
	 * @param hiddenBecause the message key of why the item's figures are hidden,
	 * {@code null} when they are shown
	 */
	record Bar(String item, int answered, List<Segment> segments, String hiddenBecause) {

		/** Whether the item's figures are shown (public: the template asks). */
		public boolean shown() {
			return this.hiddenBecause == null;
		}

	}

	/**
	 * One answer's part of a bar, drawn as an SVG rectangle (attributes, not a style: the
	 * content security policy allows no inline style).
	 *
	 * @param value the answer's position on its scale (the colour)
	 * @param start where it begins, 0–100
	 * @param width its share of those who answered, 0–100
	 */
	record Segment(int value, String label, int count, double start, double width) {

	}

}
