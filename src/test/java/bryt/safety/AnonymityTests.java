package bryt.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import bryt.BrytTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The outsider's findings 2, 4 and 8 (docs/safety/anonymity.md) without a mail server: an
 * incident's key goes only to accounts an administrator left unchanged for 30 days, the
 * anonymous form keeps no case reference nor first day of absence, and the reporter is
 * told where the report is rather than that anyone was told.
 */
@BrytTest
@ExtendWith(OutputCaptureExtension.class)
class AnonymityTests {

	private static final String MARKER = "KEYMARK-7731 threatened me at the door";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private SafetyMail mail;

	@Autowired
	private Clock clock;

	private ReportingWorld world;

	@BeforeEach
	void world() {
		this.world = new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"w3a-" + UUID.randomUUID().toString().substring(0, 8));
	}

	/**
	 * The attack: an administrator makes an HR account, which sets up its key pair; a
	 * real handler opens the incident. The new account gets no key and the page says why;
	 * a month later, still with the administrator's password, none either; 31 days after
	 * its holder set their own password it gets the key at the next opening.
	 */
	@Test
	void aFreshHandlerAccountGetsNoIncidentKeyUntilItsAccessStoodThirtyDays() throws Exception {
		ReportingWorld.Login hr = this.world.login("hr");
		hr.unlockKey();
		long evilId = this.world.freshAccount("evilhr", "HR", null);
		ReportingWorld.Login evil = this.world.login("evilhr");
		evil.unlockKey();
		long id = reportAnonymously(MARKER);

		String hrPage = hr.send(get("/safety/incidents/" + id)).getResponse().getContentAsString();
		assertThat(hrPage).contains(MARKER);
		assertThat(keyHolders(id)).doesNotContain(evilId).contains(this.world.accountId("hr"));
		assertThat(hrPage).contains("id=\"keys-waiting\"",
				"Account evilhr: receives no key while the account is disabled or not yet its holder&#39;s own: 30 days after its holder first logs in through the employer&#39;s identity provider, or sets a password of their own, it does");
		assertThat(evil.send(get("/safety/incidents/" + id)).getResponse().getContentAsString()).doesNotContain(MARKER);

		// 31 days after the administrator made it, with the administrator's password
		// still, the next opening shares nothing: whoever set that password could unlock
		// the key.
		this.jdbc.sql("update account set created_at = now() - interval '31 days' where id = :id")
			.param("id", evilId)
			.update();
		hr.send(get("/safety/incidents/" + id));
		assertThat(keyHolders(id)).doesNotContain(evilId);
		// 31 days after its holder set their own password, it does.
		this.jdbc.sql("update account set password_set_by_holder_at = now() - interval '31 days' where id = :id")
			.param("id", evilId)
			.update();
		hr.send(get("/safety/incidents/" + id));
		assertThat(keyHolders(id)).contains(evilId);
		assertThat(evil.send(get("/safety/incidents/" + id)).getResponse().getContentAsString()).contains(MARKER);
		assertThat(hr.send(get("/safety/incidents/" + id)).getResponse().getContentAsString())
			.doesNotContain("Account evilhr: receives");
	}

	/**
	 * An administrator's change of access (a new role, a password set) starts the wait
	 * again.
	 */
	@Test
	void aChangedAccessWaitsAgain() throws Exception {
		ReportingWorld.Login hr = this.world.login("hr");
		hr.unlockKey();
		long managerId = this.world.accountId("manager");
		this.world.login("manager").unlockKey();
		this.jdbc.sql("update account set access_changed_at = now() - interval '29 days' where id = :id")
			.param("id", managerId)
			.update();
		long id = reportAnonymously(MARKER, this.world.unitA);
		hr.send(get("/safety/incidents/" + id));
		assertThat(keyHolders(id)).doesNotContain(managerId);
	}

	/**
	 * The anonymous form shows neither field; sent anyway, both are left out and the days
	 * of absence are kept without a first day.
	 */
	@Test
	void theAnonymousFormKeepsNoCaseReferenceNorFirstDayOfAbsence() throws Exception {
		String page = this.mvc.perform(get("/safety/r/" + this.world.code))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"absenceDays\"")
			.doesNotContain("id=\"caseReference\"")
			.doesNotContain("id=\"absenceFrom\"");
		String logged = this.world.login("anna").send(get("/safety/report")).getResponse().getContentAsString();
		assertThat(logged).contains("id=\"caseReference\"", "id=\"absenceFrom\"");

		MvcResult sent = this.mvc
			.perform(form(once(), "Shouted at", this.world.unitB).param("caseReference", "REFMARK991")
				.param("absenceFrom", LocalDate.now(this.clock).toString())
				.param("absenceDays", "3")
				.param("injury", "PSYCHOLOGICAL"))
			.andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(200);
		assertThat(sent.getResponse().getContentAsString()).contains("id=\"receipt\"").doesNotContain("REFMARK991");
		Map<String, Object> row = this.jdbc
			.sql("select case_reference, absence_from, absence_days from safety_incident where organisation_id = :org")
			.param("org", this.world.org)
			.query()
			.singleRow();
		assertThat(row).containsEntry("case_reference", null)
			.containsEntry("absence_from", null)
			.containsEntry("absence_days", 3);
	}

	/**
	 * Without a mail server: a warning at start, and the reporter is told the report is
	 * in the handlers' lists, not that they were told.
	 */
	@Test
	void withoutMailTheReporterIsToldWhereTheReportIsAndTheStartWarns(CapturedOutput output) throws Exception {
		this.mail.warnWithoutMail();
		assertThat(output.getOut()).contains("No mail server (spring.mail.host): safety incidents are not mailed");

		ReportingWorld.Login anna = this.world.login("anna");
		MvcResult sent = anna.send(post("/safety/report").param("person", "self")
			.param("unit", String.valueOf(this.world.unitA))
			.param("occurredOn", LocalDate.now(this.clock).minusDays(1).toString())
			.param("partOfDay", "MORNING")
			.param("category", "THREAT")
			.param("channel", "PHONE")
			.param("source", "CLIENT")
			.param("severity", "2"));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/safety/mine");
		assertThat(sent.getFlashMap().get("mailed")).isEqualTo(false);
		String mine = anna.send(get("/safety/mine").flashAttrs(sent.getFlashMap())).getResponse().getContentAsString();
		assertThat(mine).contains("It is in the incidents list of your manager and safety representative in Bryt.")
			.doesNotContain("have been told");
	}

	private long reportAnonymously(String description) throws Exception {
		return reportAnonymously(description, this.world.unitB);
	}

	private long reportAnonymously(String description, long unit) throws Exception {
		java.util.List<Long> before = ids();
		MvcResult sent = this.mvc.perform(form(once(), description, unit)).andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(200);
		// the new one (an anonymous report's id is random since fix14: not the largest)
		java.util.List<Long> added = new java.util.ArrayList<>(ids());
		added.removeAll(before);
		assertThat(added).hasSize(1);
		return added.get(0);
	}

	private java.util.List<Long> ids() {
		return this.jdbc.sql("select id from safety_incident where organisation_id = :org")
			.param("org", this.world.org)
			.query(Long.class)
			.list();
	}

	private static String once() {
		return "AAAAAAAAAAAA" + UUID.randomUUID().toString().substring(0, 10);
	}

	private java.util.List<Long> keyHolders(long incident) {
		return this.jdbc.sql("select account_id from safety_incident_key where incident_id = :id")
			.param("id", incident)
			.query(Long.class)
			.list();
	}

	private MockHttpServletRequestBuilder form(String once, String description, long unit) {
		return post("/safety/r/" + this.world.code).param("once", once)
			.param("unit", String.valueOf(unit))
			.param("occurredOn", LocalDate.now(this.clock).minusDays(2).toString())
			.param("partOfDay", "AFTERNOON")
			.param("category", "THREAT")
			.param("channel", "IN_PERSON")
			.param("source", "CLIENT")
			.param("severity", "2")
			.param("description", description);
	}

}
