package bryt.shared.web;

import bryt.BrytTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

@BrytTest
class LanguageSwitchTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void speaksTheBrowsersLanguage() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "da-DK,da;q=0.9"))
			.andExpect(content().string(containsString("<html lang=\"da\">")))
			.andExpect(content().string(containsString("Log ind")));
		this.mvc.perform(get("/login").header("Accept-Language", "sv"))
			.andExpect(content().string(containsString("Logga in")));
		this.mvc.perform(get("/login").header("Accept-Language", "fi"))
			.andExpect(content().string(containsString("<html lang=\"en\">")));
	}

	/**
	 * Item 13 of issue 9: on the reporter's pages the chosen language travels in the
	 * links, never in a cookie, and a language cookie from the staff pages is not read.
	 */
	@Test
	void publicPagesKeepTheChosenLanguageInTheirLinksAndSetNoCookie() throws Exception {
		MockHttpServletResponse chosen = this.mvc
			.perform(get("/report/exempelby?lang=da").header("Accept-Language", "sv")
				.cookie(new Cookie("bryt-lang", "en")))
			.andReturn()
			.getResponse();
		assertThat(chosen.getContentAsString()).contains("<html lang=\"da\">")
			.contains("href=\"/report/exempelby/follow-up?lang=da\"")
			.containsPattern("href=\"/report/exempelby/channel/[0-9]+\\?lang=da\"")
			.contains("href=\"/report?lang=da\"")
			// Assets carry a hash of their content, and no language.
			.containsPattern("href=\"/css/bryt-[0-9a-f]{32}\\.css\"");
		assertThat(chosen.getHeaders("Set-Cookie")).isEmpty();

		MockHttpServletResponse browser = this.mvc
			.perform(get("/report/exempelby").header("Accept-Language", "sv").cookie(new Cookie("bryt-lang", "da")))
			.andReturn()
			.getResponse();
		assertThat(browser.getContentAsString()).contains("<html lang=\"sv\">")
			.contains("href=\"/report/exempelby/follow-up\"");
		assertThat(browser.getHeaders("Set-Cookie")).isEmpty();

		MockHttpServletResponse followUp = this.mvc
			.perform(post("/report/exempelby/follow-up?lang=da").param("receipt", "wrong"))
			.andReturn()
			.getResponse();
		assertThat(followUp.getContentAsString()).contains("<html lang=\"da\">")
			.contains("action=\"/report/exempelby/follow-up?lang=da\"")
			.contains("autocomplete=\"off\"");
		assertThat(followUp.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void rememberesTheLanguageTheUserChose() throws Exception {
		this.mvc.perform(get("/login").param("lang", "sv").header("Accept-Language", "da"))
			.andExpect(content().string(containsString("Logga in")))
			.andExpect(cookie().value("bryt-lang", "sv"));
	}

}
