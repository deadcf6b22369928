package bryt.workload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a load chart ({@link WorkloadCharts#load}, {@link WorkloadCharts#workerLoad})
 * draws, read back from its SVG as a reader's eye would: the three reference lines by
 * their colours, each week's dot as a percentage measured against them, and the pieces of
 * the line between gaps.
 *
 * @param points the dots, left to right, in percent of capacity
 * @param runs the number of weeks in each unbroken piece of the line, left to right
 * @param edges the reference lines' heights in percent, by colour: {@code red},
 * {@code ink}, {@code green}; measured, as the points are, on the scale from the plot's
 * lower edge (0 %) to the ink line (taken as 100 %, which the points' values confirm)
 * @param title the {@code <title>} of the picture
 * @param description its {@code <desc>}, or null
 * @param describedBy the picture's {@code aria-describedby}
 * @param descriptionId the {@code <desc>}'s id
 */
record LoadChart(List<Double> points, List<Integer> runs, Map<String, Double> edges, String title, String description,
		String describedBy, String descriptionId) {

	private static final Map<String, String> EDGE_COLOURS = Map.of("rgb(164,22,26)", "red", "rgb(27,27,31)", "ink",
			"rgb(30,107,53)", "green");

	private static final String ACCENT = "rgb(11,90,122)";

	private static final String FRAME = "rgb(74,74,85)";

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

	static LoadChart read(String svg) {
		Element root = parse(svg).getDocumentElement();
		// The reference lines: horizontal, across the plot, in the colour of their edge.
		Map<String, Double> heights = new HashMap<>();
		String plotClip = null;
		for (Element line : elements(root, "line")) {
			String colour = EDGE_COLOURS.get(inherited(line, "stroke"));
			if (colour != null && line.getAttribute("y1").equals(line.getAttribute("y2"))) {
				heights.put(colour, Double.parseDouble(line.getAttribute("y1")));
				plotClip = line.getAttribute("clip-path");
			}
		}
		// The plot's frame (in the muted colour): its lower edge is the axis's 0 %.
		double bottom = Double.NaN;
		for (Element rect : elements(root, "rect")) {
			if ("none".equals(rect.getAttribute("fill")) && FRAME.equals(inherited(rect, "stroke"))) {
				bottom = Double.parseDouble(rect.getAttribute("y")) + Double.parseDouble(rect.getAttribute("height"));
			}
		}
		double hundred = heights.getOrDefault("ink", Double.NaN);
		List<double[]> dots = new ArrayList<>();
		List<Integer> runs = new ArrayList<>();
		for (Element path : elements(root, "path")) {
			if (plotClip == null || !plotClip.equals(path.getAttribute("clip-path"))) {
				continue;
			}
			String d = path.getAttribute("d");
			if (d.contains("C") && ACCENT.equals(inherited(path, "fill"))) {
				double[] box = box(d);
				dots.add(new double[] { (box[0] + box[2]) / 2, (box[1] + box[3]) / 2 });
			}
			else if ("none".equals(path.getAttribute("fill")) && ACCENT.equals(inherited(path, "stroke"))) {
				for (String piece : d.split("M")) {
					if (!piece.isBlank()) {
						runs.add(piece.split("L").length);
					}
				}
			}
		}
		// The axis is linear from 0 % at the frame's lower edge to the 100 % line.
		double pixelsPerPercent = (bottom - hundred) / 100;
		double zero = bottom;
		Map<String, Double> edges = new HashMap<>();
		heights.forEach((colour, y) -> edges.put(colour, (zero - y) / pixelsPerPercent));
		dots.sort(Comparator.comparingDouble((dot) -> dot[0]));
		List<Double> points = dots.stream().map((dot) -> (zero - dot[1]) / pixelsPerPercent).toList();
		Element title = first(root, "title");
		Element desc = first(root, "desc");
		return new LoadChart(points, runs, edges, (title != null) ? title.getTextContent() : null,
				(desc != null) ? desc.getTextContent() : null, root.getAttribute("aria-describedby"),
				(desc != null) ? desc.getAttribute("id") : null);
	}

	/**
	 * The smallest box around a path's coordinates: x, y of one corner, then the other.
	 */
	private static double[] box(String d) {
		Matcher matcher = NUMBER.matcher(d);
		List<Double> numbers = new ArrayList<>();
		while (matcher.find()) {
			numbers.add(Double.parseDouble(matcher.group()));
		}
		double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (int i = 0; i + 1 < numbers.size(); i += 2) {
			box[0] = Math.min(box[0], numbers.get(i));
			box[1] = Math.min(box[1], numbers.get(i + 1));
			box[2] = Math.max(box[2], numbers.get(i));
			box[3] = Math.max(box[3], numbers.get(i + 1));
		}
		return box;
	}

	/**
	 * An attribute as SVG applies it: on the element or the nearest group that sets it.
	 */
	private static String inherited(Element element, String attribute) {
		for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
			if (current.hasAttribute(attribute)) {
				return current.getAttribute(attribute);
			}
		}
		return null;
	}

	private static List<Element> elements(Element root, String name) {
		NodeList nodes = root.getElementsByTagName(name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static Element first(Element root, String name) {
		List<Element> found = elements(root, name);
		return found.isEmpty() ? null : found.getFirst();
	}

	private static Document parse(String svg) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
