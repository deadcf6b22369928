package bryt;

import java.util.List;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Chromium#axeViolations} runs axe in "legacy mode" (once in the page, no blank
 * page of its own) on pages without frames: on a page with known violations it finds what
 * axe's default way finds. No server: the page is set as content.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumIT {

	/**
	 * An image without a text alternative (image-alt), a field without a label (label),
	 * grey on white below 4.5:1 (color-contrast), a page without a language
	 * (html-has-lang).
	 */
	private static final String BROKEN = """
			<!DOCTYPE html><html><head><title>Broken</title></head><body><main>
			<h1>Broken</h1>
			<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
			<form><input type="text" name="q"></form>
			<p style="color:#aaa;background:#fff">Pale text</p>
			</main></body></html>
			""";

	private Chromium chromium;

	@BeforeAll
	void start() {
		this.chromium = new Chromium();
	}

	@AfterAll
	void stop() {
		this.chromium.close();
	}

	@Test
	void findsWhatAxesDefaultWayFindsOnAPageWithoutFrames() {
		try (BrowserContext context = this.chromium.browser().newContext()) {
			Page page = context.newPage();
			page.setContent(BROKEN);
			assertThat(page.frames()).hasSize(1);

			List<String> found = Chromium.axeViolations(page, "broken");

			AxeRunOptions options = new AxeRunOptions();
			options.setResultTypes(List.of("violations"));
			List<String> byDefault = new AxeBuilder(page).options(options)
				.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
				.analyze()
				.getViolations()
				.stream()
				.map((rule) -> "broken: " + rule.getId() + " – " + rule.getHelp() + " "
						+ rule.getNodes().stream().map((node) -> node.getTarget().toString()).toList())
				.toList();
			assertThat(found).anyMatch((line) -> line.startsWith("broken: image-alt"))
				.anyMatch((line) -> line.startsWith("broken: label"))
				.anyMatch((line) -> line.startsWith("broken: color-contrast"))
				.anyMatch((line) -> line.startsWith("broken: html-has-lang"))
				.containsExactlyInAnyOrderElementsOf(byDefault);
		}
	}

}
