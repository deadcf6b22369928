package bryt.surveys;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.Superuser;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo municipality's surveys ({@link DemoSurveys}), as created when the test context
 * started: two closed annual surveys a year apart, a closed pulse, exit surveys of the
 * past 12 months with figures, the second annual survey with a hidden unit, actions
 * proposed for weak areas of shown units only, and no response that leads to a person.
 */
@BrytTest
class DemoSurveysTests {

	@Autowired
	private Organisations organisations;

	@Autowired
	private CycleService cycles;

	@Autowired
	private ResultsPage results;

	@Autowired
	private Results figures;

	@Autowired
	private ActionPlans actions;

	@Autowired
	private Instruments instruments;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EmbeddedDatabase database;

	@Autowired
	private DatabaseProperties properties;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void theAnnualSurveysAndThePulseAreClosedWithFiguresSomeHiddenAndATrend() throws Exception {
		long demo = demo().id();
		List<Cycle> annual = demoCycles(demo, CycleProgram.ANNUAL);
		assertThat(annual).hasSize(2).allMatch((cycle) -> "closed".equals(cycle.status()));
		assertThat(ChronoUnit.DAYS.between(annual.get(0).opensOn(), annual.get(1).opensOn())).isEqualTo(365);
		assertThat(demoCycles(demo, CycleProgram.PULSE)).hasSize(1)
			.allMatch((cycle) -> "closed".equals(cycle.status()));

		ResultsPage.Figures first = this.results.figures(demo, annual.get(0).id()).orElseThrow();
		ResultsPage.Figures second = this.results.figures(demo, annual.get(1).id()).orElseThrow();
		assertThat(first.closed()).isTrue();
		// figures shown for most units, and in the second survey Socialpsykiatri (three
		// answered) is hidden as below the minimum
		long vuxSp = unit(demo, "VUX-SP").id();
		assertThat(second.figures().unit(vuxSp).orElseThrow().respondents()).isEqualTo(3);
		assertThat(second.decision(vuxSp).hiddenBecause()).contains(AnonymityReason.BELOW_MINIMUM);
		assertThat(first.figures().unit(vuxSp).orElseThrow().respondents()).isGreaterThan(3);
		assertThat(second.figures().units().stream().filter((unit) -> second.decision(unit.unitId()).shown()))
			.hasSizeGreaterThan(5);

		// the trend: workload worse in the second survey, leadership better, for the
		// whole of Barn och familj (shown in both)
		long bof = unit(demo, "BOF").id();
		assertThat(first.decision(bof).shown()).isTrue();
		assertThat(second.decision(bof).shown()).isTrue();
		assertThat(index(second, bof, "workload")).isLessThan(index(first, bof, "workload"));
		assertThat(index(second, bof, "leadership")).isGreaterThan(index(first, bof, "leadership"));

		// on the page the committee sees figures and the hidden unit with its reason
		String page = this.mvc
			.perform(get("/surveys/results/" + annual.get(1).id())
				.with(user(this.accounts.loadUserByUsername("committee")))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Hidden: too few answered to keep everyone anonymous.", "bryt-heat-low");
	}

	@Test
	void weakAreasOfShownUnitsHaveActionsDueThirtyDaysAfterTheRelease() {
		long demo = demo().id();
		List<Long> surveys = java.util.stream.Stream
			.concat(demoCycles(demo, CycleProgram.ANNUAL).stream(), demoCycles(demo, CycleProgram.PULSE).stream())
			.map(Cycle::id)
			.toList();
		List<SurveyAction> proposed = this.actions.all(demo)
			.stream()
			.filter((action) -> surveys.contains(action.cycleId()))
			.toList();
		assertThat(proposed).allMatch((action) -> ActionPlans.PROPOSED_BY.equals(action.createdBy()));
		assertThat(proposed).isNotEmpty();
		assertThat(proposed).extracting(SurveyAction::areaKey).contains("workload");
		for (SurveyAction action : proposed) {
			ResultsPage.Figures figures = this.results.figures(demo, action.cycleId()).orElseThrow();
			// released the day after closing
			assertThat(action.dueOn()).isEqualTo(figures.cycle().closesOn().plusDays(1 + ActionPlans.DAYS_TO_ACT));
			assertThat(figures.decision(action.unitId()).shown()).isTrue();
			assertThat(index(figures, action.unitId(), action.areaKey())).isLessThan(ActionPlans.WEAK_BELOW);
		}
		// the hidden unit got none
		long vuxSp = unit(demo, "VUX-SP").id();
		assertThat(proposed).noneMatch((action) -> action.unitId() == vuxSp
				&& !this.results.figures(demo, action.cycleId()).orElseThrow().decision(vuxSp).shown());
	}

	@Test
	void theExitSurveysOfThePastYearHaveFiguresInBothStages() {
		long demo = demo().id();
		YearMonth last = ServerDay.thisMonth().minusMonths(1);
		for (String stage : List.of("exit_first", "exit_second")) {
			List<ResultFigures> windows = this.figures.exitWindows(demo, stage, last, last, ResultBreakdown.NONE);
			assertThat(windows).as(stage).hasSize(1);
			int respondents = windows.getFirst()
				.units()
				.stream()
				.filter((unit) -> unit.parentUnitId() == null)
				.mapToInt(ResultUnit::respondents)
				.sum();
			// with about a dozen leavers a year, the second stage's pooled figures stay
			// below the minimum in most units: hidden, as they should be
			assertThat(respondents).as(stage)
				.isGreaterThanOrEqualTo("exit_first".equals(stage) ? Minimums.DEFAULT.exits() : 1);
		}
	}

	@Test
	void noResponseLeadsToAPerson() {
		JdbcClient superuser = JdbcClient.create(Superuser.of(this.database, this.properties));
		List<String> ids = this.jdbc.sql("""
				select r.id::text from survey_response r join survey_cycle c on c.id = r.cycle_id
				where c.organisation_id = :org
				""").param("org", demo().id()).query(String.class).list();
		assertThat(ids).hasSizeGreaterThan(100);
		// A response's id is in its own row and its answers' rows, nowhere else: no
		// table joins it to an invitation, a recipient, a staff member or an account.
		String elsewhere = String.join("\n",
				AnswerSchemaTests.dump(superuser, "%", "survey_response", "survey_answer"));
		for (String id : ids) {
			assertThat(elsewhere).doesNotContain(id);
		}
		// Every held answer was released or is still held in an open cycle.
		assertThat(this.jdbc.sql("""
				select count(*) from survey_held_response h join survey_cycle c on c.id = h.cycle_id
				where c.status <> 'open'
				""").query(Integer.class).single()).isZero();
		// The made-up addresses the demo's leavers were "mailed" at are stored nowhere
		// in the clear.
		assertThat(String.join("\n", AnswerSchemaTests.dump(superuser, "%"))).doesNotContain("@exempelby.invalid");
	}

	/**
	 * The demo's cycles of a program, oldest first: on Bryt's own instrument and opened
	 * before today (other tests add cycles to the demo municipality, on their own
	 * instruments or from today on).
	 */
	private List<Cycle> demoCycles(long demo, CycleProgram program) {
		long instrument = this.instruments
			.brytOwn(program == CycleProgram.ANNUAL ? Instruments.ANNUAL : Instruments.PULSE)
			.orElseThrow();
		return this.cycles.cycles(demo)
			.stream()
			.filter((cycle) -> cycle.program() == program && cycle.instrumentId() == instrument
					&& cycle.opensOn().isBefore(ServerDay.today()))
			.sorted(java.util.Comparator.comparing(Cycle::opensOn))
			.toList();
	}

	private static int index(ResultsPage.Figures figures, long unitId, String area) {
		return figures.figures().unit(unitId).orElseThrow().areaIndices().get(area).rounded();
	}

	private Organisation demo() {
		return this.organisations.findByCode("exempelby").orElseThrow();
	}

	private Unit unit(long demo, String code) {
		return this.organisations.units(demo).stream().filter((u) -> u.code().equals(code)).findFirst().orElseThrow();
	}

}
