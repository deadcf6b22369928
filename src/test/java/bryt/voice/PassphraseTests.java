package bryt.voice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import bryt.HttpVisitor;
import bryt.HttpVisitor.Page;
import bryt.ServerTest;
import bryt.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 16, item 3: with single sign-on a recipient's private key is protected by a
 * passphrase of its own, not by a password it no longer types; the reports it could read
 * stay readable.
 */
@ServerTest
class PassphraseTests {

	private static final String PASSPHRASE = "Otter-Granite-Saffron-4471";

	private static TestIdentityProvider provider;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private RecipientKeys keys;

	@BeforeAll
	static void startProvider() {
		provider = new TestIdentityProvider();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void aRecipientMovingToSingleSignOnKeepsItsReportsBehindAPassphrase() throws Exception {
		Colleagues colleagues = new Colleagues(this.jdbc, this.encoder, "ssopass");
		long rita = colleagues.account("Rita", "STAFF");
		long channel = colleagues.channel("Whistle", rita);
		// Before single sign-on: the key made with the password, a report encrypted to
		// it.
		assertThat(this.mvc
			.perform(post("/voice/unlock").with(user(this.accounts.loadUserByUsername("ssopass-rita")))
				.with(csrf())
				.param("password", Colleagues.PASSWORD))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/voice");
		String marker = "Passphrase marker " + UUID.randomUUID();
		long number = colleagues.number(colleagues.report(this.mvc, channel, marker));
		addProvider(colleagues.org, "ssopass-idp", "ssopass");

		HttpVisitor browser = logIn("subject-rita", "ssopass-rita");
		Page inbox = browser.get("/voice");
		assertThat(inbox.body()).contains("set a passphrase for your key first", "/account/passphrase")
			.doesNotContain("action=\"/voice/unlock\"");

		// The strength check of the Trust issue.
		Page form = browser.get("/account/passphrase");
		Page weak = browser.post("/account/passphrase", form, "currentPassword", Colleagues.PASSWORD, "passphrase",
				"password1234", "confirmation", "password1234");
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("too easy to guess");
		// A wrong Bryt password moves nothing.
		Page wrongPassword = browser.post("/account/passphrase", browser.get("/account/passphrase"), "currentPassword",
				"not the password at all", "passphrase", PASSPHRASE, "confirmation", PASSPHRASE);
		assertThat(wrongPassword.status()).isEqualTo(200);
		assertThat(this.keys.unlock(rita, Colleagues.PASSWORD)).isPresent();
		// Once its holder has set that password themselves, a session alone (no password
		// typed) sets no first passphrase (the outsider review: it would lock the holder
		// out of their own key).
		this.jdbc.sql("update account set password_set_by_holder_at = now() - interval '1 day' where id = :id")
			.param("id", rita)
			.update();
		Page noPassword = browser.post("/account/passphrase", browser.get("/account/passphrase"), "passphrase",
				PASSPHRASE, "confirmation", PASSPHRASE);
		assertThat(noPassword.status()).isEqualTo(200);
		assertThat(noPassword.body()).contains("only you may set the passphrase");
		assertThat(this.jdbc.sql("select passphrase_hash from account where id = :id")
			.param("id", rita)
			.query(String.class)
			.optional()).isEmpty();

		Page set = browser.post("/account/passphrase", browser.get("/account/passphrase"), "currentPassword",
				Colleagues.PASSWORD, "passphrase", PASSPHRASE, "confirmation", PASSPHRASE);
		assertThat(set.location()).endsWith("/");
		// The key now opens with the passphrase only.
		assertThat(this.keys.unlock(rita, Colleagues.PASSWORD)).isEmpty();
		assertThat(this.keys.unlock(rita, PASSPHRASE)).isPresent();
		assertThat(this.jdbc.sql("select passphrase_hash from account where id = :id")
			.param("id", rita)
			.query(String.class)
			.single()).startsWith("{argon2}").doesNotContain(PASSPHRASE);

		Page unlockForm = browser.get("/voice");
		assertThat(unlockForm.body()).contains("Your passphrase");
		Page unlocked = browser.post("/voice/unlock", unlockForm, "password", PASSPHRASE);
		assertThat(unlocked.location()).endsWith("/voice");
		Page report = browser.get("/voice/reports/" + number);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains(marker);
	}

	@Test
	void aRecipientWhoFirstCameThroughTheProviderMakesItsKeyWithAPassphrase() throws Exception {
		Colleagues colleagues = new Colleagues(this.jdbc, this.encoder, "ssonew");
		addProvider(colleagues.org, "ssonew-idp", "ssonew");
		HttpVisitor browser = logIn("subject-nils", "ssonew-nils");
		long nils = this.jdbc.sql("select id from account where username = 'ssonew-nils'").query(Long.class).single();
		long channel = colleagues.channel("Whistle", nils);

		Page set = browser.post("/account/passphrase", browser.get("/account/passphrase"), "passphrase", PASSPHRASE,
				"confirmation", PASSPHRASE);
		assertThat(set.location()).endsWith("/");
		Page inbox = browser.get("/voice");
		assertThat(inbox.body()).contains("Your passphrase");
		assertThat(browser.post("/voice/unlock", inbox, "password", PASSPHRASE).location()).endsWith("/voice");
		assertThat(this.keys.hasKey(nils)).isTrue();

		String marker = "New recipient marker " + UUID.randomUUID();
		long number = colleagues.number(colleagues.report(this.mvc, channel, marker));
		assertThat(browser.get("/voice/reports/" + number).body()).contains(marker);
	}

	private HttpVisitor logIn(String subject, String username) throws Exception {
		provider.next(issuerOf(username), subject,
				Map.of("preferred_username", username, "amr", List.of("pwd", "mfa")));
		HttpVisitor browser = new HttpVisitor(this.port);
		browser.open("/oauth2/authorization/" + issuerOf(username) + "-idp");
		assertThat(browser.visited.getLast().getPath()).as("%s", browser.visited).isEqualTo("/");
		return browser;
	}

	private static String issuerOf(String username) {
		return username.substring(0, username.indexOf('-'));
	}

	private void addProvider(long org, String registrationId, String issuerId) {
		this.jdbc.sql("""
				insert into oidc_provider (organisation_id, registration_id, label, issuer, client_id)
				values (:org, :registration, :registration, :issuer, 'bryt')
				""")
			.param("org", org)
			.param("registration", registrationId)
			.param("issuer", provider.issuer(issuerId))
			.update();
	}

}
