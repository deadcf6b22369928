package bryt.organisation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 16, the second outsider review of 2026-11-30: each identity provider speaks for
 * one side, the employer's (its directory) or the employee side's (a union's own). Two
 * issuers of mock-oauth2-server per organisation: {@code <code>e} registered as the
 * employer's, {@code <code>u} as the employee side's.
 */
@ServerTest
class ProviderSideTests {

	private static final String PASSPHRASE = "Otter-Granite-Saffron-4471";

	private static final String PASSWORD = "Fjord-Lichen-Quartz-7318";

	private static final String OTHER_PASSPHRASE = "Heron-Basalt-Juniper-8023";

	private static TestIdentityProvider provider;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OidcProviders providers;

	@Autowired
	private Organisations organisations;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private MockMvc mvc;

	@BeforeAll
	static void startProvider() {
		provider = new TestIdentityProvider();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	/**
	 * Finding 4: a union's provider sent the username of the employer's {@code it.chef}
	 * administrator account, made beforehand and never used, and was linked to it.
	 */
	@Test
	void aUnionsProviderTakesOverNoAdministratorMadeBeforehandAndTheEmployersDoes() throws Exception {
		long org = organisation("pstake");
		addProviders(org, "pstake");
		long admin = account(org, "pstake-itchef", "IT-chefen", "{ADMINISTRATOR}");
		long union = account(org, "pstake-ulla", "Ulla", "{UNION_REPRESENTATIVE}");

		HttpVisitor intruder = logIn("pstakeu", "subject-forged", "pstake-itchef");
		assertThat(intruder.visited.getLast().toString()).endsWith("/login?sso=employerAccount");
		assertThat(intruder.get("/login?sso=employerAccount").body())
			.contains("role in Bryt (manager, HR or administrator)");
		assertThat(intruder.get("/").location()).endsWith("/login");
		assertThat(identities(admin)).isZero();
		assertThat(this.accounts.everUsed(admin)).isFalse();

		// The employer's provider links it, as before.
		HttpVisitor itChef = logIn("pstakee", "subject-itchef", "pstake-itchef");
		assertThat(itChef.visited.getLast().getPath()).isEqualTo("/");
		assertThat(identities(admin)).isOne();

		// The union's provider links the union representative's account made for it; the
		// employer's would not have (its employee-side role).
		HttpVisitor ulla = logIn("pstakeu", "subject-ulla", "pstake-ulla");
		assertThat(ulla.visited.getLast().getPath()).isEqualTo("/");
		assertThat(identities(union)).isOne();
	}

	/**
	 * The evening's second outsider review: (1) an employer's role granted after a
	 * union's provider linked an account made the union's logins the administrator's; (2)
	 * a union's registration of the employer's issuer logged in as an identity the
	 * employer's provider had linked, under the union's rules. A union's provider now
	 * logs in no account holding an employer role, at every login; an organisation has
	 * one provider per issuer; and an identity logs in only through the provider that
	 * linked it.
	 */
	@Test
	void aUnionsProviderLogsInNoAccountThatGainedAnEmployerRoleNorAnIdentityAnotherProviderLinked() throws Exception {
		long org = organisation("pslater");
		addProviders(org, "pslater");
		long kim = account(org, "pslater-kim", "Kim", "{STAFF}");
		assertThat(logIn("pslateru", "subject-kim", "pslater-kim").visited.getLast().getPath()).isEqualTo("/");
		assertThat(identities(kim)).isOne();
		grant(kim, "ADMINISTRATOR");
		HttpVisitor again = logIn("pslateru", "subject-kim", "pslater-kim");
		assertThat(again.visited.getLast().toString()).endsWith("/login?sso=employerAccount");
		assertThat(again.get("/").location()).endsWith("/login");

		// the employee side registers the employer's issuer: refused at the field
		OidcProviderForm same = form("pslatere", "Union via the broker", "pslaterx", null, null, null);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(same, "form");
		this.providers.save(org, Side.EMPLOYEE_SIDE, null, same, errors);
		assertThat(errors.getFieldErrors()).extracting(FieldError::getField, FieldError::getCode)
			.containsExactly(tuple("issuer", "ssoIssuerTaken"));
		assertThat(side("pslaterx-idp")).isNull();

		// a registration from before that rule, by the database: it does not log in as
		// the
		// employer's provider's identity
		long chef = account(org, "pslater-chef", "IT-chefen", "{ADMINISTRATOR}");
		assertThat(logIn("pslatere", "subject-chef", "pslater-chef").visited.getLast().getPath()).isEqualTo("/");
		this.jdbc.sql("""
				insert into oidc_provider (organisation_id, registration_id, label, issuer, client_id, side)
				values (:org, 'pslaterx-idp', 'Union via the broker', :issuer, 'pslaterx-client', 'EMPLOYEE_SIDE')
				""").param("org", org).param("issuer", provider.issuer("pslatere")).update();
		provider.next("pslatere", "subject-chef", Map.of("preferred_username", "pslater-chef", "amr", List.of("pwd")));
		HttpVisitor broker = new HttpVisitor(this.port);
		broker.open("/oauth2/authorization/pslaterx-idp");
		assertThat(broker.visited.getLast().toString()).endsWith("/login?sso=otherProvider");
		assertThat(broker.get("/login?sso=otherProvider").body()).contains("linked to another identity provider");
		assertThat(broker.get("/").location()).endsWith("/login");
		assertThat(identities(chef)).isOne();
	}

	/**
	 * The evening's second outsider review: the administrator made a union
	 * representative's account with a password, the representative only ever logged in
	 * through the union's provider, and the administrator logged in with that password as
	 * them. An account with an identity at an employee side's provider logs in through it
	 * only.
	 */
	@Test
	void anAccountLinkedToAUnionsProviderLogsInWithNoPasswordTheEmployerMayKnow() throws Exception {
		long org = organisation("pspass");
		addProviders(org, "pspass");
		account(org, "pspass-bo", "Bo", "{STAFF}");
		account(org, "pspass-eva", "Eva", "{STAFF}");
		// (no password login first: an account somebody logged in to is not linked by
		// username)
		assertThat(logIn("pspassu", "subject-bo", "pspass-bo").visited.getLast().getPath()).isEqualTo("/");
		HttpVisitor administrator = new HttpVisitor(this.port);
		HttpVisitor.Page refused = administrator.post("/login", administrator.get("/login"), "username", "pspass-bo",
				"password", PASSWORD);
		assertThat(refused.location()).endsWith("/login?localOff");
		assertThat(administrator.follow(refused).body())
			.contains("your account logs in through the employee side&#39;s identity provider");
		assertThat(administrator.get("/").location()).endsWith("/login");
		// the employer's provider's link leaves the password as it was
		assertThat(logIn("pspasse", "subject-eva", "pspass-eva").visited.getLast().getPath()).isEqualTo("/");
		HttpVisitor eva = new HttpVisitor(this.port);
		assertThat(eva.post("/login", eva.get("/login"), "username", "pspass-eva", "password", PASSWORD).location())
			.doesNotContain("localOff");
	}

	/** Finding 3: any provider claimed an unheld staff member's employee number. */
	@Test
	void onlyTheEmployersEmployeeNumberClaimLinksAStaffMember() throws Exception {
		long org = organisation("psnum");
		long unit = this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level) values (:org, 'U', 'Unit', 'UNIT') returning id
				""").param("org", org).query(Long.class).single();
		long e1 = staff(org, unit, "E1");
		long e2 = staff(org, unit, "E2");
		save(org, Side.EMPLOYER, form("psnume", "Employer", "psnume", "employee_number", "groups", "g=HR"));
		// A forged employee-number claim and group mapping for the union's provider are
		// dropped.
		save(org, Side.EMPLOYEE_SIDE, form("psnumu", "Union", "psnumu", "employee_number", "groups", "g=HR"));
		Map<String, Object> union = this.jdbc.sql("""
				select employee_number_claim, group_claim, group_roles, side from oidc_provider
				where registration_id = 'psnumu-idp'
				""").query().singleRow();
		assertThat(union.get("employee_number_claim")).isNull();
		assertThat(union.get("group_claim")).isNull();
		assertThat(union.get("group_roles")).isEqualTo("");
		assertThat(union.get("side")).isEqualTo("EMPLOYEE_SIDE");

		logIn("psnumu", "subject-mallory", "psnum-mallory", Map.of("employee_number", "E1", "groups", List.of("g")));
		logIn("psnume", "subject-erik", "psnum-erik", Map.of("employee_number", "E2"));

		assertThat(this.jdbc.sql("select count(*) from account where username = 'psnum-mallory' and staff_id is null")
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("select roles::text from account where username = 'psnum-mallory'")
			.query(String.class)
			.single()).isEqualTo("{}");
		assertThat(
				this.jdbc.sql("select staff_id from account where username = 'psnum-erik'").query(Long.class).single())
			.isEqualTo(e2);
		// E1 is still free for the employer's provider.
		logIn("psnume", "subject-eva", "psnum-eva", Map.of("employee_number", "E1"));
		assertThat(
				this.jdbc.sql("select staff_id from account where username = 'psnum-eva'").query(Long.class).single())
			.isEqualTo(e1);
	}

	/**
	 * Finding 1: an account that only logs in through the employer's provider never
	 * became its holder's own. Its first login now counts, for the employer's side only.
	 */
	@Test
	void aManagerLoggingInOnlyThroughTheEmployersProviderStandsForTheEmployerSideOnly() throws Exception {
		long org = organisation("psman");
		addProviders(org, "psman");
		long manager = account(org, "psman-maja", "Maja", "{MANAGER}");
		logIn("psmane", "subject-maja", "psman-maja");
		assertThat(this.organisations.heldByHolderSince(org, manager, Side.EMPLOYER)).isPresent();

		// As if made 40 days ago, last changed by an administrator 35 days ago (the link
		// by username is one too) and linked 32 days ago: the employer's standing counts
		// from the link, 32 days ago; the employee side's not at all.
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant linked = now.minus(32, ChronoUnit.DAYS);
		this.jdbc.sql("""
				update account set created_at = :created, access_changed_at = :changed where id = :id
				""")
			.param("created", java.sql.Timestamp.from(now.minus(40, ChronoUnit.DAYS)))
			.param("changed", java.sql.Timestamp.from(now.minus(35, ChronoUnit.DAYS)))
			.param("id", manager)
			.update();
		this.jdbc.sql("update account_identity set linked_at = :at where account_id = :id")
			.param("at", java.sql.Timestamp.from(linked))
			.param("id", manager)
			.update();
		assertThat(this.organisations.heldByHolderSince(org, manager, Side.EMPLOYER)).contains(linked);
		assertThat(this.organisations.heldByHolderSince(org, manager, Side.EMPLOYEE_SIDE)).isEmpty();

		// An administrator's change since the link counts from then.
		Instant changed = now.minus(3, ChronoUnit.DAYS);
		this.jdbc.sql("update account set access_changed_at = :changed where id = :id")
			.param("changed", java.sql.Timestamp.from(changed))
			.param("id", manager)
			.update();
		assertThat(this.organisations.heldByHolderSince(org, manager, Side.EMPLOYER)).contains(changed);
	}

	/**
	 * Finding 2: a representative logging in through the employer's provider set a
	 * passphrase twice to start their 30 days, through a login the employer's IT
	 * controls. Through the employee side's own provider the first login counts.
	 */
	@Test
	void aSafetyRepresentativeStandsThroughTheUnionsProviderAndNotThroughPassphrasesSetInTheEmployersSession()
			throws Exception {
		long org = organisation("psrep");
		addProviders(org, "psrep");

		logIn("psrepu", "subject-sara", "psrep-sara");
		long sara = id("psrep-sara");
		grant(sara, "SAFETY_REPRESENTATIVE");
		Instant linked = backdate(sara, 31);
		assertThat(this.organisations.heldByHolderSince(org, sara, Side.EMPLOYEE_SIDE)).contains(linked);
		assertThat(this.organisations.heldByHolderSince(org, sara, Side.EMPLOYER)).isEmpty();

		// The same kind of person through the employer's provider, setting a passphrase
		// twice: the second is a change knowing the first, the holder's own secret, but
		// set in a session of the employer's provider.
		HttpVisitor peter = logIn("psrepe", "subject-peter", "psrep-peter");
		long peterId = id("psrep-peter");
		grant(peterId, "SAFETY_REPRESENTATIVE");
		assertThat(peter
			.post("/account/passphrase", peter.get("/account/passphrase"), "passphrase", PASSPHRASE, "confirmation",
					PASSPHRASE)
			.location()).endsWith("/");
		assertThat(peter
			.post("/account/passphrase", peter.get("/account/passphrase"), "currentPassphrase", PASSPHRASE,
					"passphrase", OTHER_PASSPHRASE, "confirmation", OTHER_PASSPHRASE)
			.location()).endsWith("/");
		assertThat(this.jdbc.sql("select password_set_by_holder_at is not null from account where id = :id")
			.param("id", peterId)
			.query(Boolean.class)
			.single()).isTrue();
		Instant peterLinked = backdate(peterId, 31);
		this.jdbc.sql("update account set password_set_by_holder_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(peterLinked))
			.param("id", peterId)
			.update();
		assertThat(this.organisations.heldByHolderSince(org, peterId, Side.EMPLOYEE_SIDE)).isEmpty();
		assertThat(this.organisations.heldByHolderSince(org, peterId, Side.EMPLOYER)).contains(peterLinked);
	}

	@Test
	void neitherSidesAdministratorChangesTheOthersProviders() throws Exception {
		long org = organisation("psedit");
		addProviders(org, "psedit");
		account(org, "psedit-admin", "Admin", "{ADMINISTRATOR}");
		account(org, "psedit-side", "Side", "{EMPLOYEE_SIDE_ADMINISTRATOR}");
		long employers = providerId("psedite-idp");
		long unions = providerId("pseditu-idp");

		// The employer's administrator: the union's provider is not there.
		assertThat(status(as("psedit-admin", get("/admin/sign-in/" + unions)))).isEqualTo(404);
		assertThat(status(as("psedit-admin", post("/admin/sign-in/" + unions)).params(fields("hijack", "psedite"))))
			.isEqualTo(404);
		assertThat(status(as("psedit-admin", post("/admin/sign-in/" + unions + "/delete")))).isEqualTo(404);
		// A forged side on the employer's form makes the employer's provider.
		assertThat(status(as("psedit-admin",
				post("/admin/sign-in").params(fields("psedit-new", "psedito")).param("side", "EMPLOYEE_SIDE"))))
			.isEqualTo(302);
		assertThat(side("psedit-new")).isEqualTo("EMPLOYER");
		assertThat(this.mvc.perform(as("psedit-admin", get("/admin/sign-in")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("psedite").doesNotContain("pseditu");

		// The employee side's administrator: the employer's provider is not there.
		assertThat(status(as("psedit-side", get("/employee-side/sign-in/" + employers)))).isEqualTo(404);
		assertThat(status(
				as("psedit-side", post("/employee-side/sign-in/" + employers)).params(fields("hijack", "pseditu"))))
			.isEqualTo(404);
		assertThat(status(as("psedit-side", post("/employee-side/sign-in/" + employers + "/delete")))).isEqualTo(404);
		assertThat(status(as("psedit-side", get("/admin/sign-in")))).isEqualTo(403);
		// It adds, changes and removes its own.
		assertThat(status(as("psedit-side",
				post("/employee-side/sign-in").params(fields("psedit-union", "psedity"))
					.param("employeeNumberClaim", "employee_number")
					.param("groupClaim", "groups")
					.param("groupRoles", "g=ADMINISTRATOR"))))
			.isEqualTo(302);
		assertThat(side("psedit-union")).isEqualTo("EMPLOYEE_SIDE");
		assertThat(this.jdbc.sql("""
				select coalesce(employee_number_claim, group_claim, nullif(group_roles, '')) from oidc_provider
				where registration_id = 'psedit-union'
				""").query(String.class).optional()).isEmpty();
		String page = this.mvc.perform(as("psedit-side", get("/employee-side/sign-in")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("pseditu", "psedit-union").doesNotContain("psedite");
		assertThat(status(as("psedit-side", post("/employee-side/sign-in/" + unions + "/delete")))).isEqualTo(302);

		// Nothing of the employer's changed.
		assertThat(this.jdbc.sql("""
				select count(*) from oidc_provider where organisation_id = :org and side = 'EMPLOYER'
					and label = 'psedite'
				""").param("org", org).query(Integer.class).single()).isOne();
		assertThat(side("hijack")).isNull();
		assertThat(side("pseditu-idp")).isNull();
	}

	// --- helpers

	private HttpVisitor logIn(String issuer, String subject, String username) throws Exception {
		return logIn(issuer, subject, username, Map.of());
	}

	private HttpVisitor logIn(String issuer, String subject, String username, Map<String, Object> more)
			throws Exception {
		Map<String, Object> claims = new java.util.HashMap<>(more);
		claims.put("preferred_username", username);
		claims.put("amr", List.of("pwd", "mfa"));
		provider.next(issuer, subject, claims);
		HttpVisitor browser = new HttpVisitor(this.port);
		browser.open("/oauth2/authorization/" + issuer + "-idp");
		return browser;
	}

	/**
	 * The employer's provider at issuer {@code <code>e}, the union's at {@code <code>u}.
	 */
	private void addProviders(long org, String code) {
		save(org, Side.EMPLOYER, form(code + "e", code + "e", code + "e", null, null, null));
		save(org, Side.EMPLOYEE_SIDE, form(code + "u", code + "u", code + "u", null, null, null));
	}

	private void save(long org, Side side, OidcProviderForm form) {
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
		this.providers.save(org, side, null, form, errors);
		assertThat(errors.getAllErrors()).isEmpty();
	}

	private static OidcProviderForm form(String issuerId, String label, String name, String employeeNumberClaim,
			String groupClaim, String groupRoles) {
		return new OidcProviderForm(name + "-idp", label, provider.issuer(issuerId), name + "-client", null, false,
				"preferred_username", employeeNumberClaim, groupClaim, groupRoles, "", "", null, null);
	}

	private static org.springframework.util.MultiValueMap<String, String> fields(String registrationId,
			String issuerId) {
		org.springframework.util.LinkedMultiValueMap<String, String> fields = new org.springframework.util.LinkedMultiValueMap<>();
		fields.add("registrationId", registrationId);
		fields.add("label", registrationId);
		fields.add("issuer", provider.issuer(issuerId));
		fields.add("clientId", registrationId + "-client");
		fields.add("usernameClaim", "preferred_username");
		return fields;
	}

	/** Dates the account's making and identity {@code days} days back; the link time. */
	private Instant backdate(long accountId, int days) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(days, ChronoUnit.DAYS);
		this.jdbc.sql("update account set created_at = :at, access_changed_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(at))
			.param("id", accountId)
			.update();
		this.jdbc.sql("update account_identity set linked_at = :at where account_id = :id")
			.param("at", java.sql.Timestamp.from(at))
			.param("id", accountId)
			.update();
		return at;
	}

	private void grant(long accountId, String role) {
		this.jdbc.sql("update account set roles = array_append(roles, :role) where id = :id")
			.param("role", role)
			.param("id", accountId)
			.update();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.findForLogin(username).orElseThrow())).with(csrf());
	}

	private String side(String registrationId) {
		return this.jdbc.sql("select side from oidc_provider where registration_id = :r")
			.param("r", registrationId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long providerId(String registrationId) {
		return this.jdbc.sql("select id from oidc_provider where registration_id = :r")
			.param("r", registrationId)
			.query(Long.class)
			.single();
	}

	private int identities(long accountId) {
		return this.jdbc.sql("select count(*) from account_identity where account_id = :id")
			.param("id", accountId)
			.query(Integer.class)
			.single();
	}

	private long organisation(String code) {
		return this.jdbc.sql("insert into organisation (code, name, country) values (:code, :code, 'SE') returning id")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private long account(long org, String username, String name, String roles) {
		return this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, :name, :hash, cast(:roles as text[])) returning id
				""")
			.param("org", org)
			.param("username", username)
			.param("name", name)
			.param("hash", this.passwordEncoder.encode(PASSWORD))
			.param("roles", roles)
			.query(Long.class)
			.single();
	}

	private long id(String username) {
		return this.accounts.findForLogin(username).orElseThrow().accountId();
	}

	private long staff(long org, long unit, String number) {
		long id = this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, experience_start,
					employment_start)
				values (:org, :number, :number, :unit, 'SOCIAL_WORKER', 1.0, date '2024-01-01', date '2024-01-01')
				returning id
				""").param("org", org).param("number", number).param("unit", unit).query(Long.class).single();
		this.jdbc.sql("""
				insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from)
				values (:org, :id, :unit, 'SOCIAL_WORKER', 1.0, date '2024-01-01')
				""").param("org", org).param("id", id).param("unit", unit).update();
		return id;
	}

}
