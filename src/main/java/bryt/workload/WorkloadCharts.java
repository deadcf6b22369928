package bryt.workload;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Function;

import bryt.shared.charts.SvgCharts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
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
		LegendTitle title = new LegendTitle(plot);
		title.setItemPaint(SvgCharts.INK);
		title.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		title.setBackgroundPaint(Color.WHITE);
		title.setPosition(RectangleEdge.BOTTOM);
		chart.addLegend(title);
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
		DateAxis dates = (DateAxis) plot.getDomainAxis();
		dates.setTimeZone(UTC);
		SimpleDateFormat format = new SimpleDateFormat("d MMM yyyy", locale);
		format.setTimeZone(UTC);
		dates.setDateFormatOverride(format);
		NumberAxis counts = (NumberAxis) plot.getRangeAxis();
		counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
		counts.setLowerBound(0);
		counts.setAutoRangeIncludesZero(true);
		return SvgCharts.svg(chart, WIDTH, 320, message("workload.chart.trend", locale));
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
		return pairs(units, "workload.chart.fteNow", UnitFigures::fte, "workload.chart.fteNeeded",
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

}
