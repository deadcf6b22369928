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
		for (ResultUnit unit : units) {
			AnonymityDecision decision = figures.decision(unit.unitId());
			List<Cell> row = new ArrayList<>();
			row.add(Cell.text(unit.name())
				.linkedTo("/surveys/results/" + figures.cycle().id() + "?unit=" + unit.unitId() + "#distributions"));
			if (decision.shown()) {
				Integer participation = unit.participation().percent();
				row.add((participation != null) ? Cell.percent(participation / 100.0, 0, locale)
						: Cell.text(Cell.NONE));
				for (Instrument.Area area : scored) {
					AreaIndex index = unit.areaIndices().get(area.key());
					Integer value = (index != null) ? index.rounded() : null;
					row.add((value != null) ? Cell.integer(value).withClass(band(value)) : Cell.text(Cell.NONE));
				}
				if (recommend) {
					Integer score = unit.recommend()
						.values()
						.stream()
						.findFirst()
						.map(RecommendScore::rounded)
						.orElse(null);
					row.add((score != null) ? Cell.integer(score) : Cell.text(Cell.NONE));
				}
				row.add(Cell.text(""));
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
		for (Bar bar : bars(unit, instrument, locale)) {
			for (Segment segment : bar.segments()) {
				if (decision.shown()) {
					table.row(List.of(Cell.text(bar.item()), Cell.text(segment.label()), Cell.integer(segment.count()),
							(bar.answered() > 0) ? Cell.percent(segment.count() / (double) bar.answered(), 0, locale)
									: Cell.text(Cell.NONE),
							Cell.text("")));
				}
				else {
					table
						.row(List.of(Cell.text(bar.item()), Cell.text(segment.label()), Cell.text("").withClass(HIDDEN),
								Cell.text("").withClass(HIDDEN), Cell.text(reason(decision, locale))));
				}
			}
		}
		return table.build();
	}

	/**
	 * The stacked bars of a unit whose figures are shown: per item, each answer's count
	 * and share of those who answered, the numbers the distribution table holds.
	 */
	List<Bar> bars(ResultUnit unit, Instrument instrument, Locale locale) {
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
			bars.add(new Bar(item.text(), distribution.answered(), segments));
		}
		return bars;
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

	/** An item's stacked bar. */
	record Bar(String item, int answered, List<Segment> segments) {

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
