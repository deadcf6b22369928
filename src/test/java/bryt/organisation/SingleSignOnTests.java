package bryt.organisation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 16: logins through a real OpenID provider (mock-oauth2-server in this JVM, two
 * issuers) against Bryt on a real port, followed redirect by redirect as a browser does.
 */
@ServerTest
class SingleSignOnTests {

	private static TestIdentityProvider provider;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OidcProviders providers;

	@Autowired
	private OidcProviderRepository providerRows;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@BeforeAll
	static void startProvider() {
		provider = new TestIdentityProvider();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void aFirstLoginThroughEitherIssuerMakesAnAccountWithoutRolesWithPkce() throws Exception {
		long employer = organisation("ssofirst");
		long union = organisation("ssofirstu");
		addProvider(employer, "ssofirst-entra", "Ekby Entra ID", "ssofirst", "a client secret", null, null, "");
		addProvider(union, "ssofirstu-idp", "Union login", "ssofirstu", null, null, null, "");
		// The secret is encrypted at rest.
		byte[] stored = this.jdbc
			.sql("select client_secret from oidc_provider where registration_id = 'ssofirst-entra'")
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("a client secret");

		HttpVisitor browser = new HttpVisitor(this.port);
		Page login = browser.get("/login");
		assertThat(login.body()).contains("Log in with Ekby Entra ID", "Log in with Union login",
				"/oauth2/authorization/ssofirst-entra");
		// oidc: the login page lists every organisation's providers; each button names
		// its
		// organisation.
		assertThat(login.body()).contains("Log in with Ekby Entra ID (ssofirst)",
				"Log in with Union login (ssofirstu)");

		provider.next("ssofirst", "subject-anna",
				Map.of("preferred_username", "SSOFirst.Anna@ekby.se", "name", "Anna Andersson", "amr", List.of("pwd")));
		Page toProvider = browser.get("/oauth2/authorization/ssofirst-entra");
		URI authorize = URI.create(toProvider.location());
		assertThat(authorize.toString()).startsWith(provider.issuer("ssofirst"));
		assertThat(authorize.getQuery()).contains("code_challenge=", "code_challenge_method=S256", "nonce=", "state=",
				"client_id=ssofirst-entra-client");
		Page home = browser.follow(toProvider);
		assertThat(home.status()).isEqualTo(200);
		landed(browser, "/");
		assertThat(home.body()).contains("Anna Andersson");

		Map<String, Object> anna = this.jdbc.sql("""
				select a.organisation_id, a.roles, i.issuer, i.subject from account a
				join account_identity i on i.account_id = a.id where a.username = 'ssofirst.anna@ekby.se'
				""").query().singleRow();
		assertThat(anna.get("organisation_id")).isEqualTo(employer);
		assertThat(roles("ssofirst.anna@ekby.se")).isEmpty();
		assertThat(anna.get("issuer")).isEqualTo(provider.issuer("ssofirst"));
		assertThat(anna.get("subject")).isEqualTo("subject-anna");
		// Without a role, no administration.
		assertThat(browser.get("/admin/accounts").status()).isEqualTo(403);

		// The second issuer, another organisation, in another browser.
		HttpVisitor other = new HttpVisitor(this.port);
		provider.next("ssofirstu", "subject-ulf", Map.of("preferred_username", "ssofirst-ulf", "amr", List.of("pwd")));
		other.open("/oauth2/authorization/ssofirstu-idp");
		landed(other, "/");
		assertThat(this.jdbc.sql("select organisation_id from account where username = 'ssofirst-ulf'")
			.query(Long.class)
			.single()).isEqualTo(union);

		// The same subject again is the same account, not a new one.
		provider.next("ssofirst", "subject-anna",
				Map.of("preferred_username", "ssofirst.anna@ekby.se", "amr", List.of("pwd")));
		new HttpVisitor(this.port).open("/oauth2/authorization/ssofirst-entra");
		assertThat(this.jdbc.sql("select count(*) from account where organisation_id = :org")
			.param("org", employer)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void anAccountMadeBeforehandIsLinkedByItsUsernameAndAnotherOrganisationsIsNot() throws Exception {
		long org = organisation("ssolink");
		long other = organisation("ssolinko");
		account(org, "ssolink-berit", "Berit", "{STAFF}");
		account(other, "ssolinko-carl", "Carl", "{STAFF}");
		addProvider(org, "ssolink-idp", "Ssolink", "ssolink", null, null, null, "");

		provider.next("ssolink", "subject-berit", Map.of("preferred_username", "ssolink-berit", "amr", List.of("pwd")));
		HttpVisitor browser = new HttpVisitor(this.port);
		browser.open("/oauth2/authorization/ssolink-idp");
		landed(browser, "/");
		assertThat(this.jdbc.sql("""
				select a.username from account_identity i join account a on a.id = i.account_id
				where i.subject = 'subject-berit'
				""").query(String.class).single()).isEqualTo("ssolink-berit");
		assertThat(roles("ssolink-berit")).containsExactly("STAFF");

		// A username of another organisation: refused, no account made, no link.
		provider.next("ssolink", "subject-carl", Map.of("preferred_username", "ssolinko-carl", "amr", List.of("pwd")));
		HttpVisitor intruder = new HttpVisitor(this.port);
		Page refused = intruder.open("/oauth2/authorization/ssolink-idp");
		assertThat(intruder.visited.getLast().toString()).endsWith("/login?sso=usernameTaken");
		assertThat(refused.body()).contains("Your username is already used by another account in Bryt.");
		assertThat(this.jdbc.sql("select count(*) from account_identity where subject = 'subject-carl'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(intruder.get("/").location()).endsWith("/login");

		// The outsider review's takeover: an account its holder uses (their own password)
		// and a union representative's account made beforehand are never taken over by a
		// provider sending their usernames; nothing is linked.
		long hanna = account(org, "ssolink-hanna", "Hanna", "{HR}");
		this.jdbc.sql("update account set password_set_by_holder_at = now() - interval '40 days' where id = :id")
			.param("id", hanna)
			.update();
		account(org, "ssolink-ulf", "Ulf", "{UNION_REPRESENTATIVE}");
		for (String username : List.of("ssolink-hanna", "ssolink-ulf")) {
			provider.next("ssolink", "subject-" + username,
					Map.of("preferred_username", username, "amr", List.of("mfa")));
			HttpVisitor taker = new HttpVisitor(this.port);
			Page takeover = taker.open("/oauth2/authorization/ssolink-idp");
			assertThat(taker.visited.getLast().toString()).as(username).endsWith("/login?sso=accountInUse");
			assertThat(takeover.body()).contains("a login through an identity provider cannot take it over");
			assertThat(taker.get("/").location()).endsWith("/login");
		}
		assertThat(this.jdbc.sql("select count(*) from account_identity where subject like 'subject-ssolink-%'")
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * The outsider review of 2026-11-30 logged in as an HR account in daily use through a
	 * second provider of the organisation, after an administrator had reset its password
	 * (the guard then looked at the holder's own password only), and through a union's
	 * provider as an account the employer's provider had linked. A provider now links by
	 * username only an account nobody has logged in to and no provider has linked.
	 */
	@Test
	void noProviderTakesOverAnAccountSomebodyLoggedInToOrAnotherProviderLinked() throws Exception {
		long org = organisation("ssotake");
		addProvider(org, "ssotake-emp", "Employer", "ssotake", null, null, null, "");
		addProvider(org, "ssotake-union", "Union", "ssotakeu", null, null, null, "");
		// Anna logs in with the password an administrator gave her (never one of her
		// own).
		account(org, "ssotake-anna", "Anna", "{HR}");
		HttpVisitor anna = new HttpVisitor(this.port);
		anna.post("/login", anna.get("/login"), "username", "ssotake-anna", "password", PASSWORD);
		// Bo's account, made beforehand, was linked by the employer's provider at his
		// first
		// login.
		account(org, "ssotake-bo", "Bo", "{STAFF}");
		provider.next("ssotake", "subject-bo", Map.of("preferred_username", "ssotake-bo", "amr", List.of("pwd")));
		HttpVisitor bo = new HttpVisitor(this.port);
		bo.open("/oauth2/authorization/ssotake-emp");
		landed(bo, "/");

		for (String username : List.of("ssotake-anna", "ssotake-bo")) {
			provider.next("ssotakeu", "taker-" + username,
					Map.of("preferred_username", username, "amr", List.of("mfa")));
			HttpVisitor taker = new HttpVisitor(this.port);
			taker.open("/oauth2/authorization/ssotake-union");
			assertThat(taker.visited.getLast().toString()).as(username).endsWith("/login?sso=accountInUse");
			assertThat(taker.get("/").location()).as(username).endsWith("/login");
		}
		assertThat(this.jdbc.sql("select count(*) from account_identity where subject like 'taker-%'")
			.query(Integer.class)
			.single()).isZero();

		// An account made beforehand that nobody has used is still linked by its
		// username.
		account(org, "ssotake-cilla", "Cilla", "{STAFF}");
		provider.next("ssotakeu", "subject-cilla",
				Map.of("preferred_username", "ssotake-cilla", "amr", List.of("pwd")));
		HttpVisitor cilla = new HttpVisitor(this.port);
		cilla.open("/oauth2/authorization/ssotake-union");
		landed(cilla, "/");
	}

	@Test
	void groupsGiveEmployerRolesOnlyAndAForgedUnionGroupGivesNothing() throws Exception {
		long org = organisation("ssogroups");
		// The form refuses a mapping to a role that is not the employer's, naming the
		// line.
		OidcProviderForm forged = form("ssogroups-x", "X", provider.issuer("ssogroups"), null, "groups",
				"bryt-hr=HR\nbryt-union=UNION_REPRESENTATIVE", "", "");
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(forged, "form");
		this.providers.save(org, Side.EMPLOYER, null, forged, errors);
		assertThat(errors.getFieldError("groupRoles").getCode()).isEqualTo("ssoGroupRolesRole");
		assertThat(errors.getFieldError("groupRoles").getArguments()).containsExactly(2, "UNION_REPRESENTATIVE");

		addProvider(org, "ssogroups-idp", "Groups", "ssogroups", null, "groups", "bryt-hr=HR\nbryt-chefer=MANAGER", "");
		// Even a mapping written into the database behind the form's back gives no union,
		// safety representative or staff role.
		this.jdbc.sql("""
				update oidc_provider set group_roles = group_roles || E'\\nbryt-union=UNION_REPRESENTATIVE'
					|| E'\\nbryt-safety=SAFETY_REPRESENTATIVE' || E'\\nbryt-staff=STAFF'
				where registration_id = 'ssogroups-idp'
				""").update();

		provider.next("ssogroups", "subject-hanna",
				Map.of("preferred_username", "ssogroups-hanna", "amr", List.of("pwd"), "groups",
						List.of("bryt-hr", "bryt-union", "bryt-safety", "bryt-staff", "UNION_REPRESENTATIVE",
								"ROLE_UNION_REPRESENTATIVE", "ADMINISTRATOR")));
		HttpVisitor browser = new HttpVisitor(this.port);
		browser.open("/oauth2/authorization/ssogroups-idp");
		landed(browser, "/");
		assertThat(roles("ssogroups-hanna")).containsExactly("HR");
		assertThat(browser.get("/staff").status()).isEqualTo(200);
		assertThat(this.jdbc.sql("""
				select o.role, p.registration_id from account_role_origin o join oidc_provider p on p.id = o.provider_id
				join account a on a.id = o.account_id where a.username = 'ssogroups-hanna'
				""").query((rs, row) -> rs.getString(1) + "@" + rs.getString(2)).list())
			.containsExactly("HR@ssogroups-idp");

		// An administrator grants STAFF in Bryt; the account page shows each role's
		// origin.
		long hanna = id("ssogroups-hanna");
		long admin = account(org, "ssogroups-admin", "Greta Admin", "{ADMINISTRATOR}");
		Accounts accounts = this.accountsService;
		AccountForm change = new AccountForm("ssogroups-hanna", "Hanna", Set.of(Role.HR, Role.STAFF), null, true,
				Set.of(), "");
		BeanPropertyBindingResult accountErrors = new BeanPropertyBindingResult(change, "form");
		accounts.save(org, hanna, change, accountErrors, admin);
		assertThat(accountErrors.getAllErrors()).isEmpty();
		String page = this.mockMvc
			.perform(get("/admin/accounts/" + hanna)
				.with(user(this.accountRepository.findForLogin("ssogroups-admin").orElseThrow())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("HR: from the groups of the identity provider Groups",
				"Staff member: granted in Bryt by Greta Admin", "Logs in through: Groups");

		// The group gone at the provider: the role it gave goes at the next login; the
		// role
		// granted in Bryt stays.
		provider.next("ssogroups", "subject-hanna",
				Map.of("preferred_username", "ssogroups-hanna", "amr", List.of("pwd"), "groups", List.of()));
		new HttpVisitor(this.port).open("/oauth2/authorization/ssogroups-idp");
		assertThat(roles("ssogroups-hanna")).containsExactly("STAFF");
		// ... and the session that had HR no longer has it.
		assertThat(browser.get("/staff").location()).endsWith("/login");
	}

	@Test
	void aRecipientsLoginWithoutTheRequiredAmrIsRefusedAndOneWithMfaSkipsBrytsSecondFactor() throws Exception {
		long org = organisation("ssoamr");
		long rita = account(org, "ssoamr-rita", "Rita", "{STAFF}");
		account(org, "ssoamr-sven", "Sven", "{STAFF}");
		account(org, "ssoamr-ada", "Ada", "{ADMINISTRATOR}");
		long channel = this.jdbc.sql(
				"insert into voice_channel (organisation_id, kind, name) values (:org, 'WHISTLEBLOWING', 'W') returning id")
			.param("org", org)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into voice_channel_recipient (organisation_id, channel_id, account_id) values (:org, :c, :a)
				""").param("org", org).param("c", channel).param("a", rita).update();
		addProvider(org, "ssoamr-idp", "Amr", "ssoamr", null, null, null, "mfa");

		// A recipient with the password alone at the provider: refused, with a clear
		// page.
		provider.next("ssoamr", "subject-rita", Map.of("preferred_username", "ssoamr-rita", "amr", List.of("pwd")));
		HttpVisitor browser = new HttpVisitor(this.port);
		Page refused = browser.open("/oauth2/authorization/ssoamr-idp");
		assertThat(browser.visited.getLast().toString()).endsWith("/login?sso=strongerLogin");
		assertThat(refused.body())
			.contains("Your account can read reports or manage accounts, so it needs a " + "stronger login");
		assertThat(browser.get("/").location()).endsWith("/login");
		assertThat(sessionsOf("ssoamr-rita")).isZero();

		// With a second factor at the provider: in, without Bryt's own second factor.
		provider.next("ssoamr", "subject-rita",
				Map.of("preferred_username", "ssoamr-rita", "amr", List.of("pwd", "mfa")));
		HttpVisitor strong = new HttpVisitor(this.port);
		strong.open("/oauth2/authorization/ssoamr-idp");
		landed(strong, "/");
		assertThat(sessionsOf("ssoamr-rita")).isOne();

		// Someone who reads no report needs nothing more.
		provider.next("ssoamr", "subject-sven", Map.of("preferred_username", "ssoamr-sven", "amr", List.of("pwd")));
		HttpVisitor staff = new HttpVisitor(this.port);
		staff.open("/oauth2/authorization/ssoamr-idp");
		landed(staff, "/");

		// An administrator whose provider asks for nothing and shows one factor gets
		// Bryt's.
		this.jdbc.sql("update oidc_provider set required_amr = '{}' where registration_id = 'ssoamr-idp'").update();
		provider.next("ssoamr", "subject-ada", Map.of("preferred_username", "ssoamr-ada", "amr", List.of("pwd")));
		HttpVisitor admin = new HttpVisitor(this.port);
		admin.open("/oauth2/authorization/ssoamr-idp");
		landed(admin, "/login/second-factor");
		assertThat(admin.get("/admin/accounts").location()).endsWith("/login/second-factor");
	}

	/**
	 * The employee number claim links a new account to its staff member, never to one
	 * that another account holds (the outsider review: any provider login could take a
	 * colleague's staff record by claiming her number).
	 */
	@Test
	void anEmployeeNumberLinksOnlyAStaffMemberNoOtherAccountHolds() throws Exception {
		long org = organisation("ssoemp");
		OidcProviderForm withNumbers = new OidcProviderForm("ssoemp-idp", "Emp", provider.issuer("ssoemp"),
				"ssoemp-idp-client", null, false, "preferred_username", "employee_number", null, null, "", "", null,
				null);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(withNumbers, "form");
		this.providers.save(org, Side.EMPLOYER, null, withNumbers, errors);
		assertThat(errors.getAllErrors()).isEmpty();
		long unit = this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level) values (:org, 'U', 'Unit', 'UNIT') returning id
				""").param("org", org).query(Long.class).single();
		long ebba = staff(org, unit, "E1");
		long fritz = staff(org, unit, "E2");
		long held = account(org, "ssoemp-ebba", "Ebba", "{STAFF}");
		this.jdbc.sql("update account set staff_id = :staff where id = :id")
			.param("staff", ebba)
			.param("id", held)
			.update();

		provider.next("ssoemp", "subject-mallory",
				Map.of("preferred_username", "ssoemp-mallory", "employee_number", "E1", "amr", List.of("pwd")));
		HttpVisitor mallory = new HttpVisitor(this.port);
		mallory.open("/oauth2/authorization/ssoemp-idp");
		landed(mallory, "/");
		provider.next("ssoemp", "subject-fritz",
				Map.of("preferred_username", "ssoemp-fritz", "employee_number", "E2", "amr", List.of("pwd")));
		HttpVisitor fritzBrowser = new HttpVisitor(this.port);
		fritzBrowser.open("/oauth2/authorization/ssoemp-idp");
		landed(fritzBrowser, "/");

		assertThat(this.jdbc.sql("select count(*) from account where username = 'ssoemp-mallory' and staff_id is null")
			.query(Integer.class)
			.single()).isOne();
		assertThat(
				this.jdbc.sql("select staff_id from account where username = 'ssoemp-ebba'").query(Long.class).single())
			.isEqualTo(ebba);
		assertThat(this.jdbc.sql("select staff_id from account where username = 'ssoemp-fritz'")
			.query(Long.class)
			.single()).isEqualTo(fritz);
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

	@Test
	void theLogoutEndsTheSessionAndCallsTheProvidersEndSession() throws Exception {
		long org = organisation("ssoout");
		addProvider(org, "ssoout-idp", "Out", "ssoout", "another secret", null, null, "");
		provider.next("ssoout", "subject-olle", Map.of("preferred_username", "ssoout-olle", "amr", List.of("pwd")));
		HttpVisitor browser = new HttpVisitor(this.port);
		Page home = browser.open("/oauth2/authorization/ssoout-idp");
		landed(browser, "/");
		String session = browser.cookie("BRYT_SESSION");
		assertThat(sessionsOf("ssoout-olle")).isOne();
		provider.requests();

		// oidc: the page is Bryt's layout in the chosen language, with hashed assets.
		browser.cookie("bryt-lang", "sv");
		Page out = browser.post("/logout", home);
		// A page of Bryt's sends the browser on (a form's redirect to another site would
		// break the pages' form-action 'self').
		assertThat(out.status()).isEqualTo(200);
		assertThat(out.body())
			.contains("<html lang=\"sv\"", "<title>Du är utloggad från Bryt – Bryt</title>",
					"Fortsätt för att logga ut hos din identitetsleverantör", "govuk-footer")
			.containsPattern("/css/bryt-[0-9a-f]{32}\\.css")
			.doesNotContain("/css/bryt.css");
		assertThat(out.headers().get("cache-control")).anyMatch((value) -> value.contains("no-store"));
		// Asked for directly, the page has nothing to show.
		assertThat(new HttpVisitor(this.port).post("/logout/provider", null).status()).isIn(403, 404);
		Matcher endSession = Pattern.compile("id=\"provider-logout\" href=\"([^\"]+)\"").matcher(out.body());
		assertThat(endSession.find()).isTrue();
		String target = HtmlUtils.htmlUnescape(endSession.group(1));
		assertThat(target).startsWith(provider.issuer("ssoout") + "/endsession")
			.contains("id_token_hint=", "post_logout_redirect_uri=");
		assertThat(out.body()).contains("http-equiv=\"refresh\"");
		browser.cookie("bryt-lang", "en");
		Page back = browser.open(target);
		assertThat(back.body()).contains("You have logged out.");
		assertThat(provider.requests()).anyMatch((path) -> path.startsWith("/ssoout/endsession"));
		assertThat(sessionsOf("ssoout-olle")).isZero();
		browser.cookie("BRYT_SESSION", session);
		assertThat(browser.get("/").location()).endsWith("/login");
	}

	@Test
	void anOpenIdSessionEndsEightHoursAfterTheLogin() throws Exception {
		long org = organisation("ssoage");
		addProvider(org, "ssoage-idp", "Age", "ssoage", null, null, null, "");
		provider.next("ssoage", "subject-ebba", Map.of("preferred_username", "ssoage-ebba", "amr", List.of("pwd")));
		HttpVisitor browser = new HttpVisitor(this.port);
		browser.open("/oauth2/authorization/ssoage-idp");
		assertThat(browser.get("/").status()).isEqualTo(200);
		String id = new String(Base64.getDecoder().decode(browser.cookie("BRYT_SESSION")), StandardCharsets.UTF_8);
		this.jdbc.sql("""
				update spring_session set creation_time = :now - :age, last_access_time = :now - 60000
				where session_id = :id""")
			.param("now", System.currentTimeMillis())
			.param("age", Duration.ofHours(8).plusMinutes(1).toMillis())
			.param("id", id)
			.update();
		assertThat(browser.get("/").location()).endsWith("/login");
	}

	@Test
	void localPasswordsSwitchedOffRefuseTheFormAndTellOnlyWhoKnowsThePassword() throws Exception {
		long org = organisation("ssolocal");
		account(org, "ssolocal-petra", "Petra", "{STAFF}");
		// Not without a provider: nobody could log in.
		assertThat(this.providers.localPasswords(org, false)).isFalse();
		addProvider(org, "ssolocal-idp", "Local", "ssolocal", null, null, null, "");
		assertThat(this.providers.localPasswords(org, false)).isTrue();

		HttpVisitor browser = new HttpVisitor(this.port);
		Page form = browser.get("/login");
		Page right = browser.post("/login", form, "username", "ssolocal-petra", "password", PASSWORD);
		assertThat(right.location()).endsWith("/login?localOff");
		assertThat(browser.follow(right).body()).contains("your organisation has switched Bryt passwords off");
		assertThat(browser.get("/").location()).endsWith("/login");
		Page wrong = browser.post("/login", browser.get("/login"), "username", "ssolocal-petra", "password",
				"not the password at all");
		assertThat(wrong.location()).endsWith("/login?error");

		// On again, the same password logs in.
		assertThat(this.providers.localPasswords(org, true)).isTrue();
		Page again = browser.post("/login", browser.get("/login"), "username", "ssolocal-petra", "password", PASSWORD);
		assertThat(again.location()).endsWith("/");
	}

	@Test
	void publicPagesNeverAskForALogin() throws Exception {
		long org = organisation("ssopublic");
		addProvider(org, "ssopublic-idp", "Public", "ssopublic", null, null, null, "");
		HttpVisitor visitor = new HttpVisitor(this.port);
		for (String path : List.of("/report", "/report/exempelby", "/s", "/safety/r/exempelby")) {
			Page page = visitor.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.location()).as(path).isNull();
			assertThat(page.body()).as(path).doesNotContain("/oauth2/authorization/");
		}
		assertThat(visitor.cookie("BRYT_SESSION")).isNull();
		assertThat(visitor.visited).noneMatch((uri) -> uri.getPath().startsWith("/login"));
	}

	// oidc (issue 16, the open single sign-on findings)

	/**
	 * Switching local passwords off ends the sessions begun with a password in the
	 * organisation; the same account's session through the provider keeps working, and
	 * another organisation's password sessions are untouched.
	 */
	@Test
	void switchingLocalPasswordsOffEndsThePasswordSessionsAndKeepsTheProvidersOnes() throws Exception {
		long org = organisation("ssooff");
		long other = organisation("ssooffo");
		account(org, "ssooff-petra", "Petra", "{STAFF}");
		account(other, "ssooffo-quinn", "Quinn", "{STAFF}");
		addProvider(org, "ssooff-idp", "Off", "ssooff", null, null, null, "");

		// Petra made beforehand, never used by her: the provider links her account (an
		// access change, which ends her sessions: the password login comes after it).
		provider.next("ssooff", "subject-petra", Map.of("preferred_username", "ssooff-petra", "amr", List.of("pwd")));
		HttpVisitor throughProvider = new HttpVisitor(this.port);
		throughProvider.open("/oauth2/authorization/ssooff-idp");
		landed(throughProvider, "/");
		HttpVisitor withPassword = new HttpVisitor(this.port);
		Page in = withPassword.post("/login", withPassword.get("/login"), "username", "ssooff-petra", "password",
				PASSWORD);
		assertThat(in.location()).endsWith("/");
		HttpVisitor otherOrganisation = new HttpVisitor(this.port);
		otherOrganisation.post("/login", otherOrganisation.get("/login"), "username", "ssooffo-quinn", "password",
				PASSWORD);
		assertThat(sessionsOf("ssooff-petra")).isEqualTo(2);
		assertThat(withPassword.get("/").status()).isEqualTo(200);

		assertThat(this.providers.localPasswords(org, false)).isTrue();

		assertThat(withPassword.get("/").location()).endsWith("/login");
		assertThat(throughProvider.get("/").status()).isEqualTo(200);
		assertThat(sessionsOf("ssooff-petra")).isOne();
		assertThat(otherOrganisation.get("/").status()).isEqualTo(200);
	}

	/**
	 * A provider that serves other organisations too (a multi-tenant Entra ID
	 * application, a shared broker) logs in only tokens that carry the required claim
	 * with its value: one with another value or without the claim is refused with a clear
	 * page, before any account is made or linked, and without a session.
	 */
	@Test
	void aRequiredClaimTiesTheProvidersLoginsToTheOrganisation() throws Exception {
		long org = organisation("ssotid");
		// Both or neither.
		OidcProviderForm half = new OidcProviderForm("ssotid-x", "X", provider.issuer("ssotid"), "x", null, false,
				"preferred_username", null, null, null, "", "", "tid", " ");
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(half, "form");
		this.providers.save(org, Side.EMPLOYER, null, half, errors);
		assertThat(errors.getFieldError("requiredClaimValue").getCode()).isEqualTo("ssoRequiredClaimValue");
		OidcProviderForm other = new OidcProviderForm("ssotid-x", "X", provider.issuer("ssotid"), "x", null, false,
				"preferred_username", null, null, null, "", "", "", "a value");
		errors = new BeanPropertyBindingResult(other, "form");
		this.providers.save(org, Side.EMPLOYER, null, other, errors);
		assertThat(errors.getFieldError("requiredClaim").getCode()).isEqualTo("ssoRequiredClaim");
		assertThat(this.providerRows.findByRegistrationId("ssotid-x")).isEmpty();

		OidcProviderForm tied = new OidcProviderForm("ssotid-idp", "SSOtid Entra ID", provider.issuer("ssotid"),
				"ssotid-idp-client", null, false, "preferred_username", null, null, null, "", "", "tid", "tenant-ekby");
		errors = new BeanPropertyBindingResult(tied, "form");
		this.providers.save(org, Side.EMPLOYER, null, tied, errors);
		assertThat(errors.getAllErrors()).isEmpty();
		assertThat(OidcProviderForm.of(this.providerRows.findByRegistrationId("ssotid-idp").orElseThrow()))
			.extracting(OidcProviderForm::requiredClaim, OidcProviderForm::requiredClaimValue)
			.containsExactly("tid", "tenant-ekby");

		// oidc: a label that names the organisation is not followed by its name again.
		assertThat(new HttpVisitor(this.port).get("/login").body()).contains("Log in with SSOtid Entra ID<")
			.doesNotContain("SSOtid Entra ID (ssotid)");

		// Another tenant's token, and one without the claim: refused, nothing made.
		List<Map<String, Object>> refusedClaims = List.of(
				Map.of("preferred_username", "ssotid-eve", "amr", List.of("pwd"), "tid", "tenant-other"),
				Map.of("preferred_username", "ssotid-eve", "amr", List.of("pwd")));
		for (Map<String, Object> claims : refusedClaims) {
			provider.next("ssotid", "subject-eve", claims);
			HttpVisitor eve = new HttpVisitor(this.port);
			Page refused = eve.open("/oauth2/authorization/ssotid-idp");
			assertThat(eve.visited.getLast().toString()).as("%s", claims).endsWith("/login?sso=otherTenant");
			assertThat(refused.body()).contains("The identity provider logged you in for another organisation");
			assertThat(eve.get("/").location()).endsWith("/login");
		}
		assertThat(this.jdbc.sql("select count(*) from account where username = 'ssotid-eve'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from account_identity where subject = 'subject-eve'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(sessionsOf("ssotid-eve")).isZero();

		// The organisation's own tenant: in.
		provider.next("ssotid", "subject-eve",
				Map.of("preferred_username", "ssotid-eve", "amr", List.of("pwd"), "tid", "tenant-ekby"));
		HttpVisitor eve = new HttpVisitor(this.port);
		eve.open("/oauth2/authorization/ssotid-idp");
		landed(eve, "/");
		assertThat(sessionsOf("ssotid-eve")).isOne();
	}

	/**
	 * A holder whose account is in use (their own password) links it to their
	 * organisation's provider themselves, with their password: the provider's next login
	 * links its identity to this account, whatever username it sends, and the account's
	 * standings go on. The same identity cannot then be linked to another account, nor
	 * can another organisation's provider be chosen, nor a wrong password start a link.
	 */
	@Test
	void aHolderLinksTheirOwnAccountInUseThroughTheProvider() throws Exception {
		long org = organisation("ssoown");
		long otherOrg = organisation("ssoowno");
		long hanna = account(org, "ssoown-hanna", "Hanna Holm", "{HR}");
		long ivar = account(org, "ssoown-ivar", "Ivar", "{STAFF}");
		this.jdbc.sql("""
				update account set password_set_by_holder_at = now() - interval '40 days',
					access_changed_at = now() - interval '50 days'
				where id in (:ids)
				""").param("ids", List.of(hanna, ivar)).update();
		addProvider(org, "ssoown-idp", "Ekby kommun", "ssoown", null, null, null, "");
		addProvider(otherOrg, "ssoowno-idp", "Another", "ssoowno", null, null, null, "");
		long otherProvider = this.providerRows.findByRegistrationId("ssoowno-idp").orElseThrow().id();
		long ownProvider = this.providerRows.findByRegistrationId("ssoown-idp").orElseThrow().id();
		Map<String, Object> before = standing(hanna);

		// Today's rule stands: the provider alone cannot take the account over.
		provider.next("ssoown", "subject-hanna",
				Map.of("preferred_username", "ssoown-hanna", "amr", List.of("pwd", "mfa")));
		HttpVisitor taker = new HttpVisitor(this.port);
		taker.open("/oauth2/authorization/ssoown-idp");
		assertThat(taker.visited.getLast().toString()).endsWith("/login?sso=accountInUse");

		HttpVisitor browser = new HttpVisitor(this.port);
		browser.post("/login", browser.get("/login"), "username", "ssoown-hanna", "password", PASSWORD);
		assertThat(browser.get("/account/password").body()).contains("/account/sign-in");
		Page page = browser.get("/account/sign-in");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Ekby kommun").doesNotContain("Another");

		// A wrong password, another organisation's provider: no link starts.
		Page wrong = browser.post("/account/sign-in", page, "providerId", String.valueOf(ownProvider), "password",
				"not the password at all");
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("This is not your current password.");
		Page foreign = browser.post("/account/sign-in", page, "providerId", String.valueOf(otherProvider), "password",
				PASSWORD);
		assertThat(foreign.status()).isEqualTo(200);
		assertThat(foreign.body()).contains("Choose an identity provider.");

		// Her password, her provider: the provider's login links her work identity (its
		// username is not hers in Bryt) to her account.
		Page toProvider = browser.post("/account/sign-in", page, "providerId", String.valueOf(ownProvider), "password",
				PASSWORD);
		assertThat(toProvider.location()).endsWith("/oauth2/authorization/ssoown-idp");
		provider.next("ssoown", "subject-hanna-work",
				Map.of("preferred_username", "hanna.holm@ekby.se", "amr", List.of("pwd", "mfa")));
		browser.follow(toProvider);
		landed(browser, "/");
		assertThat(this.jdbc.sql("select account_id from account_identity where subject = 'subject-hanna-work'")
			.query(Long.class)
			.single()).isEqualTo(hanna);
		assertThat(this.jdbc.sql("select count(*) from account where username = 'hanna.holm@ekby.se'")
			.query(Integer.class)
			.single()).isZero();
		// The holder's own act: her standings go on.
		assertThat(standing(hanna)).isEqualTo(before);

		// From now on the provider logs her in, in a new browser.
		provider.next("ssoown", "subject-hanna-work",
				Map.of("preferred_username", "hanna.holm@ekby.se", "amr", List.of("pwd", "mfa")));
		HttpVisitor later = new HttpVisitor(this.port);
		Page home = later.open("/oauth2/authorization/ssoown-idp");
		landed(later, "/");
		assertThat(home.body()).contains("Hanna Holm");

		// Ivar cannot link the identity that is hers: refused on his page, still logged
		// in, nothing linked.
		HttpVisitor ivarBrowser = new HttpVisitor(this.port);
		ivarBrowser.post("/login", ivarBrowser.get("/login"), "username", "ssoown-ivar", "password", PASSWORD);
		Page ivarPage = ivarBrowser.get("/account/sign-in");
		Page ivarToProvider = ivarBrowser.post("/account/sign-in", ivarPage, "providerId", String.valueOf(ownProvider),
				"password", PASSWORD);
		provider.next("ssoown", "subject-hanna-work",
				Map.of("preferred_username", "hanna.holm@ekby.se", "amr", List.of("pwd", "mfa")));
		Page refused = ivarBrowser.follow(ivarToProvider);
		assertThat(ivarBrowser.visited.getLast().toString()).endsWith("/account/sign-in?refused=identityElsewhere");
		assertThat(refused.body()).contains("already linked to another account in Bryt");
		assertThat(this.jdbc.sql("select count(*) from account_identity where account_id = :id")
			.param("id", ivar)
			.query(Integer.class)
			.single()).isZero();
		assertThat(ivarBrowser.get("/").status()).isEqualTo(200);
	}

	private Map<String, Object> standing(long accountId) {
		return this.jdbc
			.sql("select access_changed_at, password_set_by_holder_at, created_at from account where id = :id")
			.param("id", accountId)
			.query()
			.singleRow();
	}

	// --- helpers

	static final String PASSWORD = "Fjord-Lichen-Quartz-7318";

	@Autowired
	private Accounts accountsService;

	@Autowired
	private AccountRepository accountRepository;

	@Autowired
	private MockMvc mockMvc;

	/** Where the browser ended, with every address on the way in the message. */
	private static void landed(HttpVisitor browser, String path) {
		assertThat(browser.visited.getLast().getPath()).as("%s", browser.visited).isEqualTo(path);
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
		return this.jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private List<String> roles(String username) {
		return this.jdbc.sql("select unnest(roles) from account where username = :u order by 1")
			.param("u", username)
			.query(String.class)
			.list();
	}

	private int sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :u")
			.param("u", username)
			.query(Integer.class)
			.single();
	}

	private void addProvider(long org, String registrationId, String label, String issuerId, String secret,
			String groupClaim, String groupRoles, String requiredAmr) {
		OidcProviderForm form = form(registrationId, label, provider.issuer(issuerId), secret, groupClaim, groupRoles,
				"", requiredAmr);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
		this.providers.save(org, Side.EMPLOYER, null, form, errors);
		assertThat(errors.getAllErrors()).isEmpty();
		assertThat(this.providerRows.findByRegistrationId(registrationId)).isPresent();
	}

	private static OidcProviderForm form(String registrationId, String label, String issuer, String secret,
			String groupClaim, String groupRoles, String requiredAcr, String requiredAmr) {
		return new OidcProviderForm(registrationId, label, issuer, registrationId + "-client", secret, false,
				"preferred_username", null, groupClaim, groupRoles, requiredAcr, requiredAmr, null, null);
	}

}
