package bryt.safety;

import java.time.Instant;
import java.util.EnumSet;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.shared.DemoMode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Whoever holds an incident's key needs a second factor at login (W2-trust item 1,
 * {@link HandlersNeedSecondFactor}); a handler without one does not, and the demo
 * accounts stay exempt on the embedded database.
 */
@BrytTest
class HandlersSecondFactorTests {

	private static final String FORM = "/login/second-factor";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Organisations organisations;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void aHandlerHoldingAnIncidentsKeyIsSentToTheSecondFactorAndOneWithoutIsNot() throws Exception {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		HandlingIncidents rows = new HandlingIncidents(this.jdbc);
		long unit = rows.unitId(demo.id(), "BOF-UTR-1");
		long holder = account(demo.id(), "w2-key-holder", Role.MANAGER, unit);
		long other = account(demo.id(), "w2-no-key", Role.SAFETY_REPRESENTATIVE, unit);
		// before any incident: both log in with the password alone
		this.mvc.perform(formLogin().user("w2-key-holder").password(DemoMode.PASSWORD)).andExpect(redirectedUrl("/"));

		long incident = rows.incident(demo.id(), unit, Instant.now());
		key(demo.id(), incident, holder);
		this.mvc.perform(formLogin().user("w2-key-holder").password(DemoMode.PASSWORD)).andExpect(redirectedUrl(FORM));
		// covering the same unit, but no key wrapped for it: nothing to read
		this.mvc.perform(formLogin().user("w2-no-key").password(DemoMode.PASSWORD)).andExpect(redirectedUrl("/"));
		key(demo.id(), incident, other);
		this.mvc.perform(formLogin().user("w2-no-key").password(DemoMode.PASSWORD)).andExpect(redirectedUrl(FORM));
	}

	@Test
	void theDemoAccountsHoldingKeysStayExemptOnTheEmbeddedDatabase() throws Exception {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		HandlingIncidents rows = new HandlingIncidents(this.jdbc);
		long incident = rows.incident(demo.id(), rows.unitId(demo.id(), "BOF-UTR-1"), Instant.now());
		for (String username : new String[] { "hr", "manager" }) {
			long account = this.jdbc.sql("select id from account where organisation_id = :org and username = :name")
				.param("org", demo.id())
				.param("name", username)
				.query(Long.class)
				.single();
			key(demo.id(), incident, account);
			this.mvc.perform(formLogin().user(username).password(DemoMode.PASSWORD)).andExpect(redirectedUrl("/"));
		}
	}

	private long account(long organisationId, String username, Role role, long unit) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, :username, :hash, cast(:roles as text[])) returning id
				""")
			.param("org", organisationId)
			.param("username", username)
			.param("hash", this.passwordEncoder.encode(DemoMode.PASSWORD))
			.param("roles", "{" + role.name() + "}")
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :account, :unit)")
			.param("org", organisationId)
			.param("account", id)
			.param("unit", unit)
			.update();
		return id;
	}

	/** A key row for the account (the bytes do not matter to the rule). */
	private void key(long organisationId, long incident, long account) {
		this.jdbc.sql("""
				insert into safety_incident_key (organisation_id, incident_id, account_id, wrapped_key)
				values (:org, :incident, :account, :key)
				""")
			.param("org", organisationId)
			.param("incident", incident)
			.param("account", account)
			.param("key", new byte[] { 1 })
			.update();
	}

}
