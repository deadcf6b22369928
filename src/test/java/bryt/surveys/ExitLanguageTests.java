package bryt.surveys;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.MailTest;
import bryt.organisation.Organisations;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * L7: the exit survey's thank-you and address-saved pages offer the languages as the
 * other respondent pages do: POST buttons carrying the page's secret in the body (no
 * link, no JavaScript), and the chosen language stays on the next page (the forms carry
 * {@code ?lang=}).
 */
@BrytTest
class ExitLanguageTests extends MailTest {

	private static final Pattern TOKEN = Pattern.compile("id=\"deletion-token\">([0-9A-Z-]+)<");

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private ExitSurveys exits;

	@Autowired
	private CycleService cycles;

	@Autowired
	private CycleRepository repository;

	@Autowired
	private Organisations organisations;

	@Autowired
	private SurveyMail mail;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theThanksAndAddressSavedPagesChangeLanguageAndKeepIt() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(SurveyClocks.ZONE);
		this.jdbc.sql(
				"update staff set end_date = :end, end_reason = 'RESIGNED' where organisation_id = :org and employee_number = 'A1'")
			.param("end", today.plusDays(10))
			.param("org", org.id())
			.update();
		new ExitJobs(this.exits, this.cycles, this.repository, this.organisations, this.mail,
				SurveyClocks.morningOf(today))
			.inviteLeavers();
		MimeMessage invitation = Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> CycleLaunchTests.to(m).equals(org.emails().get("A1")))
			.findFirst()
			.orElseThrow();
		String code = CycleLaunchTests.code(invitation);
		String thanks = this.mvc.perform(post("/s/answer?lang=en").param("code", code))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The buttons post the code in the body, to a page of no address of its own.
		assertThat(thanks).contains("Thank you for your answers")
			.contains("formaction=\"/s/thanks?lang=sv\"")
			.contains("formaction=\"/s/thanks?lang=da\"")
			.contains("<input type=\"hidden\" name=\"code\" value=\"" + code + "\">");

		String danish = this.mvc.perform(post("/s/thanks?lang=da").param("code", code))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(danish).contains("<html lang=\"da\"")
			.contains("Tak for dine svar")
			// the address form is still there, and keeps Danish for the next page
			.contains("action=\"/s/exit-address?lang=da\"")
			.doesNotContain("Set-Cookie");

		String saved = this.mvc
			.perform(post("/s/exit-address?lang=da").param("code", code)
				.param("address", "leaver." + org.code() + "@home.example"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(saved).contains("<html lang=\"da\"").contains("formaction=\"/s/exit-address/saved?lang=sv\"");
		Matcher matcher = TOKEN.matcher(saved);
		assertThat(matcher.find()).isTrue();
		String token = matcher.group(1);

		String swedish = this.mvc.perform(post("/s/exit-address/saved?lang=sv").param("token", token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(swedish).contains("<html lang=\"sv\"")
			.contains("id=\"deletion-token\">" + token + "<")
			.contains("action=\"/s/exit-address/delete?lang=sv\"");
		// The address is kept once: the language changed nothing stored.
		assertThat(this.jdbc.sql("select count(*) from survey_exit_address where organisation_id = :org")
			.param("org", org.id())
			.query(Integer.class)
			.single()).isEqualTo(1);

		// After the address was left, the thanks page in another language has no form.
		assertThat(this.mvc.perform(post("/s/thanks?lang=sv").param("code", code))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<html lang=\"sv\"").doesNotContain("action=\"/s/exit-address");
		// A token that is not one gets the delete form, not a page repeating it.
		assertThat(this.mvc.perform(post("/s/exit-address/saved?lang=en").param("token", "<b>x</b>"))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("deletion-token").doesNotContain("<b>x</b>");
	}

}
