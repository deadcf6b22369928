package bryt.safety;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import bryt.BrytTest;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.voice.Sealing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Reporting an incident on the real database (issue 14, items 1, 2, 9): every field
 * stored, for oneself and on behalf of a colleague, the field errors, the identity-number
 * guard on every field, and the description and evidence sealed for the handlers.
 */
@BrytTest
@RecordApplicationEvents
class ReportingTests {

	/** A valid Swedish personal identity number (Skatteverket's test number). */
	private static final String IDENTITY_NUMBER = "19121212-1212";

	@Autowired
	private Incidents incidents;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private Clock clock;

	private ReportingWorld world;

	@BeforeEach
	void world() {
		this.world = new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"s1-" + UUID.randomUUID().toString().substring(0, 8));
	}

	@Test
	void everyFieldIsStoredForOneselfAndTheEventFollows() {
		ReportingWorld.Login anna = this.world.login("anna");
		Incidents.Reported reported = report(anna, full());
		assertThat(reported.errors()).isEmpty();
		Map<String, Object> row = this.jdbc.sql("select * from safety_incident where id = :id")
			.param("id", reported.incidentId())
			.query()
			.singleRow();
		assertThat(row).containsEntry("organisation_id", this.world.org)
			.containsEntry("unit_id", this.world.unitA)
			.containsEntry("reported_by", this.world.accountId("anna"))
			.containsEntry("affected_staff_id", this.world.anna)
			.containsEntry("on_behalf", false)
			.containsEntry("part_of_day", "EVENING")
			.containsEntry("category", "ONLINE_EXPOSURE")
			.containsEntry("channel", "SOCIAL_MEDIA")
			.containsEntry("source", "RELATIVE")
			.containsEntry("family_targeted", true)
			.containsEntry("case_kind", "LVU")
			.containsEntry("case_two_handlers", false)
			.containsEntry("severity", 3)
			.containsEntry("injury", "PSYCHOLOGICAL")
			.containsEntry("absence_days", 4)
			.containsEntry("case_reference", "U-2026-17")
			.containsEntry("weapon", false)
			.containsEntry("death_threat", true)
			.containsEntry("injury_needing_care", false)
			.containsEntry("several_staff", false)
			.containsEntry("threat_to_family_or_home", true)
			.containsEntry("death", false)
			.containsEntry("status", "NEW")
			.containsEntry("receipt_selector", null);
		assertThat(row.get("occurred_on").toString()).isEqualTo(LocalDate.now(this.clock).minusDays(1).toString());
		assertThat(row.get("absence_from").toString()).isEqualTo(LocalDate.now(this.clock).toString());
		// The description is stored, but only sealed.
		assertThat(new String((byte[]) row.get("content"), StandardCharsets.ISO_8859_1)).isNotEmpty()
			.doesNotContain("posted my address");
		assertThat(this.events.stream(IncidentReported.class))
			.contains(new IncidentReported(this.world.org, reported.incidentId()));
	}

	@Test
	void aColleagueOrAManagerReportsOnBehalfNamedOrNot() {
		Map<String, String> form = full();
		form.put("person", "other");
		form.put("colleague", String.valueOf(this.world.bo));
		Incidents.Reported named = report(this.world.login("anna"), form);
		assertThat(named.errors()).isEmpty();
		assertThat(row(named.incidentId(), "affected_staff_id")).isEqualTo(this.world.bo);
		assertThat(row(named.incidentId(), "on_behalf")).isEqualTo(true);

		form.put("colleague", "");
		form.put("unit", String.valueOf(this.world.unitA));
		Incidents.Reported notNamed = report(this.world.login("manager"), form);
		assertThat(notNamed.errors()).isEmpty();
		assertThat(row(notNamed.incidentId(), "affected_staff_id")).isNull();
		assertThat(row(notNamed.incidentId(), "on_behalf")).isEqualTo(true);
		assertThat(row(notNamed.incidentId(), "reported_by")).isEqualTo(this.world.accountId("manager"));

		// Cilla works in unit B: neither Anna's colleague nor in the manager's unit.
		form.put("colleague", String.valueOf(this.world.cilla));
		assertThat(report(this.world.login("manager"), form).errors()).containsOnlyKeys("colleague");
		assertThat(report(this.world.login("anna"), form).errors()).containsOnlyKeys("colleague");
		// The safety representative covers the department: Cilla is among its staff.
		assertThat(report(this.world.login("safety"), form).errors()).isEmpty();
	}

	@Test
	void missingOutOfRangeAndFutureValuesAreFieldErrorsAndNothingIsStored() {
		long before = count();
		ReportingWorld.Login anna = this.world.login("anna");
		Map<String, String> empty = new HashMap<>();
		assertThat(report(anna, empty).errors()).containsOnlyKeys("person", "unit", "occurredOn", "partOfDay",
				"category", "channel", "source", "severity");

		Map<String, String> form = full();
		form.put("severity", "5");
		form.put("occurredOn", LocalDate.now(this.clock).plusDays(1).toString());
		form.put("absenceDays", "-1");
		form.put("absenceFrom", "");
		form.put("caseTwoHandlers", "");
		form.put("unit", String.valueOf(this.world.unitB));
		form.put("category", "SOMETHING");
		form.put("links", "javascript:alert(1)");
		form.put("caseReference", "x".repeat(41));
		Incidents.Reported refused = report(anna, form);
		assertThat(refused.errors()).containsEntry("severity", "safety.error.severity")
			.containsEntry("occurredOn", "safety.error.occurredOn.future")
			.containsEntry("absenceDays", "safety.error.absenceDays")
			.containsEntry("caseTwoHandlers", "safety.error.caseTwoHandlers")
			.containsEntry("unit", "safety.error.unit")
			.containsEntry("category", "safety.error.category")
			.containsEntry("links", "safety.error.links")
			.containsEntry("caseReference", "safety.error.caseReference")
			.hasSize(8);

		form = full();
		form.put("absenceFrom", LocalDate.now(this.clock).minusDays(2).toString());
		assertThat(report(anna, form).errors())
			.containsExactly(Map.entry("absenceFrom", "safety.error.absenceFrom.before"));
		form.put("absenceFrom", "");
		assertThat(report(anna, form).errors())
			.containsExactly(Map.entry("absenceFrom", "safety.error.absenceFrom.missing"));
		form = full();
		form.put("occurredOn", "30.11.2026");
		assertThat(report(anna, form).errors()).containsExactly(Map.entry("occurredOn", "safety.error.occurredOn"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anIdentityNumberInAnyFieldIsRefusedNotEchoedAndNotStored() {
		long before = count();
		ReportingWorld.Login anna = this.world.login("anna");
		for (String field : IncidentForm.FIELDS) {
			Map<String, String> form = full();
			form.put(field, "see " + IDENTITY_NUMBER);
			Incidents.Reported refused = report(anna, form);
			assertThat(refused.errors()).as(field).containsEntry(field, IncidentValidator.IDENTITY_NUMBER);
			assertThat(refused.values()).as(field).doesNotContainKey(field);
			assertThat(refused.values().values()).as(field).noneMatch((value) -> value.contains("1212-1212"));
		}
		// The anonymous form runs the same guard.
		Incidents.Reported anonymous = this.incidents.reportAnonymously(
				this.organisations.find(this.world.org).orElseThrow(),
				new IncidentForm(
						Map.of("caseReference", IDENTITY_NUMBER, "description", "Called me, " + IDENTITY_NUMBER)),
				List.of(), Map.of(), Sealing.newFormId());
		assertThat(anonymous.errors()).containsEntry("caseReference", IncidentValidator.IDENTITY_NUMBER)
			.containsEntry("description", IncidentValidator.IDENTITY_NUMBER);
		// A file's name too.
		Incidents.Reported file = this.incidents.report(anna.account,
				this.incidents.choices(anna.account, visibility(anna)), new IncidentForm(full()),
				List.of(new Sealing.CleanFile(IDENTITY_NUMBER + ".txt", "text/plain", new byte[] { 1 }, "AS_IS", "")),
				Map.of());
		assertThat(file.errors()).containsEntry("files", IncidentValidator.IDENTITY_NUMBER);
		assertThat(count()).isEqualTo(before);
		// This organisation's incidents: other tests' and the demo's are sealed too, and
		// their random ciphertext (as hex) may hold "1212" anywhere.
		assertThat(this.jdbc.sql(
				"select count(*) from safety_incident t where t.organisation_id = :org and cast(t as text) like '%1212%'")
			.param("org", this.world.org)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aHandlerWithAKeyReadsTheDescriptionAndEvidenceAndTheDatabaseHoldsNoPlaintext() throws Exception {
		String marker = "MARKER-" + UUID.randomUUID();
		ReportingWorld.Login hr = this.world.login("hr");
		hr.unlockKey();
		Map<String, String> form = full();
		form.put("description", marker + " posted my address");
		form.put("links", "https://example.org/" + marker);
		ReportingWorld.Login anna = this.world.login("anna");
		MvcResult sent = anna.send(multipart("/safety/report")
			.file(new MockMultipartFile("files", "shot.txt", "text/plain", (marker + " file").getBytes()))
			.params(params(form)));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/safety/mine");
		long id = latest();

		String page = hr.send(get("/safety/incidents/" + id)).getResponse().getContentAsString();
		assertThat(page).contains(marker + " posted my address", "https://example.org/" + marker, "shot.txt");
		long evidence = this.jdbc.sql("select min(id) from safety_evidence where incident_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		MvcResult download = hr.send(get("/safety/incidents/" + id + "/evidence/" + evidence));
		assertThat(download.getResponse().getContentAsString()).isEqualTo(marker + " file");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");

		for (String table : List.of("safety_incident", "safety_evidence", "safety_incident_key")) {
			assertThat(this.jdbc.sql("select coalesce(string_agg(cast(t as text), ' '), '') from " + table + " t")
				.query(String.class)
				.single()).as(table).doesNotContain(marker);
			assertThat(this.jdbc
				.sql("select count(*) from " + table + " t where position(convert_to(:marker, 'UTF8') in "
						+ (table.equals("safety_incident") ? "t.content"
								: table.equals("safety_evidence") ? "t.data" : "t.wrapped_key")
						+ ") > 0")
				.param("marker", marker)
				.query(Long.class)
				.single()).as(table).isZero();
		}
	}

	@Test
	void aHandlerWithoutAKeyIsToldSoAndGetsTheKeyWhenAnotherHandlerOpensTheIncident() throws Exception {
		ReportingWorld.Login hr = this.world.login("hr");
		hr.unlockKey();
		String marker = "LATER-" + UUID.randomUUID();
		Map<String, String> form = full();
		form.put("description", marker);
		assertThat(report(this.world.login("anna"), form).errors()).isEmpty();
		long id = latest();
		ReportingWorld.Login manager = this.world.login("manager");
		assertThat(manager.send(get("/safety/incidents/" + id)).getResponse().getContentAsString())
			.contains("Set up your key to read them")
			.doesNotContain(marker);
		manager.unlockKey();
		assertThat(manager.send(get("/safety/incidents/" + id)).getResponse().getContentAsString())
			.contains("not yet shared with your key")
			.doesNotContain(marker);
		// HR opens it: the key is wrapped for the manager's new key pair.
		assertThat(hr.send(get("/safety/incidents/" + id)).getResponse().getContentAsString()).contains(marker);
		assertThat(manager.send(get("/safety/incidents/" + id)).getResponse().getContentAsString()).contains(marker);
	}

	@Test
	void onlyHrAndTheCoveringManagerOrSafetyRepresentativeHandleAnIncident() throws Exception {
		assertThat(report(this.world.login("anna"), full()).errors()).isEmpty();
		long id = latest();
		long evidence = this.jdbc.sql("""
				insert into safety_evidence (organisation_id, incident_id, meta, data, added_on)
				values (:org, :id, '\\x00'::bytea, '\\x00'::bytea, current_date) returning id
				""").param("org", this.world.org).param("id", id).query(Long.class).single();
		ReportingWorld other = new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"s1-" + UUID.randomUUID().toString().substring(0, 8));
		// A manager of unit B only: the incident is in unit A.
		this.world.account("managerb", "MANAGER", null, this.world.unitB);
		for (ReportingWorld.Login who : List.of(other.login("hr"), other.login("manager"), this.world.login("union"),
				this.world.login("admin"), this.world.login("committee"), this.world.login("bo"),
				this.world.login("anna"), this.world.login("managerb"))) {
			for (String path : List.of("/safety/incidents/" + id,
					"/safety/incidents/" + id + "/evidence/" + evidence)) {
				assertThat(who.send(get(path)).getResponse().getStatus()).as(who.account.getUsername() + " " + path)
					.isIn(403, 404);
			}
			assertThat(who.send(multipart("/safety/incidents/" + id + "/evidence").param("links", "https://a.example"))
				.getResponse()
				.getStatus()).as(who.account.getUsername()).isIn(403, 404);
			assertThat(who.send(get("/safety/incidents")).getResponse().getContentAsString())
				.doesNotContain("/safety/incidents/" + id + "\"");
		}
		for (String handler : List.of("hr", "manager", "safety")) {
			ReportingWorld.Login who = this.world.login(handler);
			assertThat(who.send(get("/safety/incidents/" + id)).getResponse().getStatus()).as(handler).isEqualTo(200);
			assertThat(who.send(get("/safety/incidents")).getResponse().getContentAsString()).as(handler)
				.contains("/safety/incidents/" + id + "\"");
		}
	}

	private Incidents.Reported report(ReportingWorld.Login who, Map<String, String> form) {
		return this.incidents.report(who.account, this.incidents.choices(who.account, visibility(who)),
				new IncidentForm(form), List.of(), Map.of());
	}

	private Visibility visibility(ReportingWorld.Login who) {
		return this.organisations.visibility(who.authentication(), this.world.org);
	}

	/** Every field filled in, valid, for Anna herself in unit A. */
	private Map<String, String> full() {
		Map<String, String> form = new HashMap<>();
		form.put("person", "self");
		form.put("unit", String.valueOf(this.world.unitA));
		form.put("occurredOn", LocalDate.now(this.clock).minusDays(1).toString());
		form.put("partOfDay", "EVENING");
		form.put("category", "ONLINE_EXPOSURE");
		form.put("channel", "SOCIAL_MEDIA");
		form.put("source", "RELATIVE");
		form.put("familyTargeted", "true");
		form.put("caseKind", "LVU");
		form.put("caseTwoHandlers", "no");
		form.put("severity", "3");
		form.put("injury", "PSYCHOLOGICAL");
		form.put("absenceDays", "4");
		form.put("absenceFrom", LocalDate.now(this.clock).toString());
		form.put("caseReference", "U-2026-17");
		form.put("description", "A relative posted my address and a photo of my house.");
		form.put("deathThreat", "true");
		form.put("threatToFamilyOrHome", "true");
		return form;
	}

	private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> form) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		form.forEach(params::add);
		return params;
	}

	private Object row(long id, String column) {
		return this.jdbc.sql("select " + column + " from safety_incident where id = :id")
			.param("id", id)
			.query()
			.singleRow()
			.get(column);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from safety_incident where organisation_id = :org")
			.param("org", this.world.org)
			.query(Long.class)
			.single();
	}

	/**
	 * The latest logged-in report (its time is exact; an anonymous report's id is random
	 * since fix14, so the largest id is not the latest).
	 */
	private long latest() {
		return this.jdbc.sql("""
				select id from safety_incident where organisation_id = :org and receipt_selector is null
				order by received_at desc, id desc limit 1
				""").param("org", this.world.org).query(Long.class).single();
	}

}
