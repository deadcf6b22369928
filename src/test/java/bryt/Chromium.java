package bryt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, as a user's browser: headless, no network of
 * its own, nothing written to {@code $HOME}. Playwright downloads no browser of its own.
 */
public final class Chromium implements AutoCloseable {

	private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

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

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
