package bryt.workload;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts as a browser gets them: SVG that fits the page, its policy and its readers.
 */
class WorkloadChartsTest {

	private final WorkloadCharts charts = new WorkloadCharts(messages());

	private static final List<WorkerFigures> WORKERS = List.of(
			new WorkerFigures(1, "E1", "Åsa <script>alert(1)</script> Öberg", 7, "T1", 10, 120, 100, 1.2, Band.RED),
			new WorkerFigures(2, "E2", "Bo Ek", 7, "T1", 4, 45, 50, 0.9, Band.SPARE),
			new WorkerFigures(3, "E3", "Bo Ek", 7, "T1", 4, 40, 50, 0.8, Band.SPARE));

	@Test
	void namesEveryWorkerAsEscapedTextAndColoursEachBarByItsBand() {
		String svg = this.charts.workers(WORKERS, Locale.ENGLISH);
		assertThat(svg).startsWith("<svg ").contains("role=\"img\"");
		assertThat(svg).contains("aria-label=\"Load per worker, as a share of capacity\"");
		assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		// Two workers share a name; both get their own bar.
		assertThat(count(svg, ">Bo Ek</text")).isEqualTo(2);
		// 120 % red, 90 % and 80 % grey (room left): the band colours of bryt.css.
		assertThat(count(svg, "fill=\"rgb(164,22,26)\" height=")).isOne();
		assertThat(count(svg, "fill=\"rgb(90,107,122)\" height=")).isEqualTo(2);
		assertThat(svg).contains(">Capacity</text");
	}

	@Test
	void twoChartsOnOnePageShareNoIdAndUseNoStyleAttribute() {
		String first = this.charts.workers(WORKERS, Locale.ENGLISH);
		String second = this.charts.workers(WORKERS, Locale.ENGLISH);
		List<String> firstIds = ids(first);
		assertThat(firstIds).isNotEmpty().doesNotHaveDuplicates().doesNotContainAnyElementsOf(ids(second));
		assertThat(first).doesNotContainPattern("\\sstyle=").doesNotContain("<?xml").doesNotContain("DOCTYPE");
	}

	@Test
	void speaksTheReadersLanguage() {
		assertThat(this.charts.workers(WORKERS, Locale.of("sv")))
			.contains("aria-label=\"Belastning per medarbetare, i procent av kapaciteten\"")
			.contains(">Kapacitet</text");
		assertThat(this.charts.workers(WORKERS, Locale.of("da"))).contains(">% af kapaciteten</text");
	}

	@Test
	void comparesUnitsInPairsOfBarsAndLeavesOutUnitsWithoutLeads() {
		UnitFigures led = unit(11, "Barn och unga", 10.5, 21.0, 12.0, 14.5);
		UnitFigures unled = unit(12, "Vuxen", null, null, 8.0, 7.0);
		String forecast = this.charts.forecast(List.of(led, unled), Locale.ENGLISH);
		assertThat(forecast).contains(">Barn och unga</text").contains(">Vuxen</text");
		// FTE now in the accent colour, FTE needed in amber, for both units.
		assertThat(count(forecast, "fill=\"rgb(11,90,122)\" height=")).isEqualTo(2);
		assertThat(count(forecast, "fill=\"rgb(179,92,0)\" height=")).isEqualTo(2);
		assertThat(forecast).contains(">Case-carrying FTE now</text").contains(">FTE needed</text");

		String staffing = this.charts.staffing(List.of(led, unled), Locale.ENGLISH);
		assertThat(staffing).contains(">Barn och unga</text").doesNotContain(">Vuxen</text");
		assertThat(this.charts.staffing(List.of(unled), Locale.ENGLISH)).isNull();
	}

	@Test
	void drawsNothingWithoutFigures() {
		assertThat(this.charts.workers(List.of(), Locale.ENGLISH)).isNull();
		assertThat(this.charts.forecast(List.of(), Locale.ENGLISH)).isNull();
		assertThat(this.charts.staffing(List.of(), Locale.ENGLISH)).isNull();
	}

	private static UnitFigures unit(long id, String name, Double perLead, Double perManager, double fte,
			double forecast) {
		return new UnitFigures(id, "U" + id, name, null, null, 10, fte, 0, 0, 0, 0, null, perLead, perManager, 0, 0, 0,
				0, 0, Band.SPARE, forecast);
	}

	private static List<String> ids(String svg) {
		return Pattern.compile(" id=\"([^\"]+)\"").matcher(svg).results().map((match) -> match.group(1)).toList();
	}

	private static int count(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/workload");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
