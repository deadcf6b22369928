package bryt.shared.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.ui.RectangleInsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Draws a JFreeChart as SVG to put straight into a page: text stays text (readable,
 * searchable, scalable), colours and fonts are presentation attributes rather than
 * {@code style} attributes (the Content-Security-Policy allows no inline style), and the
 * picture carries {@code role="img"} with a label. The figures themselves always stand in
 * a table beside the chart as well.
 */
public final class SvgCharts {

	/** Bryt's ink, accent and band colours (see bryt.css); each has ≥ 3:1 on white. */
	public static final Color INK = new Color(0x1b1b1f);

	public static final Color MUTED = new Color(0x4a4a55);

	public static final Color ACCENT = new Color(0x0b5a7a);

	public static final Color RED = new Color(0xa4161a);

	public static final Color AMBER = new Color(0xb35c00);

	public static final Color GREEN = new Color(0x1e6b35);

	public static final Color SPARE = new Color(0x5a6b7a);

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	private static final String FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

	private static final StandardChartTheme THEME = theme();

	private static final AtomicLong CHARTS = new AtomicLong();

	private SvgCharts() {
	}

	/** Applies Bryt's fonts and colours to a chart; call before {@link #svg}. */
	public static JFreeChart themed(JFreeChart chart) {
		THEME.apply(chart);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		// Room on the right for the last tick label of a date axis.
		chart.setPadding(new RectangleInsets(8, 8, 8, 28));
		return chart;
	}

	/**
	 * The chart as an {@code <svg>} element without XML prolog, scaled by its view box.
	 * @param label what the chart shows, in the reader's language; becomes its accessible
	 * name
	 */
	public static String svg(JFreeChart chart, int width, int height, String label) {
		return svg(chart, width, height, label, null);
	}

	/**
	 * The chart as {@link #svg(JFreeChart, int, int, String)} draws it, with its text
	 * alternative inside: a {@code <title>} with the label and a {@code <desc>} with the
	 * description, which is also the picture's accessible description. Both stay with the
	 * SVG wherever it is copied or printed; the figures still belong in a table.
	 * @param description how to read the chart, in the reader's language, or {@code null}
	 */
	public static String svg(JFreeChart chart, int width, int height, String label, String description) {
		Document document = newDocument();
		SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
		context.setEmbeddedFontsOn(false);
		context.setComment(null);
		// Several charts share one page, and so one space of ids.
		String prefix = "chart" + CHARTS.incrementAndGet() + "-";
		context.setIDGenerator(new SVGIDGenerator() {
			@Override
			public String generateID(String kind) {
				return super.generateID(prefix + kind);
			}
		});
		SVGGraphics2D graphics = new SVGGraphics2D(context, false);
		graphics.setSVGCanvasSize(new Dimension(width, height));
		chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
		Element root = graphics.getRoot();
		root.setAttribute("viewBox", "0 0 " + width + " " + height);
		root.setAttribute("role", "img");
		root.setAttribute("aria-label", label);
		root.setAttribute("focusable", "false");
		root.setAttribute("class", "chart");
		replaceFonts(root);
		removeEmptyDefinitions(root);
		describe(root, prefix, label, description);
		StringWriter out = new StringWriter();
		try {
			graphics.stream(root, out, false, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			graphics.dispose();
		}
		// Without the XML declaration and document type, which have no place inside HTML.
		String svg = out.toString();
		return svg.substring(svg.indexOf("<svg"));
	}

	/**
	 * Puts the title (and the description) first in the picture, where SVG readers look
	 * for them; the description's id is unique on the page, as the other ids are.
	 */
	private static void describe(Element root, String prefix, String label, String description) {
		Node first = root.getFirstChild();
		Element title = root.getOwnerDocument().createElementNS(SVG_NAMESPACE, "title");
		title.setTextContent(label);
		root.insertBefore(title, first);
		if (description != null) {
			Element desc = root.getOwnerDocument().createElementNS(SVG_NAMESPACE, "desc");
			desc.setAttribute("id", prefix + "desc");
			desc.setTextContent(description);
			root.insertBefore(desc, first);
			root.setAttribute("aria-describedby", prefix + "desc");
		}
	}

	/** Batik adds an empty {@code <defs id="genericDefs">} to every chart. */
	private static void removeEmptyDefinitions(Element root) {
		NodeList definitions = root.getElementsByTagName("defs");
		for (int i = definitions.getLength() - 1; i >= 0; i--) {
			Node definition = definitions.item(i);
			if (!definition.hasChildNodes()) {
				definition.getParentNode().removeChild(definition);
			}
		}
	}

	/** Java's logical font names mean nothing to a browser: use the page's fonts. */
	private static void replaceFonts(Element element) {
		if (element.hasAttribute("font-family")) {
			element.setAttribute("font-family", FONT_FAMILY);
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
				replaceFonts((Element) children.item(i));
			}
		}
	}

	private static Document newDocument() {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.getDOMImplementation()
				.createDocument(SVG_NAMESPACE, "svg", null);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static StandardChartTheme theme() {
		StandardChartTheme theme = new StandardChartTheme("Bryt");
		theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setLegendBackgroundPaint(Color.WHITE);
		theme.setPlotOutlinePaint(MUTED);
		theme.setDomainGridlinePaint(new Color(0xd0d0d6));
		theme.setRangeGridlinePaint(new Color(0xd0d0d6));
		theme.setAxisLabelPaint(INK);
		theme.setTickLabelPaint(INK);
		theme.setItemLabelPaint(INK);
		theme.setLegendItemPaint(INK);
		theme.setTitlePaint(INK);
		theme.setShadowVisible(false);
		theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
		theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
		theme.setDrawingSupplier(new DefaultDrawingSupplier(new Color[] { ACCENT, AMBER, INK, GREEN, RED },
				DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
				DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, new java.awt.Stroke[] { new BasicStroke(2.5f) },
				DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
		return theme;
	}

}
