package bryt.surveys;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.MailTest;
import bryt.BrytTest;
import bryt.organisation.Organisations;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The daily jobs on an injected clock, mail in GreenMail: one reminder half-way through a
 * cycle to everyone invited who has an address, answered or not; closing after the
 * closing day.
 */
@BrytTest
class CycleJobsTests extends MailTest {

	private static final ZoneId ZONE = SurveyClocks.ZONE;

	@Autowired
	private CycleFixture fixture;

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
	void oneReminderHalfWayToEveryoneInvitedAnsweredOrNot() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(ZONE);
		// Opens today, closes in 10 days: the reminder is due on day 5.
		long cycle = this.cycles
			.launchAndInvite(org.id(),
					new CycleCommand(CycleProgram.PULSE, org.instrument(), today, today.plusDays(10)))
			.cycle()
			.id();
		MimeMessage[] invitations = smtp.getReceivedMessages();
		assertThat(invitations).hasSize(5);
		// B1 answers: still reminded, as nobody knows who answered.
		String b1 = Arrays.stream(invitations)
			.filter((m) -> CycleLaunchTests.to(m).equals(org.emails().get("B1")))
			.map(CycleLaunchTests::code)
			.findFirst()
			.orElseThrow();
		this.mvc.perform(post("/s/answer").param("code", b1).param("item.w1", "4")).andReturn();
		smtp.purgeEmailFromAllMailboxes();

		// Other tests' cycles share the database: only this organisation's mail counts.
		jobs(today.plusDays(4)).sendReminders();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(CycleLaunchTests::to))
			.doesNotContainAnyElementsOf(org.emails().values());
		assertThat(this.jdbc.sql("select reminded from survey_cycle where id = :id")
			.param("id", cycle)
			.query(Boolean.class)
			.single()).isFalse();
		smtp.purgeEmailFromAllMailboxes();

		int sent = jobs(today.plusDays(5)).sendReminders();

		MimeMessage[] reminders = Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> org.emails().containsValue(CycleLaunchTests.to(m)))
			.toArray(MimeMessage[]::new);
		assertThat(sent).isGreaterThanOrEqualTo(5);
		assertThat(reminders).hasSize(5);
		Set<String> to = Arrays.stream(reminders).map(CycleLaunchTests::to).collect(Collectors.toSet());
		assertThat(to).containsAll(org.emails().values());
		for (MimeMessage reminder : reminders) {
			// In the organisation's language (Swedish), quoted-printable.
			String body = GreenMailUtil.getBody(reminder).replace("=\r\n", "");
			assertThat(body).contains("om du har svarat p=C3=A5 enk=C3=A4ten: tack")
				.doesNotContainPattern("https://bryt\\.example/s/[0-9A-Z]{26}");
		}
		assertThat(this.jdbc.sql("select reminded from survey_cycle where id = :id")
			.param("id", cycle)
			.query(Boolean.class)
			.single()).isTrue();
		// Once only.
		smtp.purgeEmailFromAllMailboxes();
		jobs(today.plusDays(6)).sendReminders();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(CycleLaunchTests::to))
			.doesNotContainAnyElementsOf(org.emails().values());
	}

	@Test
	void aCycleClosesTheDayAfterItsClosingDayAndThenTakesNoAnswer() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(ZONE);
		long cycle = this.cycles
			.launchAndInvite(org.id(),
					new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today, today.plusDays(3)))
			.cycle()
			.id();
		String code = CycleLaunchTests.code(smtp.getReceivedMessages()[0]);

		jobs(today.plusDays(3)).closeCycles();
		assertThat(status(cycle)).isEqualTo("open");

		jobs(today.plusDays(4)).closeCycles();
		assertThat(status(cycle)).isEqualTo("closed");
		assertThat(this.mvc.perform(get("/s/" + code)).andReturn().getResponse().getContentAsString())
			.contains("This survey is closed");
	}

	private String status(long cycle) {
		return this.jdbc.sql("select status from survey_cycle where id = :id")
			.param("id", cycle)
			.query(String.class)
			.single();
	}

	private CycleJobs jobs(LocalDate day) {
		return new CycleJobs(this.cycles, this.repository, this.organisations, this.mail, SurveyClocks.morningOf(day));
	}

}
