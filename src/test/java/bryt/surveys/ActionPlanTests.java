package bryt.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Action plans (issue 13, item 6) on the demo municipality's real accounts: the manager
 * covers BOF-UTR (and its teams), the union representative BOF (everything of children
 * and families), the committee reads everything.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionPlanTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private ActionPlans plans;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ActionPlanRepository repository;

	@Autowired
	private java.time.Clock clock;

	private Organisation demo;

	private long cycle;

	private Map<String, Long> units;

	@BeforeAll
	void cycle() {
		this.demo = this.organisations.findByCode("exempelby").orElseThrow();
		this.units = new LinkedHashMap<>();
		for (Unit unit : this.organisations.units(this.demo.id())) {
			this.units.put(unit.code(), unit.id());
		}
		long instrument = this.jdbc.sql("""
				insert into survey_instrument (organisation_id, key, name, locales, read_only)
				values (:org, 'action-plan-test', '{"en": "Test"}', '{en}', false) returning id
				""").param("org", this.demo.id()).query(Long.class).single();
		this.cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-02-02', date '2026-02-27', 'closed') returning id
				""").param("org", this.demo.id()).param("instrument", instrument).query(Long.class).single();
	}

	@Test
	void aManagerPlansForTheirOwnUnitsAndTheCommitteeReads() throws Exception {
		long team = this.units.get("BOF-UTR-1");
		this.mvc
			.perform(as("manager", post("/surveys/actions")).param("cycle", String.valueOf(this.cycle))
				.param("unit", String.valueOf(team))
				.param("title", "Fewer new cases per worker in spring")
				.param("owner", "Unit manager")
				.param("dueOn", "2027-04-30"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/surveys/actions"));
		String committee = page("committee");
		assertThat(committee).contains("Fewer new cases per worker in spring", "Unit manager", "2027-04-30", "Planned");
		// the committee reads: no status form, no comment form
		assertThat(committee).doesNotContain("Save the status", "Save the comment", "Add an action");

		// BOF-PLA is children and families' too, but not the manager's: refused by the
		// unit field
		String refused = this.mvc
			.perform(as("manager", post("/surveys/actions")).param("cycle", String.valueOf(this.cycle))
				.param("unit", String.valueOf(this.units.get("BOF-PLA")))
				.param("title", "Not mine")
				.param("owner", "Someone")
				.param("dueOn", "2027-04-30"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Error:", "Choose one of your units from the list.");
		assertThat(this.plans.all(this.demo.id())).extracting(SurveyAction::title).doesNotContain("Not mine");

		this.mvc.perform(as("staff", get("/surveys/actions"))).andExpect(status().isForbidden());
	}

	@Test
	void bothSidesCommentAndOnlyTheEmployerSideChangesTheStatus() throws Exception {
		long id = this.plans.add(this.demo.id(), new ActionPlans.NewAction(this.cycle, this.units.get("BOF-UTR"), null,
				"Supervision every second week", "Unit manager", LocalDate.of(2027, 3, 31)), "test");
		this.mvc.perform(as("union", post("/surveys/actions/" + id + "/comments")).param("text", "Start in March."))
			.andExpect(redirectedUrl("/surveys/actions#action-" + id));
		this.mvc.perform(as("manager", post("/surveys/actions/" + id + "/comments")).param("text", "Agreed."))
			.andExpect(redirectedUrl("/surveys/actions#action-" + id));
		SurveyAction action = this.plans.all(this.demo.id())
			.stream()
			.filter((a) -> a.id() == id)
			.findFirst()
			.orElseThrow();
		assertThat(action.comments()).extracting(SurveyAction.Comment::side, SurveyAction.Comment::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(SurveyAction.Side.EMPLOYEE, "Start in March."),
					org.assertj.core.groups.Tuple.tuple(SurveyAction.Side.EMPLOYER, "Agreed."));
		assertThat(page("hr")).contains("Safety representative", "Start in March.", "Employer", "Agreed.");

		this.mvc.perform(as("union", post("/surveys/actions/" + id + "/status")).param("status", "DONE"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as("manager", post("/surveys/actions/" + id + "/status")).param("status", "perhaps"))
			.andExpect(redirectedUrl("/surveys/actions#action-" + id));
		assertThat(statusOf(id)).isEqualTo(ActionStatus.PLANNED);
		this.mvc.perform(as("manager", post("/surveys/actions/" + id + "/status")).param("status", "IN_PROGRESS"))
			.andExpect(redirectedUrl("/surveys/actions#action-" + id));
		assertThat(statusOf(id)).isEqualTo(ActionStatus.IN_PROGRESS);

		// an action id that is not the organisation's, or not in a unit the account sees
		this.mvc.perform(as("manager", post("/surveys/actions/999999999/status")).param("status", "DONE"))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesAPersonalIdentityNumberAndABadDateWithoutStoringThem() throws Exception {
		String page = this.mvc
			.perform(as("hr", post("/surveys/actions")).locale(Locale.forLanguageTag("sv"))
				.param("cycle", String.valueOf(this.cycle))
				.param("unit", String.valueOf(this.units.get("BOF-UTR")))
				.param("title", "Samtal med 19811218-9876")
				.param("owner", "Enhetschef")
				.param("dueOn", "31/4/2027"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Fel:", "Ange datumet då åtgärden ska vara klar").doesNotContain("19811218");
		assertThat(this.plans.all(this.demo.id())).extracting(SurveyAction::owner).doesNotContain("Enhetschef");
	}

	@Test
	void proposesAnActionForEveryWeakAreaDueThirtyDaysAfterTheReleaseOnce() {
		long unit = this.units.get("BOF-PLA");
		Map<String, String> weak = new LinkedHashMap<>();
		weak.put("workload", "Arbetsbelastning");
		weak.put("recovery", "Återhämtning");
		LocalDate released = LocalDate.of(2026, 3, 2);
		assertThat(
				this.plans.proposeForWeakAreas(this.demo.id(), this.cycle, unit, weak, "Enhetschef", released, "test"))
			.isEqualTo(2);
		// again, with one more weak area: only that one is added
		weak.put("leadership", "Ledarskap");
		assertThat(
				this.plans.proposeForWeakAreas(this.demo.id(), this.cycle, unit, weak, "Enhetschef", released, "test"))
			.isEqualTo(1);
		List<SurveyAction> proposed = this.plans.all(this.demo.id())
			.stream()
			.filter((a) -> a.unitId() == unit && a.areaKey() != null)
			.toList();
		// 2 March + 30 days: 29 days to the end of March, so 1 April
		assertThat(proposed).extracting(SurveyAction::dueOn).containsOnly(LocalDate.of(2026, 4, 1));
		assertThat(proposed).extracting(SurveyAction::areaKey)
			.containsExactlyInAnyOrder("workload", "recovery", "leadership");

		// on 2 April all three are open and past due; one done, one dropped: one overdue
		this.plans.changeStatus(this.demo.id(), proposed.get(0).id(), ActionStatus.DONE);
		this.plans.changeStatus(this.demo.id(), proposed.get(1).id(), ActionStatus.DROPPED);
		ActionPlans.ActionPlanFigures figures = this.plans.figures(this.demo.id(), LocalDate.of(2026, 4, 2))
			.stream()
			.filter((f) -> f.unitId() == unit)
			.findFirst()
			.orElseThrow();
		assertThat(figures).isEqualTo(new ActionPlans.ActionPlanFigures(unit, 1, 0, 1, 1, 1));
		// on the due date itself nothing is overdue yet
		assertThat(this.plans.figures(this.demo.id(), LocalDate.of(2026, 4, 1))
			.stream()
			.filter((f) -> f.unitId() == unit)
			.findFirst()
			.orElseThrow()
			.overdue()).isZero();
	}

	/**
	 * P5, item 10: each action says which survey it answers and each comment when it was
	 * written (comments are by staff, not respondents); item 11: one action is found by
	 * id with its comments in order, and not in another organisation.
	 */
	@Test
	void eachActionShowsItsSurveyAndEachCommentItsDate() throws Exception {
		long id = this.plans.add(this.demo.id(), new ActionPlans.NewAction(this.cycle, this.units.get("BOF-UTR"), null,
				"Dated comments", "Unit manager", LocalDate.of(2027, 5, 31)), "test");
		long bare = this.plans.add(this.demo.id(), new ActionPlans.NewAction(this.cycle, this.units.get("BOF-UTR"),
				null, "No comments yet", "Unit manager", LocalDate.of(2027, 5, 31)), "test");
		Instant first = Instant.parse("2026-03-04T09:15:00Z");
		Instant second = Instant.parse("2026-03-05T14:40:00Z");
		this.jdbc.sql("""
				insert into survey_action_comment (action_id, side, author, written_at, text) values
				(:id, 'EMPLOYER', 'Manager (manager)', :second, 'Second said.'),
				(:id, 'EMPLOYEE', 'Rep (union)', :first, 'First said.')
				""")
			.param("id", id)
			.param("first", java.sql.Timestamp.from(first))
			.param("second", java.sql.Timestamp.from(second))
			.update();

		String page = page("committee");
		String card = page.substring(page.indexOf("id=\"action-" + id + "\""));
		int next = card.indexOf("class=\"govuk-summary-card\"");
		card = (next > 0) ? card.substring(0, next) : card;
		assertThat(card).contains("Survey", "Annual survey 2026-02-02 to 2026-02-27",
				">" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(first.atZone(this.clock.getZone())) + "<",
				">" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(second.atZone(this.clock.getZone()))
						+ "<");
		assertThat(card.indexOf("First said.")).isLessThan(card.indexOf("Second said."));

		assertThat(this.repository.find(this.demo.id(), id).orElseThrow().comments())
			.extracting(SurveyAction.Comment::text, SurveyAction.Comment::writtenAt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("First said.", first),
					org.assertj.core.groups.Tuple.tuple("Second said.", second));
		assertThat(this.repository.find(this.demo.id(), id).orElseThrow())
			.isEqualTo(this.plans.all(this.demo.id()).stream().filter((a) -> a.id() == id).findFirst().orElseThrow());
		assertThat(this.repository.find(this.demo.id(), bare).orElseThrow().comments()).isEmpty();
		assertThat(this.repository.find(this.demo.id(), bare).orElseThrow().title()).isEqualTo("No comments yet");
		assertThat(this.repository.find(this.demo.id() + 1_000_000, id)).isEmpty();
	}

	private ActionStatus statusOf(long id) {
		return this.plans.all(this.demo.id()).stream().filter((a) -> a.id() == id).findFirst().orElseThrow().status();
	}

	private String page(String username) throws Exception {
		return this.mvc.perform(as(username, get("/surveys/actions")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername(username))).with(csrf());
	}

}
