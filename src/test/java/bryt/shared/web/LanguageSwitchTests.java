package bryt.shared.web;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

	@Test
	void rememberesTheLanguageTheUserChose() throws Exception {
		this.mvc.perform(get("/login").param("lang", "sv").header("Accept-Language", "da"))
			.andExpect(content().string(containsString("Logga in")))
			.andExpect(cookie().value("bryt-lang", "sv"));
	}

}
