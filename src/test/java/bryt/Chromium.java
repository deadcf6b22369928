package bryt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ViewportSize;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Debian's Chromium driven by Playwright, as a user's browser: headless, no network of
 * its own, nothing written to {@code $HOME}. Playwright downloads no browser of its own.
 */
public final class Chromium implements AutoCloseable {

	private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private final Playwright playwright;

	private final Browser browser;

	public Chromium() {
		Path executable = Path.of(System.getProperty("bryt.test.chromium", "/usr/bin/chromium"));
		if (!Files.isExecutable(executable)) {
			throw new IllegalStateException("No Chromium at " + executable
					+ ": install Debian's chromium package (.ci/run does) or set -Dbryt.test.chromium");
		}
		String tmp = System.getProperty("java.io.tmpdir");
		String home = System.getProperty("user.home");
		this.playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "TMPDIR", tmp, "HOME", home)));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
	}

	public Browser browser() {
		return this.browser;
	}

	/**
	 * Logs in on the login page in English with the demo password and waits for the
	 * landing page.
	 * @param baseUrl e.g. {@code http://127.0.0.1:8080}
	 * @return the context's page, now logged in
	 */
	public static Page logIn(BrowserContext context, String baseUrl, String username) {
		Page page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
		page.navigate(baseUrl + "/login?lang=en");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill("demo");
		page.locator("main form button[type=submit]").click();
		assertThat(page).hasURL(baseUrl + "/");
		return page;
	}

	/**
	 * axe's WCAG 2.1 A and AA violations on the page, one line each, labelled with
	 * {@code what}. Needs JavaScript and a context that bypasses the CSP.
	 */
	public static List<String> axeViolations(Page page, String what) {
		// Only the violations in full: axe then gives one node of each passed or
		// inapplicable rule instead of all, which is most of its time on a long page.
		AxeRunOptions options = new AxeRunOptions();
		options.setResultTypes(List.of("violations"));
		// axe's default way opens a new browser context with a blank page for every scan
		// (to merge the results of the page's frames there) and injects its 560 kB script
		// three times; "legacy mode" runs axe once in the page itself and skips only
		// cross-origin frames. Bryt's pages have no frames, so both give the same
		// violations (compared on every scanned page, docs/pages/wall-time.md) and the
		// scan takes about half as long. A page with frames gets the default way.
		boolean frames = page.frames().size() > 1;
		return new AxeBuilder(page).options(options)
			.setLegacyMode(!frames)
			.withTags(WCAG_21_AA)
			.analyze()
			.getViolations()
			.stream()
			.map((rule) -> what + ": " + rule.getId() + " – " + rule.getHelp() + " "
					+ rule.getNodes().stream().map((node) -> node.getTarget().toString()).toList())
			.toList();
	}

	/**
	 * The elements whose text would be set in the design system's own font (licensed for
	 * GOV.UK only, and not served: the browser asks for it and gets a 404), one line,
	 * labelled with {@code what}; none when {@code bryt.css} overrides it everywhere.
	 * Works with JavaScript off, as {@link #reflowProblems}.
	 */
	public static List<String> designSystemFont(Page page, String what) {
		Object found = page.evaluate(
				"""
						() => [...document.querySelectorAll('body, body *')]
							.filter((e) => getComputedStyle(e).fontFamily.includes('GDS Transport'))
							.slice(0, 5)
							.map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
								+ (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))
							.join(', ')
						""");
		return found.toString().isEmpty() ? List.of() : List.of(what + ": the design system's font on " + found);
	}

	/** A phone at its narrowest (WCAG 1.4.10), a common phone, a laptop. */
	public static final List<Integer> WIDTHS = List.of(320, 390, 1280);

	/**
	 * The widths of {@link #WIDTHS} at which the page scrolls sideways (WCAG 1.4.10:
	 * {@code document.documentElement.scrollWidth} beyond {@code window.innerWidth}), one
	 * line each with the elements that stick out, labelled with {@code what}. Leaves the
	 * viewport as it was. Works with JavaScript off: Playwright evaluates in a world of
	 * its own.
	 */
	public static List<String> reflowProblems(Page page, String what) {
		ViewportSize before = page.viewportSize();
		List<String> problems = new ArrayList<>();
		try {
			for (int width : WIDTHS) {
				page.setViewportSize(width, 800);
				Object found = page.evaluate(
						"""
								() => {
									const page = document.documentElement;
									if (page.scrollWidth <= window.innerWidth) {
										return null;
									}
									const out = [...document.querySelectorAll('body *')]
										.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
										.filter((e) => !e.parentElement.closest('.bryt-table-scroll'))
										.slice(0, 5)
										.map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
											+ (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
											+ ' ' + Math.round(e.getBoundingClientRect().right) + ' px');
									return page.scrollWidth + ' px wide: ' + out.join(', ');
								}
								""");
				if (found != null) {
					problems.add(what + " at " + width + " px: " + found);
				}
			}
		}
		finally {
			if (before != null) {
				page.setViewportSize(before.width, before.height);
			}
		}
		return problems;
	}

	/**
	 * The radios and checkboxes of the page's forms that are not beside their label, or
	 * share a line with another option of their group, at {@link #WIDTHS}; one line each,
	 * labelled with {@code what}.
	 */
	public static List<String> optionsApartFromTheirLabels(Page page, String what) {
		ViewportSize before = page.viewportSize();
		List<String> problems = new ArrayList<>();
		try {
			for (int width : WIDTHS) {
				page.setViewportSize(width, 800);
				@SuppressWarnings("unchecked")
				List<String> found = (List<String>) page.evaluate(
						"""
								() => {
									const out = [];
									const tops = new Map();
									for (const input of document.querySelectorAll('main input[type=radio], main input[type=checkbox]')) {
										const label = input.id && document.querySelector('label[for="' + input.id + '"]');
										if (!label) {
											out.push((input.name || '?') + ': no label of its own');
											continue;
										}
										const i = input.getBoundingClientRect();
										const l = label.getBoundingClientRect();
										const beside = l.left >= i.left && l.left - i.right < 30 && l.top < i.bottom && i.top < l.bottom;
										if (!beside) {
											out.push(input.id + ': its label is not beside it');
										}
										const group = input.name + '@' + Math.round(i.top);
										if (tops.has(group)) {
											out.push(input.id + ': on one line with ' + tops.get(group));
										}
										tops.set(group, input.id);
									}
									return out;
								}
								""");
				found.forEach((problem) -> problems.add(what + " at " + width + " px: " + problem));
			}
		}
		finally {
			if (before != null) {
				page.setViewportSize(before.width, before.height);
			}
		}
		return problems;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
