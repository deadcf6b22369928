package bryt.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import bryt.BrytTest;
import bryt.organisation.Organisations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * W2-demo (issue 14): the reporter of a logged-in report reads what they wrote on
 * /safety/mine when they had a key pair at the report; the page says why not otherwise.
 */
@BrytTest
class OwnReportTests {

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
	private Clock clock;

	private ReportingWorld world;

	@BeforeEach
	void world() {
		this.world = new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"w2-" + UUID.randomUUID().toString().substring(0, 8));
	}

	@Test
	void theReporterReadsWhatTheyWroteWhenTheyHadAKeyPair() throws Exception {
		ReportingWorld.Login anna = this.world.login("anna");
		String before = "BEFORE-KEY-" + UUID.randomUUID();
		report(anna, before);
		anna.unlockKey();
		String after = "AFTER-KEY-" + UUID.randomUUID();
		long id = report(anna, after);
		// The key is wrapped for the reporter too, beside the handlers.
		assertThat(this.jdbc.sql("select count(*) from safety_incident_key where incident_id = :id and account_id = :a")
			.param("id", id)
			.param("a", this.world.accountId("anna"))
			.query(Long.class)
			.single()).isOne();
		String page = anna.send(get("/safety/mine")).getResponse().getContentAsString();
		assertThat(page).contains(after).doesNotContain(before).contains("You reported this before you had a key pair");
		// Another login session, not unlocked: told to unlock, nothing shown.
		ReportingWorld.Login again = this.world.login("anna");
		assertThat(again.send(get("/safety/mine")).getResponse().getContentAsString())
			.contains("Unlock your key to read what you wrote")
			.doesNotContain(after);
		// Bo reported nothing: Anna's text is not on his page.
		assertThat(this.world.login("bo").send(get("/safety/mine")).getResponse().getContentAsString())
			.doesNotContain(after);
	}

	private long report(ReportingWorld.Login who, String description) {
		Map<String, String> form = new HashMap<>();
		form.put("person", "self");
		form.put("unit", String.valueOf(this.world.unitA));
		form.put("occurredOn", LocalDate.now(this.clock).minusDays(1).toString());
		form.put("partOfDay", "MORNING");
		form.put("category", "THREAT");
		form.put("channel", "PHONE");
		form.put("source", "CLIENT");
		form.put("severity", "2");
		form.put("description", description);
		Incidents.Reported reported = this.incidents.report(who.account,
				this.incidents.choices(who.account,
						this.organisations.visibility(who.authentication(), this.world.org)),
				new IncidentForm(form), List.of(), Map.of());
		assertThat(reported.errors()).isEmpty();
		return reported.incidentId();
	}

}
