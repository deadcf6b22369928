package bryt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

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
		return new AxeBuilder(page).withTags(WCAG_21_AA)
			.analyze()
			.getViolations()
			.stream()
			.map((rule) -> what + ": " + rule.getId() + " – " + rule.getHelp() + " "
					+ rule.getNodes().stream().map((node) -> node.getTarget().toString()).toList())
			.toList();
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
