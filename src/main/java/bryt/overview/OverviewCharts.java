package bryt.overview;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import bryt.shared.charts.SvgCharts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The overview's trend chart of one figure over its quarters, drawn as SVG by
 * {@link SvgCharts}. A quarter whose figure is hidden or has no data is a gap, never 0;
 * shares and ratios are plotted as percentages. The same figures stand in a table beside
 * the chart.
 */
final class OverviewCharts {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 260;

	private OverviewCharts() {
	}

	/**
	 * @param quarters the quarters, oldest first, as the axis names them
	 * @param values the plotted values, a {@code null} for a gap
	 * @param percent whether the values are percentages
	 * @param label the chart's accessible name
	 * @param description how to read it
	 */
	static String trend(List<String> quarters, List<Double> values, boolean percent, String label, String description,
			Locale locale) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (int i = 0; i < quarters.size(); i++) {
			dataset.addValue(values.get(i), "figure", quarters.get(i));
		}
		JFreeChart chart = SvgCharts.themed(
				ChartFactory.createLineChart(null, null, null, dataset, PlotOrientation.VERTICAL, false, false, false));
		CategoryPlot plot = chart.getCategoryPlot();
		LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
		renderer.setSeriesPaint(0, SvgCharts.ACCENT);
		renderer.setSeriesStroke(0, new BasicStroke(2.5f));
		renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
		renderer.setDrawOutlines(false);
		plot.setRenderer(renderer);
		NumberAxis axis = (NumberAxis) plot.getRangeAxis();
		axis.setAutoRangeIncludesZero(true);
		axis.setNumberFormatOverride(
				percent ? NumberFormat.getIntegerInstance(locale) : NumberFormat.getNumberInstance(locale));
		return SvgCharts.svg(chart, WIDTH, HEIGHT, label, description);
	}

}
