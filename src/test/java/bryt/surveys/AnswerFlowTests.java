package bryt.surveys;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import bryt.ServerDay;
import bryt.MailTest;
import bryt.BrytTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The respondent's path: a code answers once, in its invitation's unit, with nothing that
 * points back; wrong, used and malformed codes look alike; no cookie, no session.
 */
@BrytTest
class AnswerFlowTests extends MailTest {

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

	@Test
	void aCodeAnswersOnceAndTheAnswerCountsInTheInvitationsUnit() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		long cycle = launch(org);
		String code = codeMailedTo(org.emails().get("B1"));

		MvcResult form = this.mvc.perform(get("/s/" + code)).andReturn();
		assertThat(form.getResponse().getStatus()).isEqualTo(200);
		assertThat(form.getResponse().getContentAsString()).contains("I have time for my work", "Strongly agree",
				"name=\"item.w1\"", "name=\"code\"");
		assertNoTrace(form);

		MvcResult sent = this.mvc.perform(answer(code)).andReturn();
		assertThat(sent.getResponse().getContentAsString()).contains("Thank you for your answers");
		assertNoTrace(sent);

		// Held until the cycle closes: nothing in the result tables yet.
		assertThat(rows("select count(*) from survey_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(0L);
		assertThat(rows("select unit_id from survey_held_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(org.b());
		assertThat(rows("select count(*) from survey_used_code where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(1L);

		// The same post again: nothing changes, and the page is the one for any code
		// that opens nothing.
		MvcResult again = this.mvc.perform(answer(code)).andReturn();
		assertThat(again.getResponse().getContentAsString()).contains("This code opens no survey")
			.doesNotContain("Thank you");
		assertThat(rows("select count(*) from survey_held_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(1L);

		this.cycles.close(cycle);
		assertThat(rows("select count(*) from survey_held_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(0L);
		assertThat(rows("select unit_id from survey_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(org.b());
		assertThat(this.jdbc.sql("""
				select a.item_key || '=' || a.value from survey_answer a join survey_response r on r.id = a.response_id
				where r.cycle_id = :cycle order by 1
				""").param("cycle", cycle).query(String.class).list()).containsExactly("back=1", "rec=8", "w1=3",
				"why=1", "why=4");
		assertThat(rows("select text from survey_comment where cycle_id = :cycle", cycle, String.class))
			.containsExactly("More time for visits");
		assertThat(rows("select count(*) from survey_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(1L);
		assertThat(rows("select count(*) from survey_answer a join survey_response r on r.id = a.response_id "
				+ "where r.cycle_id = :cycle", cycle, Long.class))
			.containsExactly(5L);
		assertThat(rows("select count(*) from survey_comment where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(1L);
	}

	@Test
	void aUsedAnUnknownAndAMalformedCodeGetTheSamePage() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		launch(org);
		String used = codeMailedTo(org.emails().get("A1"));
		this.mvc.perform(answer(used)).andReturn();

		String usedPage = body(post("/s").param("code", used));
		String unknownPage = body(post("/s").param("code", "0123-4567-89AB-CDEF-GHJK-MNPQ-RS"));
		String malformedPage = body(post("/s").param("code", "not a code"));
		String usedLink = body(get("/s/" + used));

		assertThat(usedPage).contains("This code opens no survey");
		assertThat(unknownPage).isEqualTo(usedPage);
		assertThat(malformedPage).isEqualTo(usedPage);
		assertThat(usedLink).isEqualTo(usedPage);
	}

	@Test
	void aTypedCodeIsForgivingAndTheLanguageButtonsCarryIt() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		launch(org);
		String code = codeMailedTo(org.emails().get("A2"));
		String typed = code.toLowerCase().substring(0, 4) + " " + code.substring(4, 13) + "-" + code.substring(13);

		MvcResult swedish = this.mvc.perform(post("/s").queryParam("lang", "sv").param("code", typed)).andReturn();

		String page = swedish.getResponse().getContentAsString();
		assertThat(page).contains("Jag hinner med mitt arbete", "Instämmer helt", "value=\"" + code + "\"");
		// No link leaves the page; the languages are buttons posting the code.
		assertThat(page).doesNotContain("href=\"/report").doesNotContain("href=\"/s/");
		assertNoTrace(swedish);
	}

	@Test
	void aCraftedValueComesBackWithAMessageAndStoresNothing() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		long cycle = launch(org);
		String code = codeMailedTo(org.emails().get("A3"));

		MvcResult crafted = this.mvc.perform(post("/s/answer").param("code", code).param("item.w1", "7")).andReturn();
		MvcResult number = this.mvc
			.perform(post("/s/answer").param("code", code).param("item.free", "Ring mig: 811228-9874"))
			.andReturn();

		assertThat(crafted.getResponse().getStatus()).isEqualTo(200);
		assertThat(crafted.getResponse().getContentAsString()).contains("Error:", "Choose one of the answers offered");
		assertThat(number.getResponse().getContentAsString()).contains("personal identity number")
			.doesNotContain("811228");
		assertThat(rows("select count(*) from survey_held_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(0L);
		assertThat(rows("select count(*) from survey_used_code where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(0L);
	}

	@Test
	void aClosedCycleSaysItIsClosedAndTakesNoAnswer() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		long cycle = launch(org);
		String code = codeMailedTo(org.emails().get("A4"));
		this.jdbc.sql("update survey_cycle set status = 'closed' where id = :id").param("id", cycle).update();

		assertThat(body(get("/s/" + code))).contains("This survey is closed");
		assertThat(body(answer(code))).contains("This survey is closed");
		assertThat(rows("select count(*) from survey_held_response where cycle_id = :cycle", cycle, Long.class))
			.containsExactly(0L);
	}

	/**
	 * A browser that names no language gets the survey's organisation's (Swedish here);
	 * an unknown code's page stays in the default, English.
	 */
	@Test
	void withoutALanguageFromTheBrowserTheSurveyOpensInItsOrganisationsLanguage() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		launch(org);
		String code = codeMailedTo(org.emails().get("A1"));
		MockMvc noLanguage = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();

		String linked = noLanguage.perform(get("/s/" + code)).andReturn().getResponse().getContentAsString();
		String typed = noLanguage
			.perform(post("/s").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("code", code.toLowerCase()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = noLanguage
			.perform(post("/s").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("code", "0123456789ABCDEFGHJKMNPQRS"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(linked).contains("<html lang=\"sv\"", "Jag hinner med mitt arbete");
		assertThat(typed).contains("<html lang=\"sv\"", "Jag hinner med mitt arbete");
		assertThat(unknown).contains("<html lang=\"en\"", "This code opens no survey");
	}

	@Test
	void theCodePageWorksWithoutALogin() throws Exception {
		MvcResult page = this.mvc.perform(get("/s")).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("Enter the code");
		assertNoTrace(page);
	}

	/**
	 * One client trying codes must not shut the survey: past the limit of wrong codes a
	 * minute (60 by default, one bucket for the instance), a wrong code gets 429 and "try
	 * again in a minute", while a valid code still opens its form and its answers are
	 * kept.
	 */
	@Test
	void tryingWrongCodesNeverShutsOutARespondentWithAValidCode() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		long cycle = launch(org);
		String code = codeMailedTo(org.emails().get("B1"));
		try {
			int refused = 0;
			for (int i = 0; i < 61; i++) {
				MvcResult wrong = this.mvc.perform(post("/s").param("code", "ZZZZ-" + i)).andReturn();
				refused += (wrong.getResponse().getStatus() == 429) ? 1 : 0;
			}
			// 60 wrong codes are within the minute's limit, the 61st is past it
			assertThat(refused).isEqualTo(1);
			MvcResult throttled = this.mvc.perform(post("/s").param("code", "ZZZZ-61")).andReturn();
			assertThat(throttled.getResponse().getStatus()).isEqualTo(429);
			assertThat(throttled.getResponse().getContentAsString()).contains("try again in a minute");

			MvcResult form = this.mvc.perform(post("/s").param("code", code)).andReturn();
			assertThat(form.getResponse().getStatus()).isEqualTo(200);
			assertThat(form.getResponse().getContentAsString()).contains("I have time for my work");
			assertThat(body(answer(code))).contains("Thank you for your answers");
			assertThat(rows("select count(*) from survey_used_code where cycle_id = :cycle", cycle, Long.class))
				.containsExactly(1L);
		}
		finally {
			// the bucket is the instance's: leave it empty for the other tests
			this.jdbc.sql("delete from rate_limit_bucket where id like '%surveys wrong codes%'").update();
		}
	}

	private long launch(CycleFixture.Org org) {
		LocalDate today = ServerDay.today();
		return this.cycles
			.launchAndInvite(org.id(),
					new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today, today.plusDays(13)))
			.cycle()
			.id();
	}

	private String codeMailedTo(String address) {
		MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
			.filter((message) -> CycleLaunchTests.to(message).equals(address))
			.findFirst()
			.orElseThrow();
		return CycleLaunchTests.code(mail);
	}

	private static MockHttpServletRequestBuilder answer(String code) {
		return post("/s/answer").param("code", code)
			.param("item.w1", "3")
			.param("item.rec", "8")
			.param("item.why", "4", "1")
			.param("item.back", "1")
			.param("item.free", "  More time for visits ");
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private <T> List<T> rows(String sql, long cycle, Class<T> type) {
		return this.jdbc.sql(sql).param("cycle", cycle).query(type).list();
	}

	private static void assertNoTrace(MvcResult result) {
		assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(Map.of("cache", String.valueOf(result.getResponse().getHeader("Cache-Control")))).isNotEmpty();
	}

}
