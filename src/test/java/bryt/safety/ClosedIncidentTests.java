package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A closed incident is read-only (W2-trust item 2, {@link ClosedIncidents}): every form
 * posting to it changes nothing and goes back to the page with a message, and the page
 * shows no forms.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedIncidentTests {

	private static final ZoneId STOCKHOLM = ServerDay.ZONE;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Handling handling;

	private HandlingIncidents rows;

	private Organisation demo;

	private long team;

	@BeforeAll
	void demo() {
		this.rows = new HandlingIncidents(this.jdbc);
		this.demo = this.organisations.findByCode("exempelby").orElseThrow();
		this.team = this.rows.unitId(this.demo.id(), "BOF-UTR-1");
		this.rows.account(this.demo.id(), "w2-other-manager", EnumSet.of(Role.MANAGER),
				this.rows.unitId(this.demo.id(), "BOF-PLA"));
	}

	@Test
	void everyFormPostingToAClosedIncidentIsRefusedWithAMessageAndChangesNothing() throws Exception {
		long id = this.rows.incident(this.demo.id(), this.team, Instant.now());
		this.mvc
			.perform(as("manager",
					post(path(id, "actions")).param("title", "Alarm")
						.param("owner", "Unit manager")
						.param("dueOn", today().plusDays(14).toString())
						.param("side", "MANAGER")))
			.andExpect(flash().attribute("handlingSaved", "investigation"));
		long action = this.jdbc.sql("select id from safety_action where incident_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		close(id);
		String before = snapshot(id);
		String day = today().toString();
		List<AbstractMockHttpServletRequestBuilder<?>> posts = List.of(
				post(path(id, "duty")).param("severalStaff", "true").param("notifiedOn", day),
				post(path(id, "support")).param("offered-FIRST_CONTACT", day),
				post(path(id, "police")).param("decision", "EMPLOYER").param("reportedOn", day),
				post(path(id, "measures")).param("requested-ALARM_OR_GUARD", day),
				post(path(id, "investigation")).param("causes", "Alone at the reception"),
				post(path(id, "actions")).param("title", "Another").param("owner", "HR").param("dueOn", day),
				post(path(id, "actions/done")).param("action", String.valueOf(action)).param("doneOn-" + action, day),
				post(path(id, "actions/waive")).param("action", String.valueOf(action)).param("side", "MANAGER"),
				post(path(id, "close")), post(path(id, "acknowledge")),
				multipart(path(id, "evidence")).param("links", "https://example.org/exposed"));
		for (AbstractMockHttpServletRequestBuilder<?> request : posts) {
			this.mvc.perform(as("manager", request))
				.andExpect(redirectedUrl("/safety/incidents/" + id))
				.andExpect(flash().attribute(ClosedIncidents.REFUSED, true));
			assertThat(snapshot(id)).as(request.toString()).isEqualTo(before);
		}
	}

	/**
	 * fix14: the closed check is in the statement that takes the incident's row, not only
	 * in the controller's look before it. A change that reaches the service after a close
	 * (as when the close commits between the look and the change) is refused and changes
	 * nothing.
	 */
	@Test
	void aChangeReachingTheServiceAfterTheCloseIsRefusedAndChangesNothing() throws Exception {
		long id = this.rows.incident(this.demo.id(), this.team, Instant.now());
		this.mvc
			.perform(as("manager",
					post(path(id, "actions")).param("title", "Alarm")
						.param("owner", "Unit manager")
						.param("dueOn", today().plusDays(14).toString())
						.param("side", "MANAGER")))
			.andExpect(flash().attribute("handlingSaved", "investigation"));
		long action = this.jdbc.sql("select id from safety_action where incident_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		close(id);
		String before = snapshot(id);
		long organisation = this.demo.id();
		java.util.Set<InvestigationAction.Side> both = java.util.EnumSet.allOf(InvestigationAction.Side.class);
		List<Runnable> changes = List.of(
				() -> this.handling.saveInvestigation(organisation, id, "Alone at the reception", today()),
				() -> this.handling.addAction(organisation, id, "Another", "HR", today(),
						InvestigationAction.Side.MANAGER),
				() -> this.handling.actionDone(organisation, id, action, today(), both, 1),
				() -> this.handling.waive(organisation, id, action, InvestigationAction.Side.MANAGER, 1),
				() -> this.handling.savePolice(organisation, id, PoliceDecision.EMPLOYER, today(), null, true),
				() -> this.handling.saveDuty(organisation, id,
						new SafetyClocks.Checklist(true, false, false, false, false, false), today(), null, null),
				() -> this.handling.saveMeasures(organisation, id,
						List.of(new HandlingRepository.MeasureRecord(MeasureKind.ALARM_OR_GUARD, today(), null))),
				() -> this.handling.saveSupport(organisation, id, java.util.Map.of()));
		for (Runnable change : changes) {
			org.assertj.core.api.Assertions.assertThatThrownBy(change::run).isInstanceOf(ClosedIncidents.Refused.class);
			assertThat(snapshot(id)).isEqualTo(before);
		}
	}

	@Test
	void aClosedIncidentStillAnswersThoseWhoDoNotHandleItAsBefore() throws Exception {
		long id = this.rows.incident(this.demo.id(), this.team, Instant.now());
		close(id);
		this.mvc.perform(as("staff", post(path(id, "duty")))).andExpect(status().isForbidden());
		this.mvc.perform(as("w2-other-manager", post(path(id, "duty")))).andExpect(status().isNotFound());
	}

	@Test
	void theClosedIncidentsPageShowsNoFormsAndSaysWhy() throws Exception {
		long id = this.rows.incident(this.demo.id(), this.team, Instant.now());
		String open = page(id);
		assertThat(open.substring(open.indexOf("<main"), open.indexOf("</main>"))).contains("<form", "type=\"submit\"");
		for (String form : List.of("duty", "support", "police", "measures", "investigation", "actions", "close",
				"acknowledge")) {
			assertThat(open).as(form).contains("action=\"" + path(id, form) + "\"");
		}
		assertThat(open).doesNotContain("This incident is closed");
		close(id);
		String closed = page(id);
		String main = closed.substring(closed.indexOf("<main"), closed.indexOf("</main>"));
		assertThat(main).contains("This incident is closed. You can read its record but not change it.")
			.doesNotContain("<form")
			.doesNotContain("type=\"submit\"");
		// the values stay to be read
		assertThat(closed).contains("bryt-closed-fields");
	}

	private void close(long id) {
		this.jdbc.sql("update safety_incident set status = 'CLOSED', closed_on = :today where id = :id")
			.param("today", today())
			.param("id", id)
			.update();
	}

	/** Everything the forms could change of the incident, as one text. */
	private String snapshot(long id) {
		return String.join("|",
				this.jdbc
					.sql("""
							select row_to_json(i)::text from safety_incident i where id = :id
							union all select coalesce(json_agg(s order by s.step)::text, '') from safety_support s where incident_id = :id
							union all select coalesce(json_agg(m order by m.kind)::text, '') from safety_measure m where incident_id = :id
							union all select coalesce(json_agg(a order by a.id)::text, '') from safety_action a where incident_id = :id
							union all select count(*)::text from safety_evidence where incident_id = :id
							""")
					.param("id", id)
					.query(String.class)
					.list());
	}

	private String page(long id) throws Exception {
		return this.mvc.perform(as("manager", get("/safety/incidents/" + id)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static LocalDate today() {
		return LocalDate.now(STOCKHOLM);
	}

	private static String path(long id, String form) {
		return "/safety/incidents/" + id + "/" + form;
	}

	private RequestBuilder as(String username, AbstractMockHttpServletRequestBuilder<?> request) {
		return request.with(user(this.accounts.loadUserByUsername(username))).with(csrf());
	}

}
