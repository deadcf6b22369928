package bryt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11 (pages, forms), on the whole application and its database: a crafted value in
 * a field a browser cannot spoil (the account's and the channel's enabled box, the
 * channel's kind, the question's required box) gets the form back with a message by that
 * field, and nothing is stored.
 */
@BrytTest
class CraftedFormValuesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void aCraftedEnabledBoxStoresNoAccount() throws Exception {
		long before = count("select count(*) from account");
		this.mvc
			.perform(asAdmin(post("/admin/accounts").param("username", "crafted.account")
				.param("displayName", "Crafted Account")
				.param("roles", "HR")
				.param("enabled", "perhaps")
				.param("password", "violet tundra kettle lamp")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"enabled-error\"")))
			.andExpect(content().string(containsString("href=\"#enabled\"")));
		assertThat(count("select count(*) from account")).isEqualTo(before);
	}

	@Test
	void aCraftedKindAndEnabledBoxStoreNoChannelAndACraftedRequiredBoxNoQuestion() throws Exception {
		long hr = this.jdbc.sql("select id from account where username = 'hr'").query(Long.class).single();
		long channels = count("select count(*) from voice_channel");
		this.mvc
			.perform(asAdmin(post("/admin/voice/channels").param("kind", "GOSSIP")
				.param("name", "Crafted channel")
				.param("acknowledgeDays", "7")
				.param("feedbackMonths", "3")
				.param("retentionDays", "730")
				.param("recipients", String.valueOf(hr))
				.param("enabled", "perhaps")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"kind-error\"")))
			.andExpect(content().string(containsString("id=\"enabled-error\"")));
		assertThat(count("select count(*) from voice_channel")).isEqualTo(channels);

		long channel = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
		long questions = count("select count(*) from voice_question");
		this.mvc
			.perform(asAdmin(post("/admin/voice/channels/" + channel + "/questions").param("labelSv", "Vad hände?")
				.param("labelDa", "Hvad skete der?")
				.param("labelEn", "What happened?")
				.param("type", "TEXT")
				.param("required", "perhaps")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"required-error\"")));
		assertThat(count("select count(*) from voice_question")).isEqualTo(questions);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername("admin"))).with(csrf());
	}

}
