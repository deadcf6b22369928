package bryt;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The screenshots of the main pages in {@code docs/screenshots/}, at 1280 and 390 px, the
 * public pages without JavaScript. Not a test: runs only when asked for, e.g.
 * {@code ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ScreenshotsIT -Dbryt.screenshots=docs/screenshots}.
 */
@EnabledIfSystemProperty(named = "bryt.screenshots", matches = ".+")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "bryt.db.data-dir=target/test-data/${random.uuid}")
class ScreenshotsIT {

	@LocalServerPort
	private int port;

	@Test
	void mainPages() {
		Path dir = Path.of(System.getProperty("bryt.screenshots"));
		try (Chromium chromium = new Chromium()) {
			for (int width : new int[] { 1280, 390 }) {
				try (BrowserContext context = chromium.browser()
					.newContext(new Browser.NewContextOptions().setLocale("sv-SE")
						.setJavaScriptEnabled(false)
						.setViewportSize(width, 900))) {
					Page page = context.newPage();
					page.navigate(url("/report/exempelby"));
					page.getByText("Visselblåsning").click();
					shoot(page, dir, "report-form", width);
					page.getByLabel("Vad hände?").fill("Nattpasset lämnas ensamt med två klienter.");
					page.locator("main form button[type=submit]").click();
					assertThat(page.locator("#receipt")).isVisible();
					shoot(page, dir, "receipt", width);
				}
				try (BrowserContext context = chromium.browser()
					.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(width, 900))) {
					Page page = Chromium.logIn(context, url(""), "manager");
					page.navigate(url("/workload"));
					shoot(page, dir, "workload", width);
				}
				try (BrowserContext context = chromium.browser()
					.newContext(new Browser.NewContextOptions().setLocale("sv-SE").setViewportSize(width, 900))) {
					Page page = Chromium.logIn(context, url(""), "hr");
					shoot(page, dir, "home-hr", width);
				}
			}
		}
	}

	private static void shoot(Page page, Path dir, String name, int width) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(width > 400)
			.setPath(dir.resolve(name + "-" + width + ".png")));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
