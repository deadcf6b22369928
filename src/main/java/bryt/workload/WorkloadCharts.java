package bryt.workload;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Function;

import bryt.shared.charts.SvgCharts;
import bryt.shared.tables.Cell;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The workload pages' charts, as SVG to put in the page. Each returns {@code null} when
 * there is nothing to draw; the same figures always stand in a table on the page.
 */
@Component
class WorkloadCharts {

	private static final int WIDTH = 720;

	private static final int BAR = 24;

	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

	/** The dot on each week of a load line. */
	private static final Shape POINT = new Ellipse2D.Double(-3.5, -3.5, 7, 7);

	/**
	 * The band edges as reference lines: red dashes above which the load is over
	 * capacity, a solid line at capacity, green dots from which it is full.
	 */
	private static final List<Edge> EDGES = List.of(
			new Edge(Band.RED_ABOVE, SvgCharts.RED,
					new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 9f, 5f },
							0f),
					"workload.history.chart.red"),
			new Edge(Band.AMBER_ABOVE, SvgCharts.INK, new BasicStroke(1.5f), "workload.history.chart.capacity"),
			new Edge(Band.GREEN_FROM, SvgCharts.GREEN, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
					BasicStroke.JOIN_MITER, 10f, new float[] { 2f, 4f }, 0f), "workload.history.chart.green"));

	private final MessageSource messages;

	WorkloadCharts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Each worker's load as a share of their capacity, the bar in the colour of its band.
	 */
	String workers(List<WorkerFigures> workers, Locale locale) {
		if (workers.isEmpty()) {
			return null;
		}
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		String series = message("workload.chart.loadPercent", locale);
		for (WorkerFigures worker : workers) {
			dataset.addValue(worker.loadRatio() * 100, series, new Label(worker.name(), worker.staffId()));
		}
		JFreeChart chart = ChartFactory.createBarChart(null, null, series, dataset, PlotOrientation.HORIZONTAL, false,
				false, false);
		SvgCharts.themed(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		names(plot);
		BarRenderer bands = new BarRenderer() {
			@Override
			public Paint getItemPaint(int row, int column) {
				return colour(workers.get(column).band());
			}
		};
		bands.setBarPainter(new StandardBarPainter());
		bands.setShadowVisible(false);
		plot.setRenderer(bands);
		plot.addRangeMarker(new ValueMarker(100, SvgCharts.INK, new BasicStroke(2f)));
		// The line is named in a legend below the plot, on white: a label on the line
		// itself sat on the bars, where its contrast depended on the bar behind it (and
		// axe could not decide it).
		LegendItemCollection legend = new LegendItemCollection();
		LegendItem line = new LegendItem(message("workload.capacity", locale), null, null, null,
				new Line2D.Double(-8, 0, 8, 0), new BasicStroke(2f), SvgCharts.INK);
		line.setLabelPaint(SvgCharts.INK);
		legend.add(line);
		plot.setFixedLegendItems(legend);
		legendBelow(chart, plot);
		NumberAxis axis = (NumberAxis) plot.getRangeAxis();
		axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(locale));
		axis.setUpperBound(Math.max(axis.getUpperBound(), 120));
		return SvgCharts.svg(chart, WIDTH, height(workers.size()) + 30, message("workload.chart.workers", locale));
	}

	/** Open investigations and those past their deadline, week by week. */
	String trend(Trend trend, long unitId, Locale locale) {
		List<WeekFigures> series = trend.of(unitId);
		TimeSeries open = new TimeSeries(message("workload.openInvestigations", locale));
		TimeSeries late = new TimeSeries(message("workload.pastDeadline", locale));
		for (int i = 0; i < trend.weeks().size(); i++) {
			Day day = day(trend.weeks().get(i));
			open.add(day, series.get(i).openInvestigations());
			late.add(day, series.get(i).investigationsPastDeadline());
		}
		TimeSeriesCollection dataset = new TimeSeriesCollection(UTC);
		dataset.addSeries(open);
		dataset.addSeries(late);
		JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, message("workload.chart.count", locale),
				dataset, true, false, false);
		SvgCharts.themed(chart);
		XYPlot plot = chart.getXYPlot();
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		renderer.setSeriesPaint(0, SvgCharts.ACCENT);
		renderer.setSeriesPaint(1, SvgCharts.RED);
		renderer.setSeriesStroke(0, new BasicStroke(2.5f));
		// Dashed as well as red: the two lines differ by more than colour.
		renderer.setSeriesStroke(1,
				new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 8f, 5f }, 0f));
		plot.setRenderer(renderer);
		dates(plot, locale);
		NumberAxis counts = (NumberAxis) plot.getRangeAxis();
		counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
		counts.setLowerBound(0);
		counts.setAutoRangeIncludesZero(true);
		return SvgCharts.svg(chart, WIDTH, 320, message("workload.chart.trend", locale));
	}

	/**
	 * A unit's (or with {@code 0} the organisation's) load week by week as a share of its
	 * capacity, against the band edges.
	 */
	String load(Trend trend, long unitId, Locale locale) {
		List<Double> ratios = trend.of(unitId)
			.stream()
			.map((week) -> week.measured() ? week.loadRatio() : null)
			.toList();
		return loadOverWeeks(trend.weeks(), ratios, message("workload.history.chart", locale), locale);
	}

	/** One worker's load week by week as a share of their capacity. */
	String workerLoad(List<WorkerWeek> weeks, Locale locale) {
		return loadOverWeeks(weeks.stream().map(WorkerWeek::date).toList(),
				weeks.stream().map((week) -> week.measured() ? week.loadRatio() : null).toList(),
				message("workload.history.chart", locale), locale);
	}

	/**
	 * Load in percent of capacity over the weeks, as a line with a dot on each week that
	 * has a figure; a week without one ({@code null}: nobody employed, or not the
	 * reader's to see) is a gap in the line, never 0 %. Three reference lines mark the
	 * band edges of {@link Band}, told apart by their dashes as well as their colours and
	 * named in the legend below the plot (a label on a line would sit on the load line).
	 * The axis starts at 0 and reaches past the highest edge, so every line is always in
	 * the picture.
	 */
	private String loadOverWeeks(List<LocalDate> dates, List<Double> ratios, String label, Locale locale) {
		if (ratios.stream().allMatch(Objects::isNull)) {
			return null;
		}
		TimeSeries load = new TimeSeries(message("workload.load", locale));
		double highest = 0;
		for (int i = 0; i < dates.size(); i++) {
			Double ratio = ratios.get(i);
			load.add(day(dates.get(i)), (ratio != null) ? Double.valueOf(ratio * 100) : null);
			highest = (ratio != null) ? Math.max(highest, ratio * 100) : highest;
		}
		JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, message("workload.chart.loadPercent", locale),
				new TimeSeriesCollection(load, UTC), false, false, false);
		SvgCharts.themed(chart);
		XYPlot plot = chart.getXYPlot();
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		renderer.setSeriesPaint(0, SvgCharts.ACCENT);
		renderer.setSeriesStroke(0, new BasicStroke(2.5f));
		renderer.setSeriesShape(0, POINT);
		renderer.setDrawOutlines(false);
		// One path for the whole line: a week without figures lifts the pen.
		renderer.setDrawSeriesLineAsPath(true);
		plot.setRenderer(renderer);
		LegendItemCollection legend = new LegendItemCollection();
		LegendItem line = new LegendItem(message("workload.load", locale), null, null, null, true, POINT, true,
				SvgCharts.ACCENT, false, SvgCharts.ACCENT, new BasicStroke(2.5f), true, new Line2D.Double(-8, 0, 8, 0),
				new BasicStroke(2.5f), SvgCharts.ACCENT);
		line.setLabelPaint(SvgCharts.INK);
		legend.add(line);
		for (Edge edge : EDGES) {
			plot.addRangeMarker(new ValueMarker(edge.ratio() * 100, edge.colour(), edge.stroke()));
			LegendItem item = new LegendItem(this.messages.getMessage(edge.key(),
					new Object[] { Cell.percent(edge.ratio(), 0, locale).text() }, locale), null, null, null,
					new Line2D.Double(-12, 0, 12, 0), edge.stroke(), edge.colour());
			item.setLabelPaint(SvgCharts.INK);
			legend.add(item);
		}
		plot.setFixedLegendItems(legend);
		legendBelow(chart, plot).setItemLabelPadding(new RectangleInsets(2, 2, 2, 14));
		dates(plot, locale);
		NumberAxis percent = (NumberAxis) plot.getRangeAxis();
		percent.setNumberFormatOverride(NumberFormat.getIntegerInstance(locale));
		percent.setRange(0, Math.max(Band.RED_ABOVE * 100 + 10, Math.ceil(highest / 10) * 10 + 10));
		String description = this.messages.getMessage("workload.history.chart.description",
				new Object[] { dates.getFirst(), dates.getLast(), Cell.percent(Band.GREEN_FROM, 0, locale).text(),
						Cell.percent(Band.AMBER_ABOVE, 0, locale).text(),
						Cell.percent(Band.RED_ABOVE, 0, locale).text() },
				locale);
		return SvgCharts.svg(chart, WIDTH, 360, label, description);
	}

	/** Social workers per first-line lead and per unit manager, unit by unit. */
	String staffing(List<UnitFigures> units, Locale locale) {
		return pairs(
				units.stream().filter((unit) -> unit.staffPerLead() != null || unit.staffPerManager() != null).toList(),
				"workload.staffPerLead", UnitFigures::staffPerLead, "workload.staffPerManager",
				UnitFigures::staffPerManager, "workload.chart.workersPer", "workload.chart.staffing", locale);
	}

	/** Full-time staff now against those needed to stay at 100 %, unit by unit. */
	String forecast(List<UnitFigures> units, Locale locale) {
		return pairs(units, "workload.chart.fteNow", UnitFigures::caseFte, "workload.chart.fteNeeded",
				UnitFigures::forecastFte, "workload.fte", "workload.chart.forecast", locale);
	}

	/** Two bars per unit, in the accent and the amber colour, with a legend. */
	private String pairs(List<UnitFigures> units, String firstKey, Function<UnitFigures, Double> first,
			String secondKey, Function<UnitFigures, Double> second, String axisKey, String labelKey, Locale locale) {
		if (units.isEmpty()) {
			return null;
		}
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (UnitFigures unit : units) {
			Label label = new Label(unit.name(), unit.unitId());
			dataset.addValue(first.apply(unit), message(firstKey, locale), label);
			dataset.addValue(second.apply(unit), message(secondKey, locale), label);
		}
		JFreeChart chart = ChartFactory.createBarChart(null, null, message(axisKey, locale), dataset,
				PlotOrientation.HORIZONTAL, true, false, false);
		SvgCharts.themed(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		names(plot);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setSeriesPaint(0, SvgCharts.ACCENT);
		renderer.setSeriesPaint(1, SvgCharts.AMBER);
		renderer.setItemMargin(0.05);
		((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
		return SvgCharts.svg(chart, WIDTH, height(units.size() * 2) + 30, message(labelKey, locale));
	}

	/** Names of units and workers in full, on two lines where they need it. */
	private static void names(CategoryPlot plot) {
		plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
		plot.getDomainAxis().setMaximumCategoryLabelLines(2);
	}

	/** Dates on the horizontal axis as a reader of the language writes them. */
	private static void dates(XYPlot plot, Locale locale) {
		DateAxis dates = (DateAxis) plot.getDomainAxis();
		dates.setTimeZone(UTC);
		SimpleDateFormat format = new SimpleDateFormat("d MMM yyyy", locale);
		format.setTimeZone(UTC);
		dates.setDateFormatOverride(format);
	}

	private static int height(int bars) {
		return 90 + BAR * bars;
	}

	private static Color colour(Band band) {
		return switch (band) {
			case RED -> SvgCharts.RED;
			case AMBER -> SvgCharts.AMBER;
			case GREEN -> SvgCharts.GREEN;
			case SPARE -> SvgCharts.SPARE;
		};
	}

	private static Day day(LocalDate date) {
		return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/** A band edge drawn as a reference line, and its name in the legend. */
	private record Edge(double ratio, Color colour, BasicStroke stroke, String key) {
	}

	/**
	 * A row of a bar chart: shown by name, told apart by id (two workers may share a
	 * name).
	 */
	private record Label(String name, long id) implements Comparable<Label> {

		@Override
		public int compareTo(Label other) {
			return Long.compare(this.id, other.id);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * The plot's legend below it, in ink on white, so that its contrast never depends on
	 * what is drawn behind it.
	 */
	private static LegendTitle legendBelow(JFreeChart chart, LegendItemSource plot) {
		LegendTitle title = new LegendTitle(plot);
		title.setItemPaint(SvgCharts.INK);
		title.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		title.setBackgroundPaint(Color.WHITE);
		title.setPosition(RectangleEdge.BOTTOM);
		chart.addLegend(title);
		return title;
	}

}
