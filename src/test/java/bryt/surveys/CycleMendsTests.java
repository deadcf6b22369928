package bryt.surveys;

import java.time.LocalDate;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review's leftovers on launching (P5, items 2, 5 and 6), in the plain test context:
 * no mail server and neither {@code bryt.public-url} nor {@code bryt.surveys.answer-link}
 * set, as in a new installation.
 */
@BrytTest
class CycleMendsTests {

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private CycleService cycles;

	@Autowired
	private Instruments instruments;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	/** Item 2: the slips would point to localhost; HR is told, and which setting. */
	@Test
	void theSlipsPageWarnsWhenBrytsAddressIsNotSet() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();
		String page = this.mvc
			.perform(post("/surveys/cycles").param("program", "pulse")
				.param("instrument", String.valueOf(org.instrument()))
				.param("opensOn", today.toString())
				.param("closesOn", today.plusDays(6).toString())
				.with(user(TestAccounts.of(org.id(), Role.HR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"paper-codes\"", "id=\"answer-page-unset\"",
				"Bryt&#39;s public address is not set, so the slips and mails point to http://localhost:8080/s",
				"bryt.public-url");
	}

	/**
	 * The second review's L4: the cycles page named Bryt's own instruments in English on
	 * Swedish and Danish pages.
	 */
	@Test
	void theCyclesPageNamesTheInstrumentInThePagesLanguage() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		long pulse = this.instruments.brytOwn(Instruments.PULSE).orElseThrow();
		LocalDate today = ServerDay.today();
		this.cycles.launchAndInvite(org.id(), new CycleCommand(CycleProgram.PULSE, pulse, today, today.plusDays(6)));
		for (String[] language : new String[][] { { "sv", "Bryts pulsmätning" }, { "da", "Bryts pulsmåling" },
				{ "en", "Bryt&#39;s pulse survey" } }) {
			String page = this.mvc
				.perform(get("/surveys/cycles").header("Accept-Language", language[0])
					.with(user(TestAccounts.of(org.id(), Role.HR))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(language[0]).contains(language[1]);
		}
	}

	/** Item 5: nobody employed on the opening day: refused, no cycle made. */
	@Test
	void aLaunchThatWouldInviteNobodyIsRefusedAndMakesNoCycle() throws Exception {
		long org = this.jdbc
			.sql("insert into organisation (code, name, country) values ('p5-empty', 'Tomkommun', 'SE') returning id")
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into unit (organisation_id, code, name, level) values (:org, 'E', 'Tom enhet', 'UNIT')")
			.param("org", org)
			.update();
		long annual = this.instruments.brytOwn(Instruments.ANNUAL).orElseThrow();
		LocalDate today = ServerDay.today();

		assertThatThrownBy(() -> this.cycles.launchAndInvite(org,
				new CycleCommand(CycleProgram.ANNUAL, annual, today, today.plusDays(13))))
			.isInstanceOf(CycleRefusedException.class)
			.hasMessage("surveys.cycle.error.noStaff");
		String page = this.mvc
			.perform(post("/surveys/cycles").param("program", "annual")
				.param("instrument", String.valueOf(annual))
				.param("opensOn", today.toString())
				.param("closesOn", today.plusDays(13).toString())
				.with(user(TestAccounts.of(org, Role.HR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Nobody is employed on this opening day, so nobody would be invited");
		assertThat(cyclesOf(org)).isZero();
	}

	/** Item 6: an annual survey or a pulse cannot run Bryt's exit survey. */
	@Test
	void anAnnualSurveyOrAPulseOnTheExitInstrumentIsRefused() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		long exit = this.instruments.brytOwn(Instruments.EXIT).orElseThrow();
		LocalDate today = ServerDay.today();

		for (CycleProgram program : new CycleProgram[] { CycleProgram.ANNUAL, CycleProgram.PULSE }) {
			assertThatThrownBy(() -> this.cycles.launchAndInvite(org.id(),
					new CycleCommand(program, exit, today, today.plusDays(13))))
				.isInstanceOf(CycleRefusedException.class)
				.hasMessage("surveys.cycle.error.instrumentForExit");
		}
		String page = this.mvc
			.perform(post("/surveys/cycles").param("program", "annual")
				.param("instrument", String.valueOf(exit))
				.param("opensOn", today.toString())
				.param("closesOn", today.plusDays(13).toString())
				.with(user(TestAccounts.of(org.id(), Role.HR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("These questions are the exit survey&#39;s (they ask why someone left)");
		assertThat(cyclesOf(org.id())).isZero();
		// Bryt's annual questions still launch for the same staff.
		long annual = this.instruments.brytOwn(Instruments.ANNUAL).orElseThrow();
		assertThat(this.cycles
			.launchAndInvite(org.id(), new CycleCommand(CycleProgram.ANNUAL, annual, today, today.plusDays(13)))
			.invited()).isEqualTo(9);
	}

	/**
	 * Item 9: union and committee see which surveys are under way and when their results
	 * come, with no participation before the close; HR has the cycles page.
	 */
	@Test
	void unionAndCommitteeSeeTheRunningSurveysDatesAndNoRunningFigures() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();
		long empty = this.jdbc
			.sql("insert into organisation (code, name, country) values ('p5-none', 'Ingenkommun', 'SE') returning id")
			.query(Long.class)
			.single();
		String none = this.mvc.perform(get("/surveys").with(user(TestAccounts.of(empty, Role.COMMITTEE_MEMBER))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).contains("id=\"running-surveys\"", "No annual survey or pulse is under way.");
		this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.PULSE, org.instrument(), today, today.plusDays(6)));

		for (Role role : new Role[] { Role.UNION_REPRESENTATIVE, Role.COMMITTEE_MEMBER }) {
			String page = this.mvc.perform(get("/surveys").with(user(TestAccounts.of(org.id(), role))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(role.name())
				.contains("Surveys under way",
						"Pulse: open from " + today + " to " + today.plusDays(6) + "; results from " + today.plusDays(7)
								+ ".")
				.doesNotContain("href=\"/surveys/cycles\"")
				.doesNotContain("9 invited")
				.doesNotContain("No annual survey or pulse is under way.");
		}
		String hr = this.mvc.perform(get("/surveys").with(user(TestAccounts.of(org.id(), Role.HR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hr).contains("href=\"/surveys/cycles\"").doesNotContain("running-surveys");
	}

	private long cyclesOf(long organisationId) {
		return this.jdbc.sql("select count(*) from survey_cycle where organisation_id = :org")
			.param("org", organisationId)
			.query(Long.class)
			.single();
	}

}
