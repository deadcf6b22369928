package bryt.safety;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.Superuser;
import bryt.Traces;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
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
 * The anonymous form (issue 14, item 1) on the real database: no session or cookie, the
 * time kept to the hour, a receipt that shows the status, a form sent once, and a marker
 * text, user agent and address kept nowhere: not in the database, its files or the logs.
 */
@BrytTest
@ExtendWith(OutputCaptureExtension.class)
class AnonymousReportingTests {

	private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private EmbeddedDatabase embeddedDatabase;

	@Autowired
	private DatabaseProperties database;

	@Test
	void aReportLeavesNoSessionAndItsReceiptShowsTheStatusAndWhatWasWritten() throws Exception {
		ReportingWorld world = world();
		world.login("hr").unlockKey();
		String once = "AAAAAAAAAAAAAAAAAAAAAA".substring(0, 12) + UUID.randomUUID().toString().substring(0, 10);
		MvcResult sent = this.mvc.perform(form(world, once, "Shouted at me in the waiting room")).andReturn();
		assertThat(sent.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(sent.getRequest().getSession(false)).isNull();
		String receipt = receipt(sent.getResponse().getContentAsString());
		long id = this.jdbc.sql("select id from safety_incident where organisation_id = :org")
			.param("org", world.org)
			.query(Long.class)
			.single();
		OffsetDateTime received = this.jdbc.sql("select received_at from safety_incident where id = :id")
			.param("id", id)
			.query(OffsetDateTime.class)
			.single();
		assertThat(received.getMinute()).isZero();
		assertThat(received.getSecond()).isZero();
		assertThat(received.getNano()).isZero();
		assertThat(this.jdbc.sql("select reported_by, affected_staff_id, on_behalf from safety_incident where id = :id")
			.param("id", id)
			.query()
			.singleRow()).containsEntry("reported_by", null)
			.containsEntry("affected_staff_id", null)
			.containsEntry("on_behalf", false);
		// HR had a key: the data key is wrapped for it.
		assertThat(this.jdbc.sql("select count(*) from safety_incident_key where incident_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// The same form again makes no second incident and shows no receipt.
		MvcResult again = this.mvc.perform(form(world, once, "Shouted at me in the waiting room")).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(again.getResponse().getContentAsString()).doesNotContain("id=\"receipt\"");

		MvcResult status = this.mvc
			.perform(post("/safety/r/" + world.code + "/status").param("receipt", receipt.toLowerCase()))
			.andReturn();
		assertThat(status.getResponse().getContentAsString()).contains("Shouted at me in the waiting room", "New");
		assertThat(status.getResponse().getHeaders("Set-Cookie")).isEmpty();
		String wrong = receipt.substring(0, receipt.length() - 1) + (receipt.endsWith("0") ? "1" : "0");
		assertThat(this.mvc.perform(post("/safety/r/" + world.code + "/status").param("receipt", wrong))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("No report was found").doesNotContain("Shouted at me");
		// Never from the address.
		assertThat(this.mvc.perform(post("/safety/r/" + world.code + "/status?receipt=" + receipt))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("Shouted at me");
		for (MvcResult page : new MvcResult[] { this.mvc.perform(get("/safety/r/" + world.code)).andReturn(),
				this.mvc.perform(get("/safety/r/" + world.code + "/status")).andReturn() }) {
			assertThat(page.getResponse().getStatus()).isEqualTo(200);
			assertThat(page.getResponse().getHeaders("Set-Cookie")).isEmpty();
			assertThat(page.getRequest().getSession(false)).isNull();
		}
	}

	@Test
	void markersSentWithAnAnonymousReportAreNowhereInTheDatabaseItsFilesOrTheLogs(CapturedOutput output)
			throws Exception {
		ReportingWorld world = world();
		world.login("hr").unlockKey();
		String text = "SAFETYMARKER-" + UUID.randomUUID().toString().substring(0, 8);
		String agent = "SAFETYAGENT-" + UUID.randomUUID().toString().substring(0, 8);
		String address = "198.51.100.77";
		// A control: a unit's name is stored in the clear, so the same search must find
		// it.
		String control = "SAFETYCONTROL-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("update unit set name = :name where id = :id")
			.param("name", control)
			.param("id", world.unitB)
			.update();
		MvcResult sent = this.mvc
			.perform(form(world, "BBBBBBBBBBBB" + UUID.randomUUID().toString().substring(0, 10), text)
				.param("links", "https://example.org/" + text)
				.header("User-Agent", agent)
				.header("X-Forwarded-For", address)
				.header("Referer", "https://" + agent + ".example/"))
			.andReturn();
		String receipt = receipt(sent.getResponse().getContentAsString());
		this.mvc.perform(post("/safety/r/" + world.code + "/status").param("receipt", receipt)
			.header("User-Agent", agent)
			.header("X-Forwarded-For", address));
		// Only the superuser may force a checkpoint (Bryt's role may not).
		try (Connection superuser = Superuser.of(this.embeddedDatabase, this.database).getConnection()) {
			superuser.createStatement().execute("checkpoint");
		}

		assertThat(Traces.tables(this.dataSource)).contains("public.safety_incident", "public.safety_evidence");
		String dump = Traces.dump(this.dataSource);
		assertThat(dump).contains(control).doesNotContain(text, agent, address, receipt, receipt.replace("-", ""));
		assertThat(Traces.filesContaining(this.database.dataDir(), text, agent, address)).isEmpty();
		assertThat(Traces.filesContaining(this.database.dataDir(), control)).isNotEmpty();
		assertThat(output.getAll()).doesNotContain(text, agent, address, receipt);
	}

	@Test
	void aFormWithErrorsComesBackWithEachFieldsErrorAndWithoutAnIdentityNumber() throws Exception {
		ReportingWorld world = world();
		String page = this.mvc
			.perform(post("/safety/r/" + world.code).param("description", "Call 19121212-1212")
				.param("severity", "7")
				.param("occurredOn", ServerDay.today().plusDays(3).toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("id=\"description-error\"", "id=\"severity-error\"", "id=\"occurredOn-error\"",
					"id=\"unit-error\"", "id=\"category-error\"", "href=\"#category\"", "The form was out of date")
			.doesNotContain("1212-1212");
		assertThat(this.jdbc.sql("select count(*) from safety_incident where organisation_id = :org")
			.param("org", world.org)
			.query(Long.class)
			.single()).isZero();
	}

	private ReportingWorld world() {
		return new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"s1a-" + UUID.randomUUID().toString().substring(0, 8));
	}

	private static MockHttpServletRequestBuilder form(ReportingWorld world, String once, String description) {
		return post("/safety/r/" + world.code).param("once", once)
			.param("unit", String.valueOf(world.unitB))
			.param("occurredOn", ServerDay.today().minusDays(2).toString())
			.param("partOfDay", "AFTERNOON")
			.param("category", "THREAT")
			.param("channel", "IN_PERSON")
			.param("source", "CLIENT")
			.param("severity", "2")
			.param("description", description);
	}

	private static String receipt(String page) {
		Matcher matcher = RECEIPT.matcher(page);
		assertThat(matcher.find()).as("a receipt on the page").isTrue();
		return matcher.group(1);
	}

}
