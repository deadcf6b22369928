package bryt.surveys;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import bryt.BrytTest;
import bryt.MailTest;
import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * L2: an administrator (or HR) closes an open survey early or cancels it, each after a
 * confirmation page, logged with who and when, refused once the cycle closed.
 *
 * <p>
 * The fixture's organisation (CycleFixture): D with A (A1..A6) and B (B1..B3); A1..A4 and
 * B1 are mailed, A5, A6, B2, B3 get paper codes. In the close test A1..A4, A5 and A6
 * answer (A: 6) and B1 (B: 1). By hand, scores at 5: B 1 &lt; 5 is hidden (below the
 * minimum); D less its shown children would then be B, so the next-smallest sibling, A
 * (6), is hidden too (complementary: 1 + 6 = 7 ≥ 5); D (7) is shown. A survey closed by
 * the job on the same answers decides the same.
 */
@BrytTest
class CycleEndTests extends MailTest {

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private CycleService cycles;

	@Autowired
	private CycleRepository repository;

	@Autowired
	private ResultsPage results;

	@Autowired
	private Organisations organisations;

	@Autowired
	private SurveyMail mail;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private PasswordEncoder passwords;

	@Test
	void closedEarlyItClosesTodayUnderTheSameRulesTakesNoAnswerAndSendsNoReminder() throws Exception {
		LocalDate today = LocalDate.now(SurveyClocks.ZONE);
		CycleFixture.Org org = this.fixture.create();
		String admin = account(org, "ADMINISTRATOR");
		Launched early = launchAndAnswer(org, today);
		CycleFixture.Org twin = this.fixture.create();
		Launched normal = launchAndAnswer(twin, today);

		// The confirmation page first; a post without the confirmation changes nothing.
		String page = this.mvc.perform(as(get("/surveys/cycles/" + early.cycle + "/close"), admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Close the survey now?").contains("name=\"confirmed\" value=\"yes\"");
		this.mvc.perform(as(post("/surveys/cycles/" + early.cycle + "/close"), admin)).andExpect(status().isOk());
		assertThat(statusOf(early.cycle)).isEqualTo("open");

		this.mvc.perform(as(post("/surveys/cycles/" + early.cycle + "/close").param("confirmed", "yes"), admin))
			.andExpect(status().is3xxRedirection());

		assertThat(statusOf(early.cycle)).isEqualTo("closed");
		assertThat(this.jdbc.sql("select closes_on from survey_cycle where id = :id")
			.param("id", early.cycle)
			.query(LocalDate.class)
			.single()).isEqualTo(today);
		assertThat(ended(early.cycle)).isEqualTo("closed_early Admin " + admin + " (" + admin + ")");
		assertThat(count("survey_held_response", early.cycle)).isZero();
		assertThat(count("survey_response", early.cycle)).isEqualTo(7);
		String list = this.mvc.perform(as(get("/surveys/cycles"), admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Closed early by Admin " + admin + " (" + admin + ") on " + today);

		// The twin closes by the job after its closing day: the same decisions.
		new CycleJobs(this.cycles, this.repository, this.organisations, this.mail,
				SurveyClocks.morningOf(today.plusDays(11)))
			.closeCycles();
		assertThat(statusOf(normal.cycle)).isEqualTo("closed");
		ResultsPage.Figures earlyFigures = this.results.figures(org.id(), early.cycle).orElseThrow();
		ResultsPage.Figures normalFigures = this.results.figures(twin.id(), normal.cycle).orElseThrow();
		assertThat(earlyFigures.decision(org.b()).hiddenBecause()).contains(AnonymityReason.BELOW_MINIMUM);
		assertThat(earlyFigures.decision(org.a()).hiddenBecause()).contains(AnonymityReason.COMPLEMENTARY);
		assertThat(earlyFigures.decision(org.d()).shown()).isTrue();
		assertThat(normalFigures.decision(twin.b()).hiddenBecause()).contains(AnonymityReason.BELOW_MINIMUM);
		assertThat(normalFigures.decision(twin.a()).hiddenBecause()).contains(AnonymityReason.COMPLEMENTARY);
		assertThat(normalFigures.decision(twin.d()).shown()).isTrue();

		// Those who had not answered: a clear page, not an error, and nothing stored.
		String b2 = early.paper.get("B").getFirst();
		assertThat(this.mvc.perform(get("/s/" + b2.replace("-", "")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("This survey is closed");
		assertThat(this.mvc.perform(post("/s/answer").param("code", b2).param("item.w1", "2"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("This survey is closed");
		assertThat(count("survey_response", early.cycle)).isEqualTo(7);
		assertThat(count("survey_held_response", early.cycle)).isZero();

		// No reminder half-way through its former time.
		smtp.purgeEmailFromAllMailboxes();
		new CycleJobs(this.cycles, this.repository, this.organisations, this.mail,
				SurveyClocks.morningOf(today.plusDays(5)))
			.sendReminders();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(CycleLaunchTests::to))
			.doesNotContainAnyElementsOf(org.emails().values());

		// Refused once the results are released: closing again or cancelling.
		CurrentAccount account = (CurrentAccount) this.accounts.loadUserByUsername(admin);
		assertThat(this.cycles.closeEarly(org.id(), early.cycle, account)).isEqualTo(CycleService.Ending.NOT_OPEN);
		assertThat(this.cycles.cancel(org.id(), early.cycle, account)).isEqualTo(CycleService.Ending.NOT_OPEN);
		assertThat(this.mvc
			.perform(as(post("/surveys/cycles/" + early.cycle + "/cancel").param("confirmed", "yes"), admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("This survey is no longer open");
		assertThat(statusOf(early.cycle)).isEqualTo("closed");
		assertThat(count("survey_response", early.cycle)).isEqualTo(7);
		this.mvc.perform(as(get("/surveys/cycles/" + early.cycle + "/cancel"), admin)).andExpect(status().isNotFound());
	}

	@Test
	void cancelledItsAnswersGoItShowsNoResultsAndItsLinksSaySo() throws Exception {
		LocalDate today = LocalDate.now(SurveyClocks.ZONE);
		CycleFixture.Org org = this.fixture.create();
		String hr = account(org, "HR");
		MimeMessage[] invitations = launch(org, today).invitations;
		long cycle = this.repository.cycles(org.id()).getFirst().id();
		Map<String, String> codes = codes(invitations);
		String a1 = codes.get(org.emails().get("A1"));
		this.mvc.perform(post("/s/answer").param("code", a1).param("item.w1", "4").param("item.free", "Karin again"))
			.andExpect(status().isOk());
		this.mvc.perform(post("/s/answer").param("code", codes.get(org.emails().get("B1"))).param("item.w1", "2"));
		assertThat(count("survey_held_response", cycle)).isEqualTo(2);
		assertThat(count("survey_used_code", cycle)).isEqualTo(2);

		assertThat(this.mvc.perform(as(get("/surveys/cycles/" + cycle + "/cancel"), hr))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Cancel the survey?").contains("the answers given so far are deleted");
		this.mvc.perform(as(post("/surveys/cycles/" + cycle + "/cancel").param("confirmed", "yes"), hr))
			.andExpect(status().is3xxRedirection());

		assertThat(statusOf(cycle)).isEqualTo("cancelled");
		assertThat(ended(cycle)).isEqualTo("cancelled Admin " + hr + " (" + hr + ")");
		assertThat(count("survey_held_response", cycle)).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from survey_held_comment c join survey_held_response r on r.id = c.held_id
				where r.cycle_id = :id
				""").param("id", cycle).query(Long.class).single()).isZero();
		assertThat(count("survey_used_code", cycle)).isZero();
		assertThat(count("survey_response", cycle)).isZero();
		assertThat(count("survey_comment", cycle)).isZero();
		// The link of one who answered and of one who did not: the survey was cancelled.
		for (String code : List.of(a1, codes.get(org.emails().get("A2")))) {
			assertThat(this.mvc.perform(get("/s/" + code))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()).contains("This survey was cancelled").doesNotContain("name=\"item.w1\"");
		}
		// not a dead end (the evening's outsider review): its language buttons post the
		// code back, and the page says it in the language chosen
		assertThat(this.mvc.perform(get("/s/" + a1)).andReturn().getResponse().getContentAsString())
			.contains("formaction=\"/s?lang=sv\"");
		assertThat(this.mvc.perform(post("/s?lang=sv").param("code", a1))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Enkäten har avbrutits");
		assertThat(this.mvc
			.perform(post("/s/answer").param("code", codes.get(org.emails().get("A3"))).param("item.w1", "3"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("This survey was cancelled");
		assertThat(count("survey_held_response", cycle)).isZero();
		// No results, ever; nothing to review.
		assertThat(this.mvc.perform(as(get("/surveys/results/" + cycle), hr))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("This survey was cancelled before it closed");
		this.mvc.perform(as(get("/surveys/results/" + cycle + "/comments"), hr)).andExpect(status().isNotFound());
		// No reminder, and no closing by the job.
		smtp.purgeEmailFromAllMailboxes();
		CycleJobs jobs = new CycleJobs(this.cycles, this.repository, this.organisations, this.mail,
				SurveyClocks.morningOf(today.plusDays(5)));
		jobs.sendReminders();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(CycleLaunchTests::to))
			.doesNotContainAnyElementsOf(org.emails().values());
		new CycleJobs(this.cycles, this.repository, this.organisations, this.mail,
				SurveyClocks.morningOf(today.plusDays(11)))
			.closeCycles();
		assertThat(statusOf(cycle)).isEqualTo("cancelled");
		String list = this.mvc.perform(as(get("/surveys/cycles"), hr)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Cancelled by Admin " + hr + " (" + hr + ") on " + today)
			.doesNotContain("/surveys/cycles/" + cycle + "/close");
		// Refused once ended.
		CurrentAccount account = (CurrentAccount) this.accounts.loadUserByUsername(hr);
		assertThat(this.cycles.closeEarly(org.id(), cycle, account)).isEqualTo(CycleService.Ending.NOT_OPEN);
	}

	@Test
	void onlyLaunchersOfTheOrganisationEndAnOpenAnnualOrPulseSurvey() throws Exception {
		LocalDate today = LocalDate.now(SurveyClocks.ZONE);
		CycleFixture.Org org = this.fixture.create();
		String staff = account(org, "STAFF");
		CycleFixture.Org other = this.fixture.create();
		String otherAdmin = account(other, "ADMINISTRATOR");
		String admin = account(org, "ADMINISTRATOR");
		// Opens in three days: it may be cancelled, not closed.
		long cycle = this.cycles
			.launchAndInvite(org.id(),
					new CycleCommand(CycleProgram.PULSE, org.instrument(), today.plusDays(3), today.plusDays(10)))
			.cycle()
			.id();
		this.mvc.perform(as(get("/surveys/cycles/" + cycle + "/close"), staff)).andExpect(status().isForbidden());
		this.mvc.perform(as(post("/surveys/cycles/" + cycle + "/cancel").param("confirmed", "yes"), staff))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(get("/surveys/cycles/" + cycle + "/close"), otherAdmin)).andExpect(status().isNotFound());
		this.mvc.perform(as(post("/surveys/cycles/" + cycle + "/cancel").param("confirmed", "yes"), otherAdmin))
			.andExpect(status().isNotFound());
		assertThat(this.mvc.perform(as(post("/surveys/cycles/" + cycle + "/close").param("confirmed", "yes"), admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("has not opened yet, so there is nothing to close");
		assertThat(statusOf(cycle)).isEqualTo("open");
		assertThat(this.jdbc.sql("select count(*) from survey_cycle_end where cycle_id = :id")
			.param("id", cycle)
			.query(Long.class)
			.single()).isZero();
		// An exit stage's monthly cycle closes by itself: nothing to end.
		long exit = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'exit_first', :instrument, :today, :today, 'open') returning id
				""")
			.param("org", org.id())
			.param("instrument", org.instrument())
			.param("today", today)
			.query(Long.class)
			.single();
		this.mvc.perform(as(get("/surveys/cycles/" + exit + "/cancel"), admin)).andExpect(status().isNotFound());
		// refused in words that fit a running stage (not "no longer open"), with no
		// button
		// and no warning of what a close would do; the same for a form sent unconfirmed
		for (String confirmed : new String[] { "yes", null }) {
			var request = post("/surveys/cycles/" + exit + "/cancel");
			String page = this.mvc
				.perform(as((confirmed != null) ? request.param("confirmed", confirmed) : request, admin))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("closes by itself at the end of the following month")
				.contains("It cannot be closed early or cancelled.")
				.doesNotContain("no longer open")
				.doesNotContain("id=\"end-submit\"")
				.doesNotContain("govuk-warning-text");
		}
		assertThat(statusOf(exit)).isEqualTo("open");
	}

	/**
	 * Brief surveys2, item 1: when a survey is closed early or cancelled, the employer's
	 * side (HR, administrators) and the employee side's reviewers covering a unit it
	 * invited someone in are mailed, in the organisation's language, after the commit:
	 * which survey, closed early or cancelled, when, by whom in which role. Not mailed:
	 * the one who ended it, a representative of a unit nobody was invited in (C, added
	 * empty under D), staff, another organisation's HR and representative. No comment
	 * text in the mail.
	 */
	@Test
	void bothSidesAreToldByMailWhenASurveyIsClosedEarlyOrCancelled() throws Exception {
		LocalDate today = LocalDate.now(SurveyClocks.ZONE);
		CycleFixture.Org org = this.fixture.create();
		long c = this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level, parent_id)
				values (:org, 'C', 'Enhet C', 'UNIT', :d) returning id
				""").param("org", org.id()).param("d", org.d()).query(Long.class).single();
		String admin = account(org, "ADMINISTRATOR", "A1", null);
		account(org, "HR", "A2", null);
		account(org, "UNION_REPRESENTATIVE", "A3", org.a());
		account(org, "SAFETY_REPRESENTATIVE", "A4", c);
		account(org, "STAFF", "B1", null);
		CycleFixture.Org other = this.fixture.create();
		account(other, "HR", "A1", null);
		account(other, "UNION_REPRESENTATIVE", "A2", other.d());

		Launched early = launch(org, today);
		String a1 = codes(early.invitations).get(org.emails().get("A1"));
		this.mvc.perform(post("/s/answer").param("code", a1).param("item.w1", "4").param("item.free", "Karin again"))
			.andExpect(status().isOk());
		smtp.purgeEmailFromAllMailboxes();
		this.mvc.perform(as(post("/surveys/cycles/" + early.cycle + "/close").param("confirmed", "yes"), admin))
			.andExpect(status().is3xxRedirection());

		Map<String, String> told = told();
		assertThat(told.keySet()).containsExactlyInAnyOrder(org.emails().get("A2"), org.emails().get("A3"));
		for (String mail : told.values()) {
			assertThat(mail).startsWith("Bryt: en enkät stängdes i förtid\n")
				.containsPattern("enkäten Pulsmätning, öppnad " + today + ", stängdes i förtid " + today
						+ " \\d\\d:\\d\\d av Admin ")
				.contains(" av Admin " + admin + " (" + admin + "), administratör, före sin sista dag "
						+ today.plusDays(10) + ".")
				.contains("Resultaten släpps nu")
				.doesNotContain("Karin");
		}
		// Refused once closed: no second mail.
		this.mvc.perform(as(post("/surveys/cycles/" + early.cycle + "/cancel").param("confirmed", "yes"), admin))
			.andExpect(status().isOk());
		assertThat(smtp.getReceivedMessages()).hasSize(2);

		// A Danish organisation's HR cancels: its administrator (A1) and its
		// representative of A are told, in Danish.
		CycleFixture.Org danish = this.fixture.create("DK");
		account(danish, "ADMINISTRATOR", "A1", null);
		String hr = account(danish, "HR", "A2", null);
		account(danish, "UNION_REPRESENTATIVE", "A3", danish.a());
		long cancelled = launch(danish, today).cycle;
		smtp.purgeEmailFromAllMailboxes();
		this.mvc.perform(as(post("/surveys/cycles/" + cancelled + "/cancel").param("confirmed", "yes"), hr))
			.andExpect(status().is3xxRedirection());
		told = told();
		assertThat(told.keySet()).containsExactlyInAnyOrder(danish.emails().get("A1"), danish.emails().get("A3"));
		for (String mail : told.values()) {
			assertThat(mail).startsWith("Bryt: et spørgeskema blev aflyst\n")
				.containsPattern("Spørgeskemaet Pulsmåling, åbnet " + today + ", blev aflyst " + today
						+ " \\d\\d:\\d\\d af Admin ")
				.contains(" af Admin " + hr + " (" + hr + "), HR.")
				.contains("De afgivne svar blev slettet");
		}
	}

	/** The notices received, subject and text by address (one each). */
	private static Map<String, String> told() throws Exception {
		Map<String, String> told = new java.util.HashMap<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			assertThat(told.put(CycleLaunchTests.to(mail), mail.getSubject() + "\n" + mail.getContent())).isNull();
		}
		return told;
	}

	private record Launched(long cycle, MimeMessage[] invitations, Map<String, List<String>> paper) {
	}

	private Launched launch(CycleFixture.Org org, LocalDate today) throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		CycleService.Invited invited = this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.PULSE, org.instrument(), today, today.plusDays(10)));
		MimeMessage[] mails = Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> org.emails().containsValue(CycleLaunchTests.to(m)))
			.toArray(MimeMessage[]::new);
		Map<String, List<String>> paper = invited.paperByUnit()
			.entrySet()
			.stream()
			.collect(
					Collectors.toMap((entry) -> entry.getKey().startsWith("Enhet A") ? "A" : "B", Map.Entry::getValue));
		return new Launched(invited.cycle().id(), mails, paper);
	}

	/** A1..A4, A5 and A6 on paper, and B1 answer. */
	private Launched launchAndAnswer(CycleFixture.Org org, LocalDate today) throws Exception {
		Launched launched = launch(org, today);
		Map<String, String> codes = codes(launched.invitations);
		List<String> answering = new java.util.ArrayList<>();
		for (String person : List.of("A1", "A2", "A3", "A4", "B1")) {
			answering.add(codes.get(org.emails().get(person)));
		}
		answering.addAll(launched.paper.get("A"));
		for (String code : answering) {
			this.mvc.perform(post("/s/answer").param("code", code).param("item.w1", "3")).andExpect(status().isOk());
		}
		assertThat(count("survey_held_response", launched.cycle)).isEqualTo(7);
		return launched;
	}

	/** Codes by the address they were mailed to. */
	private static Map<String, String> codes(MimeMessage[] mails) {
		return Arrays.stream(mails).collect(Collectors.toMap(CycleLaunchTests::to, CycleLaunchTests::code));
	}

	private String account(CycleFixture.Org org, String role) {
		return account(org, role, null, null);
	}

	/**
	 * An account of the organisation with the role, linked to the staff member (its work
	 * address; null: none) and covering the unit (null: none).
	 */
	private String account(CycleFixture.Org org, String role, String staff, Long unit) {
		String username = "end-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + org.code();
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, staff_id)
				values (:org, :username, :name, :hash, array[:role],
					(select id from staff where organisation_id = :org and employee_number = :staff))
				returning id
				""")
			.param("org", org.id())
			.param("username", username)
			.param("name", "Admin " + username)
			.param("hash", this.passwords.encode("not-used-here"))
			.param("role", role)
			.param("staff", staff)
			.query(Long.class)
			.single();
		if (unit != null) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", org.id())
				.param("id", id)
				.param("unit", unit)
				.update();
		}
		return username;
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
		return request.with(user(this.accounts.loadUserByUsername(username))).with(csrf());
	}

	private String statusOf(long cycle) {
		return this.jdbc.sql("select status from survey_cycle where id = :id")
			.param("id", cycle)
			.query(String.class)
			.single();
	}

	private String ended(long cycle) {
		return this.jdbc.sql("select action || ' ' || ended_by from survey_cycle_end where cycle_id = :id")
			.param("id", cycle)
			.query(String.class)
			.single();
	}

	private long count(String table, long cycle) {
		return this.jdbc.sql("select count(*) from " + table + " where cycle_id = :id")
			.param("id", cycle)
			.query(Long.class)
			.single();
	}

}
