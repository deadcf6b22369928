package bryt.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import bryt.BrytTest;
import bryt.FormErrors;
import bryt.shared.DemoMode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The second factor at login, through the real filter chain and session store: every
 * request carries only the cookies the previous answers set, as a browser would.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SecondFactorTests {

	private static final OrganisationProperties SECOND_FACTOR_REQUIRED = new OrganisationProperties(
			new OrganisationProperties.SecondFactor(true), new OrganisationProperties.AccountLimits(20));

	private static final String PREFIX = "totp";

	private static final String FORM = "/login/second-factor";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private SecondFactorRepository secondFactorRepository;

	@Autowired
	private OrganisationRepository organisations;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	private OrganisationFixture.Ids ids;

	private String hash;

	@BeforeAll
	void createOrganisation() {
		this.ids = this.fixture.create(PREFIX);
		this.hash = this.passwordEncoder.encode(DemoMode.PASSWORD);
	}

	@Test
	void anAdministratorReachesNoPageWithThePasswordAlone() throws Exception {
		account("totp-admin1", Role.ADMINISTRATOR);
		Browser browser = new Browser();
		MvcResult login = browser.logIn("totp-admin1");
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo(FORM);
		for (String page : List.of("/", "/admin/accounts", "/admin/units", "/staff", "/voice", "/workload",
				"/account/password", "/admin/voice/channels", "/admin/api-tokens")) {
			MvcResult result = browser.perform(get(page));
			assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(page).isEqualTo(FORM);
		}
		assertThat(browser.perform(post("/admin/accounts").with(csrf()).param("username", "sneaky"))
			.getResponse()
			.getRedirectedUrl()).isEqualTo(FORM);
		assertThat(browser.perform(get("/api/v1/organisations/" + PREFIX + "/workload")).getResponse().getStatus())
			.isEqualTo(401);
		assertThat(count("select count(*) from account where username = 'sneaky'")).isZero();
	}

	@Test
	void aRecipientOfReportsNeedsASecondFactorAndOtherStaffDoNot() throws Exception {
		long recipient = account("totp-recipient", Role.STAFF);
		long channel = this.jdbc.sql("""
				insert into voice_channel (organisation_id, kind, name) values (:org, 'WORK_ENVIRONMENT', 'Totp')
				returning id
				""").param("org", this.ids.organisation()).query(Long.class).single();
		this.jdbc
			.sql("""
					insert into voice_channel_recipient (organisation_id, channel_id, account_id) values (:org, :channel, :id)
					""")
			.param("org", this.ids.organisation())
			.param("channel", channel)
			.param("id", recipient)
			.update();
		Browser browser = new Browser();
		assertThat(browser.logIn("totp-recipient").getResponse().getRedirectedUrl()).isEqualTo(FORM);
		assertThat(browser.perform(get("/voice")).getResponse().getRedirectedUrl()).isEqualTo(FORM);

		Browser staff = new Browser();
		assertThat(staff.logIn(PREFIX + "-staff").getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(staff.perform(get("/")).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void enrolmentConfirmedWithOneCodeLogsInAndShowsTheRecoveryCodesOnce(CapturedOutput output) throws Exception {
		long id = account("totp-admin2", Role.ADMINISTRATOR);
		Browser browser = new Browser();
		browser.logIn("totp-admin2");
		String page = browser.perform(get(FORM)).getResponse().getContentAsString();
		String secret = secret(page);
		assertThat(page).contains("data:image/png;base64,");
		// Reloading the page shows the same key until it is confirmed.
		assertThat(secret(browser.perform(get(FORM)).getResponse().getContentAsString())).isEqualTo(secret);
		Map<String, String> sessionBefore = Map.copyOf(browser.cookies);
		assertThat(sessionBefore).isNotEmpty();

		String wrong = wrongCode(secret);
		assertThat(browser.perform(post(FORM + "/enrol").with(csrf()).param("code", wrong))
			.getResponse()
			.getContentAsString()).contains("That code is not right");
		assertThat(browser.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo(FORM);

		String code = code(secret, 0);
		MvcResult enrolled = browser.perform(post(FORM + "/enrol").with(csrf()).param("code", code));
		List<String> recoveryCodes = recoveryCodes(enrolled.getResponse().getContentAsString());
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(browser.cookies).as("a new session id after the second factor").isNotEqualTo(sessionBefore);
		assertThat(browser.perform(get("/admin/accounts")).getResponse().getStatus()).isEqualTo(200);

		// Kept: the secret (never logged) and the hashes of the recovery codes only.
		assertThat(count("select count(*) from account_recovery_code where account_id = " + id)).isEqualTo(10);
		List<String> stored = this.jdbc
			.sql("select encode(code_hash, 'hex') from account_recovery_code where account_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(stored).containsExactlyInAnyOrderElementsOf(
				recoveryCodes.stream().map((recoveryCode) -> sha256Hex(recoveryCode.replace("-", ""))).toList());
		recoveryCodes.forEach((recoveryCode) -> assertThat(output.getAll()).doesNotContain(recoveryCode));
		assertThat(output.getAll()).doesNotContain(secret).doesNotContain(code);

		// The recovery codes are not shown again: the form now asks for a code.
		Browser again = new Browser();
		again.logIn("totp-admin2");
		String form = again.perform(get(FORM)).getResponse().getContentAsString();
		assertThat(form).contains("Second step of the login").doesNotContain(secret);
		recoveryCodes.forEach((recoveryCode) -> assertThat(form).doesNotContain(recoveryCode));
	}

	@Test
	void aWrongOrReplayedCodeIsRefused() throws Exception {
		account("totp-admin3", Role.ADMINISTRATOR);
		Browser first = new Browser();
		String secret = enrol(first, "totp-admin3");

		Browser second = new Browser();
		second.logIn("totp-admin3");
		assertThat(second.perform(post(FORM).with(csrf()).param("code", wrongCode(secret)))
			.getResponse()
			.getContentAsString()).contains("That code is not right");
		assertThat(second.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo(FORM);
		String code = code(secret, 1);
		assertThat(second.perform(post(FORM).with(csrf()).param("code", code)).getResponse().getRedirectedUrl())
			.isEqualTo("/");
		assertThat(second.perform(get("/")).getResponse().getStatus()).isEqualTo(200);

		// The same code once more, within its 30 seconds: refused.
		Browser replay = new Browser();
		replay.logIn("totp-admin3");
		assertThat(replay.perform(post(FORM).with(csrf()).param("code", code)).getResponse().getContentAsString())
			.contains("That code is not right");
		assertThat(replay.perform(get("/admin/accounts")).getResponse().getRedirectedUrl()).isEqualTo(FORM);
	}

	@Test
	void aRecoveryCodeWorksOnce() throws Exception {
		account("totp-admin4", Role.ADMINISTRATOR);
		Browser first = new Browser();
		enrol(first, "totp-admin4");
		String recoveryCode = first.lastRecoveryCodes.get(3);

		Browser second = new Browser();
		second.logIn("totp-admin4");
		assertThat(second.perform(post(FORM).with(csrf()).param("code", recoveryCode.toUpperCase()))
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/");
		assertThat(second.perform(get("/admin/accounts")).getResponse().getStatus()).isEqualTo(200);

		Browser third = new Browser();
		third.logIn("totp-admin4");
		assertThat(
				third.perform(post(FORM).with(csrf()).param("code", recoveryCode)).getResponse().getContentAsString())
			.contains("That code is not right");
		assertThat(third.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo(FORM);
		// Another one still works.
		assertThat(third.perform(post(FORM).with(csrf()).param("code", first.lastRecoveryCodes.get(4)))
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void guessingIsSlowedDownAfterFiveWrongCodes() throws Exception {
		account("totp-admin5", Role.ADMINISTRATOR);
		Browser first = new Browser();
		String secret = enrol(first, "totp-admin5");
		Browser guesser = new Browser();
		guesser.logIn("totp-admin5");
		for (int i = 0; i < 5; i++) {
			assertThat(guesser.perform(post(FORM).with(csrf()).param("code", wrongCode(secret)))
				.getResponse()
				.getContentAsString()).contains("That code is not right");
		}
		// Now even the right code has to wait.
		assertThat(guesser.perform(post(FORM).with(csrf()).param("code", code(secret, 1)))
			.getResponse()
			.getContentAsString()).contains("Too many wrong codes");
		assertThat(guesser.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo(FORM);
	}

	@Test
	void theDemoAccountsLogInWithoutACodeInDemoModeButNoOtherAdministratorThere() throws Exception {
		for (DemoMunicipality.DemoAccount demo : DemoMunicipality.ACCOUNTS) {
			Browser browser = new Browser();
			assertThat(browser.logIn(demo.username()).getResponse().getRedirectedUrl()).as(demo.username())
				.isEqualTo("/");
			assertThat(browser.perform(get("/")).getResponse().getStatus()).as(demo.username()).isEqualTo(200);
		}
		long demoOrganisation = this.organisations.findByCode(DemoMunicipality.CODE).orElseThrow().id();
		this.accounts.create(demoOrganisation, "exempelby-admin2", "Second admin", EnumSet.of(Role.ADMINISTRATOR), null,
				true, Set.of(), this.hash);
		assertThat(new Browser().logIn("exempelby-admin2").getResponse().getRedirectedUrl()).isEqualTo(FORM);
	}

	/**
	 * The review's attack: an administrator renamed a demo account and gave its username
	 * to an administrator of their own. The exemption holds only with the published
	 * password, which no one can set.
	 */
	@Test
	void aDemoUsernameWithAnotherPasswordIsNotExempt() {
		String username = DemoMunicipality.ACCOUNTS.get(0).username();
		CurrentAccount account = (CurrentAccount) this.users.loadUserByUsername(username);
		SecondFactors demo = new SecondFactors(this.secondFactorRepository, this.organisations, List.of(),
				new DemoMode(true), this.clock, SECOND_FACTOR_REQUIRED, this.accounts, this.passwordEncoder,
				(event) -> {
				});
		assertThat(demo.demoExempt(account)).isTrue();
		String published = this.jdbc.sql("select password_hash from account where id = :id")
			.param("id", account.accountId())
			.query(String.class)
			.single();
		try {
			this.jdbc.sql("update account set password_hash = :hash where id = :id")
				.param("hash", this.passwordEncoder.encode("a long passphrase of someone else 4711"))
				.param("id", account.accountId())
				.update();
			assertThat(demo.demoExempt(account)).isFalse();
		}
		finally {
			this.jdbc.sql("update account set password_hash = :hash where id = :id")
				.param("hash", published)
				.param("id", account.accountId())
				.update();
		}
	}

	@Test
	void withoutDemoModeTheDemoAdministratorNeedsASecondFactor() {
		CurrentAccount admin = (CurrentAccount) this.users.loadUserByUsername("admin");
		SecondFactors demo = new SecondFactors(this.secondFactorRepository, this.organisations, List.of(),
				new DemoMode(true), this.clock, SECOND_FACTOR_REQUIRED, this.accounts, this.passwordEncoder,
				(event) -> {
				});
		SecondFactors production = new SecondFactors(this.secondFactorRepository, this.organisations, List.of(),
				new DemoMode(false), this.clock, SECOND_FACTOR_REQUIRED, this.accounts, this.passwordEncoder,
				(event) -> {
				});
		assertThat(demo.stepAfterPassword(admin)).isEqualTo(SecondFactors.Step.NONE);
		assertThat(production.stepAfterPassword(admin)).isEqualTo(SecondFactors.Step.ENROL);
	}

	@Test
	void anAdministratorResetsASecondFactorAndNothingElse() throws Exception {
		long id = account("totp-lost-phone", Role.MANAGER, Role.ADMINISTRATOR);
		this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
			.param("org", this.ids.organisation())
			.param("id", id)
			.param("unit", this.ids.a())
			.update();
		Browser owner = new Browser();
		String secret = enrol(owner, "totp-lost-phone");
		Map<String, Object> before = accountRow(id);
		// Logged in with the factor that is about to be reset (the phone that was lost).
		Browser phone = new Browser();
		phone.logIn("totp-lost-phone");
		phone.perform(post(FORM).with(csrf()).param("code", code(secret, 1)));
		assertThat(phone.perform(get("/")).getResponse().getStatus()).isEqualTo(200);

		account("totp-admin6", Role.ADMINISTRATOR);
		this.mvc
			.perform(post("/admin/accounts/" + id + "/second-factor/reset")
				.with(user(this.users.loadUserByUsername("totp-admin6")))
				.with(csrf()))
			.andReturn();
		assertThat(count("select count(*) from account_second_factor where account_id = " + id)).isZero();
		assertThat(count("select count(*) from account_recovery_code where account_id = " + id)).isZero();
		assertThat(accountRow(id)).isEqualTo(before);
		// Its sessions ended with the reset.
		assertThat(phone.perform(get("/")).getResponse().getRedirectedUrl()).endsWith("/login");

		// The next login sets up a new key; the old one no longer counts.
		Browser next = new Browser();
		next.logIn("totp-lost-phone");
		String page = next.perform(get(FORM)).getResponse().getContentAsString();
		assertThat(page).contains("Set up your second factor");
		assertThat(secret(page)).isNotEqualTo(secret);
	}

	@Test
	void anAdministratorOfAnotherOrganisationCannotResetIt() throws Exception {
		long id = account("totp-admin7", Role.ADMINISTRATOR);
		enrol(new Browser(), "totp-admin7");
		int status = this.mvc
			.perform(post("/admin/accounts/" + id + "/second-factor/reset")
				.with(user(this.users.loadUserByUsername("admin")))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(404);
		assertThat(count("select count(*) from account_second_factor where account_id = " + id)).isEqualTo(1);
	}

	/**
	 * Issue 11 (pages, forms): a wrong code, at the enrolment and at the login, comes
	 * back like every form's error: "Error:" in the title, the summary linking to the
	 * code field, which is marked.
	 */
	@Test
	void aWrongCodeIsSummarisedWithALinkToTheMarkedField() throws Exception {
		account("totp-forms", Role.ADMINISTRATOR);
		Browser enrolling = new Browser();
		enrolling.logIn("totp-forms");
		String secret = secret(enrolling.perform(get(FORM)).getResponse().getContentAsString());
		String enrolment = enrolling.perform(post(FORM + "/enrol").with(csrf()).param("code", wrongCode(secret)))
			.getResponse()
			.getContentAsString();
		FormErrors.assertLinks(Jsoup.parse(enrolment), "Error: ", "code");
		assertThat(enrolment).contains("That code is not right");

		account("totp-forms2", Role.ADMINISTRATOR);
		String enrolled = enrol(new Browser(), "totp-forms2");
		Browser second = new Browser();
		second.logIn("totp-forms2");
		assertThat(second.perform(get(FORM)).getResponse().getContentAsString()).doesNotContain("govuk-error-summary");
		String check = second.perform(post(FORM).with(csrf()).param("code", wrongCode(enrolled)))
			.getResponse()
			.getContentAsString();
		FormErrors.assertLinks(Jsoup.parse(check), "Error: ", "code");
	}

	private long account(String username, Role... roles) {
		EnumSet<Role> set = EnumSet.of(roles[0], roles);
		return this.accounts.create(this.ids.organisation(), username, username, set, null, true, Set.of(), this.hash);
	}

	/** Sets up the second factor at login; the browser is then logged in. */
	private String enrol(Browser browser, String username) throws Exception {
		browser.logIn(username);
		String secret = secret(browser.perform(get(FORM)).getResponse().getContentAsString());
		MvcResult enrolled = browser.perform(post(FORM + "/enrol").with(csrf()).param("code", code(secret, 0)));
		browser.lastRecoveryCodes = recoveryCodes(enrolled.getResponse().getContentAsString());
		assertThat(browser.lastRecoveryCodes).hasSize(10);
		browser.perform(post("/logout").with(csrf()));
		return secret;
	}

	/** The code of the current 30-second step plus the offset, as an app computes it. */
	private static String code(String secret, int offset) throws Exception {
		long step = System.currentTimeMillis() / 1000 / 30 + offset;
		return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
	}

	/** Six digits that are no code of the steps around now. */
	private static String wrongCode(String secret) throws Exception {
		Set<String> valid = new HashSet<>();
		for (int offset = -2; offset <= 3; offset++) {
			valid.add(code(secret, offset));
		}
		for (int candidate = 123456;; candidate++) {
			if (!valid.contains(String.valueOf(candidate))) {
				return String.valueOf(candidate);
			}
		}
	}

	private static String secret(String page) {
		Matcher matcher = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>").matcher(page);
		assertThat(matcher.find()).as("a key on the page").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	private static List<String> recoveryCodes(String page) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>").matcher(page);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private Map<String, Object> accountRow(long id) {
		Map<String, Object> row = new LinkedHashMap<>(this.jdbc.sql(
				"select username, display_name, password_hash, roles::text, staff_id, enabled from account where id = :id")
			.param("id", id)
			.query()
			.singleRow());
		row.put("units", this.accounts.coveredUnitIds(id));
		return row;
	}

	/** Keeps the cookies the answers set, and nothing else, between requests. */
	private final class Browser {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		private List<String> lastRecoveryCodes = List.of();

		MvcResult logIn(String username) throws Exception {
			perform(get("/login"));
			return perform(
					post("/login").with(csrf()).param("username", username).param("password", DemoMode.PASSWORD));
		}

		MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
			if (!this.cookies.isEmpty()) {
				request.cookie(this.cookies.entrySet()
					.stream()
					.map((cookie) -> new Cookie(cookie.getKey(), cookie.getValue()))
					.toArray(Cookie[]::new));
			}
			MvcResult result = SecondFactorTests.this.mvc.perform(request).andReturn();
			for (Cookie cookie : result.getResponse().getCookies()) {
				if (cookie.getMaxAge() == 0) {
					this.cookies.remove(cookie.getName());
				}
				else {
					this.cookies.put(cookie.getName(), cookie.getValue());
				}
			}
			return result;
		}

	}

}
