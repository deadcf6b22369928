package bryt.surveys;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.ServerDay;
import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The review's leftovers on answering (P5, items 3 and 4): a double click lands on the
 * thanks page with the answers stored once, and the thanks page is in the language the
 * survey was answered in. Codes are paper codes (the plain test context has no mail
 * server, so everyone gets one).
 */
@BrytTest
class AnswerMendsTests {

	private static final Pattern SENT = Pattern.compile("name=\"sent\" value=\"([A-Za-z0-9_-]+)\"");

	private static final Pattern ACTION = Pattern.compile("<form method=\"post\"[^>]*action=\"(/s/answer[^\"]*)\"");

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private CycleService cycles;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private WebApplicationContext context;

	/**
	 * Item 3: the same form posted twice gets the thanks page twice, the second saying
	 * the answers had already arrived; one held response. A used code posted without the
	 * form's tag, or with another code's, still gets the page of any code that opens
	 * nothing.
	 */
	@Test
	void theSameFormSentTwiceThanksTwiceAndStoresOnce() throws Exception {
		CycleService.Invited invited = launch();
		long cycle = invited.cycle().id();
		String code = invited.paperCodes().get(0).replace("-", "");
		String other = invited.paperCodes().get(1).replace("-", "");
		String form = body(get("/s/" + code));
		String sent = group(SENT, form);
		String otherSent = group(SENT, body(get("/s/" + other)));

		String first = body(answer(code, sent));
		String second = body(answer(code, sent));

		assertThat(first).contains("Thank you for your answers").doesNotContain("id=\"sent-again\"");
		assertThat(second).contains("Thank you for your answers", "id=\"sent-again\"",
				"Your answers had already arrived");
		assertThat(count("select count(*) from survey_held_response where cycle_id = :cycle", cycle)).isEqualTo(1);
		assertThat(count("select count(*) from survey_held_answer a join survey_held_response r on r.id = a.held_id"
				+ " where r.cycle_id = :cycle", cycle))
			.isEqualTo(2);
		assertThat(body(answer(code, null))).contains("This code opens no survey").doesNotContain("Thank you");
		assertThat(body(answer(code, otherSent))).contains("This code opens no survey").doesNotContain("Thank you");
		assertThat(body(answer(code, sent.substring(1) + "A"))).contains("This code opens no survey");
		// The other code's form is still open and its tag belongs to it alone.
		assertThat(body(answer(other, otherSent))).contains("Thank you for your answers")
			.doesNotContain("id=\"sent-again\"");
		assertThat(count("select count(*) from survey_held_response where cycle_id = :cycle", cycle)).isEqualTo(2);
	}

	/**
	 * Item 4: a browser that names no language gets the survey in the organisation's
	 * language (Swedish); the form sends that language with the answers, so the thanks
	 * page is Swedish too, though the code is used by then.
	 */
	@Test
	void theThanksPageIsInTheLanguageTheSurveyWasAnsweredIn() throws Exception {
		CycleService.Invited invited = launch();
		String code = invited.paperCodes().get(2).replace("-", "");
		MockMvc noLanguage = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();

		String form = noLanguage.perform(get("/s/" + code)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<html lang=\"sv\"");
		String action = group(ACTION, form);
		assertThat(action).isEqualTo("/s/answer?lang=sv");

		String thanks = noLanguage
			.perform(post(action).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("code", code)
				.param("sent", group(SENT, form))
				.param("item.w1", "2"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(thanks).contains("<html lang=\"sv\"", "Tack för dina svar");
	}

	private CycleService.Invited launch() {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();
		return this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.PULSE, org.instrument(), today, today.plusDays(6)));
	}

	private static MockHttpServletRequestBuilder answer(String code, String sent) {
		MockHttpServletRequestBuilder post = post("/s/answer").param("code", code)
			.param("item.w1", "4")
			.param("item.rec", "9");
		return (sent != null) ? post.param("sent", sent) : post;
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private static String group(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	private long count(String sql, long cycle) {
		return this.jdbc.sql(sql).param("cycle", cycle).query(Long.class).single();
	}

}
