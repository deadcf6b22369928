package bryt.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 11, item 1: the design system's and Bryt's assets come from the jar, under
 * addresses that carry a hash of their content, so that a browser keeps them for a year;
 * a public page loads nothing from elsewhere and no script inline.
 */
@BrytTest
class DesignSystemAssetsTests {

	private static final Pattern ASSET = Pattern
		.compile("(?:href|src|data-design-system)=\"(/(?:design|css|js)/[^\"]+)\"");

	@Autowired
	private MockMvc mvc;

	@Test
	void aPublicPageLinksItsAssetsByContentHashAndEachIsKeptForAYear() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/report/exempelby")).andReturn().getResponse();
		String html = page.getContentAsString();
		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(html);
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}
		// Five since the print stylesheet (issue 11, item 6).
		assertThat(assets).hasSize(5)
			.anyMatch((path) -> path.matches("/design/govuk-frontend\\.min-[0-9a-f]{32}\\.css"))
			.anyMatch((path) -> path.matches("/css/print-[0-9a-f]{32}\\.css"))
			.anyMatch((path) -> path.matches("/design/govuk-frontend\\.min-[0-9a-f]{32}\\.js"))
			.anyMatch((path) -> path.matches("/css/bryt-[0-9a-f]{32}\\.css"))
			.anyMatch((path) -> path.matches("/js/bryt-[0-9a-f]{32}\\.js"));
		for (String asset : assets) {
			MockHttpServletResponse response = this.mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(response.getStatus()).as(asset).isEqualTo(200);
			assertThat(response.getHeader("Cache-Control")).as(asset)
				.contains("max-age=31536000")
				.contains("immutable");
			assertThat(response.getContentAsByteArray()).as(asset).isNotEmpty();
		}
		// The page runs no inline script and names nothing of GOV.UK's brand.
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("GDS Transport");
		assertThat(page.getHeaders("Set-Cookie")).isEmpty();
	}

	// Issue 11 (pages, forms): only the hashed names are kept for a year; no source maps.

	/**
	 * The plain name of an asset changes content with a release under the same address:
	 * it is served (a page cached before the release still works) but never as immutable,
	 * so the browser asks again.
	 */
	@Test
	void anAssetUnderItsPlainNameIsNotKeptUnasked() throws Exception {
		for (String asset : List.of("/css/bryt.css", "/js/bryt.js", "/design/govuk-frontend.min.css",
				"/design/govuk-frontend.min.js")) {
			MockHttpServletResponse response = this.mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(response.getStatus()).as(asset).isEqualTo(200);
			assertThat(response.getHeader("Cache-Control")).as(asset)
				.isEqualTo("no-cache")
				.doesNotContain("immutable")
				.doesNotContain("max-age=31536000");
			assertThat(response.getContentAsByteArray()).as(asset).isNotEmpty();
		}
	}

	/**
	 * Source maps (the design system's sources), its Sass and Nunjucks files, and a name
	 * whose hash is not the content's, are not served: 404, under the plain and under a
	 * hashed name.
	 */
	@Test
	void sourceMapsAndFilesNoPageNeedsAreNotServed() throws Exception {
		String page = this.mvc.perform(get("/report/exempelby")).andReturn().getResponse().getContentAsString();
		Matcher css = Pattern.compile("/design/govuk-frontend\\.min-([0-9a-f]{32})\\.css").matcher(page);
		assertThat(css.find()).isTrue();
		String hash = css.group(1);
		for (String asset : List.of("/design/govuk-frontend.min.css.map", "/design/govuk-frontend.min.js.map",
				"/design/all.bundle.js.map", "/design/govuk-frontend.min.css-" + hash + ".map",
				"/design/govuk-frontend.min-" + hash + ".css.map", "/design/all.scss", "/design/template.njk",
				"/design/govuk-frontend.min-0123456789abcdef0123456789abcdef.css", "/css/bryt.css.map")) {
			MockHttpServletResponse response = this.mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(response.getStatus()).as(asset).isEqualTo(404);
			assertThat(response.getContentAsString()).as(asset).doesNotContain("sourcesContent");
		}
	}

	/**
	 * Chromium asks for {@code /favicon.ico} on its own now and then: it led to the login
	 * page, whose form set a cookie in a reporter's browser (seen once in
	 * VoiceBrowserIT's cookie check). It leads to the icon, and leaves no cookie.
	 */
	@Test
	void theBrowsersOwnIconRequestLeavesNoCookie() throws Exception {
		MockHttpServletResponse icon = this.mvc.perform(get("/favicon.ico")).andReturn().getResponse();
		assertThat(icon.getStatus()).isEqualTo(302);
		assertThat(icon.getRedirectedUrl()).isEqualTo("/favicon.svg");
		assertThat(icon.getHeaders("Set-Cookie")).isEmpty();
		MockHttpServletResponse svg = this.mvc.perform(get("/favicon.svg")).andReturn().getResponse();
		assertThat(svg.getStatus()).isEqualTo(200);
		assertThat(svg.getHeaders("Set-Cookie")).isEmpty();
	}

	/**
	 * A font or image the design system's stylesheet names under {@code /assets/} is not
	 * served; asking for it must not lead to the login page, whose form would set a CSRF
	 * cookie in a reporter's browser.
	 */
	@Test
	void theDesignSystemsOwnFontsAreNotServedAndLeaveNoCookie() throws Exception {
		MockHttpServletResponse font = this.mvc.perform(get("/assets/fonts/bold-b542beb274-v2.woff2"))
			.andReturn()
			.getResponse();
		assertThat(font.getStatus()).isEqualTo(404);
		assertThat(font.getRedirectedUrl()).isNull();
		assertThat(font.getHeaders("Set-Cookie")).isEmpty();
	}

	/**
	 * Spring Boot serves every webjar under {@code /webjars/}, the design system's font
	 * (licensed for GOV.UK only) and its source maps too; not even to a logged-in user.
	 */
	@Test
	void theWebjarsAreNotServedEvenToALoggedInUser() throws Exception {
		for (String file : List.of("assets/fonts/bold-b542beb274-v2.woff2", "govuk-frontend.min.js.map",
				"govuk-frontend.min.css")) {
			assertThat(this.mvc
				.perform(get("/webjars/govuk-frontend/5.14.0/dist/govuk/" + file)
					.with(user(TestAccounts.of(1, Role.HR))))
				.andReturn()
				.getResponse()
				.getStatus()).as(file).isEqualTo(403);
		}
	}

	/**
	 * Each part of the stylesheets closes every rule it opens. A rule left open (a merge
	 * once lost three closing braces) makes every later rule a nested one, which the
	 * browser drops without a word: the help links, the home cards and the receipt's
	 * buttons lost their styles.
	 */
	@Test
	void theStylesheetsCloseEveryRuleTheyOpen() throws Exception {
		for (String sheet : List.of("/css/bryt.css", "/css/print.css")) {
			String css = this.mvc.perform(get(sheet)).andReturn().getResponse().getContentAsString();
			String code = css.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\"[^\"\\n]*\"", "\"\"");
			java.util.Deque<Boolean> open = new java.util.ArrayDeque<>();
			int from = 0;
			for (int i = 0; i < code.length(); i++) {
				char c = code.charAt(i);
				if (c == '{') {
					boolean atRule = code.substring(from, i).strip().startsWith("@");
					assertThat(atRule || !open.contains(false))
						.as(sheet + ": a rule opened inside a rule before «" + code.substring(from, i).strip() + "»")
						.isTrue();
					open.push(atRule);
					from = i + 1;
				}
				else if (c == '}') {
					assertThat(open).as(sheet + ": a brace closes nothing").isNotEmpty();
					open.pop();
					from = i + 1;
				}
				else if (c == ';') {
					from = i + 1;
				}
			}
			assertThat(open).as(sheet + ": rules left open").isEmpty();
		}
	}

	@Test
	void theSystemFontReplacesTheDesignSystemsOwn() throws Exception {
		String css = this.mvc.perform(get("/css/bryt.css")).andReturn().getResponse().getContentAsString();
		assertThat(css).contains("body [class*=\"govuk-\"]").contains("system-ui").doesNotContain("GDS Transport");
	}

}
