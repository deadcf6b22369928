package bryt.voice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import bryt.BrytTest;
import bryt.shared.security.RateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Items 9 and 10 of the Trust issue on the Voice pages: the key unlock under the login's
 * limit, and the reporting limits shared by all instances through PostgreSQL.
 */
@BrytTest
class VoiceLimitsTests {

	private static final String BUSY = "Too many reports and messages are being sent to this organisation right now.";

	private static final RequestPostProcessor ADDRESS = (request) -> {
		request.setRemoteAddr("192.0.2.20");
		return request;
	};

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	/**
	 * The demo organisation's budgets are shared with the other tests: full, and their
	 * minute starting, before and after each test here.
	 */
	@BeforeEach
	@AfterEach
	void refill() {
		this.jdbc.sql("delete from rate_limit_bucket where id in (:ids)")
			.param("ids", java.util.List.of("voice submissions " + org(), "voice wrong receipts " + org()))
			.update();
	}

	@Test
	void theKeyUnlockIsLimitedLikeTheLogin() throws Exception {
		this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, enabled)
				values (:org, 'limits-recipient', 'Recipient', :hash, '{HR}', true)
				""").param("org", org()).param("hash", this.passwordEncoder.encode("demo")).update();
		var me = user(this.users.loadUserByUsername("limits-recipient"));
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/voice/unlock").param("password", "not mine").with(me).with(csrf()).with(ADDRESS))
				.andExpect(flash().attribute("wrongPassword", true));
		}
		// The session lives in the database (Spring Session): its cookie carries the
		// message to the page the browser is sent to.
		String setCookie = this.mvc
			.perform(post("/voice/unlock").param("password", "demo").with(me).with(csrf()).with(ADDRESS))
			.andExpect(flash().attribute("tooManyPasswordAttempts", 1L))
			.andExpect(flash().attribute("wrongPassword", false))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		String pair = setCookie.substring(0, setCookie.indexOf(';'));
		Cookie session = new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		assertThat(this.jdbc.sql("""
				select count(*) from voice_recipient_key k join account a on a.id = k.account_id
				where a.username = 'limits-recipient'
				""").query(Long.class).single()).as("the right password was not even looked at").isZero();
		assertThat(
				this.mvc.perform(get("/voice").cookie(session).with(me)).andReturn().getResponse().getContentAsString())
			.contains("Too many wrong passwords for this account. Wait 1 min and try again");
	}

	@Test
	void submissionsBeyondTheSharedBudgetAreRefusedWithAClearPage() throws Exception {
		// Another instance on the same database uses up this minute's budget.
		RateLimits.Limit otherInstance = new RateLimits(this.dataSource, Clock.systemUTC())
			.perMinuteAnonymous("voice submissions", 60);
		int taken = 0;
		while (otherInstance.tryAcquire(String.valueOf(org())) && taken < 1000) {
			taken++;
		}
		assertThat(taken).isEqualTo(60);
		long before = reports();
		String page = this.mvc.perform(form().submit("Marker 5150 sent during a flood"))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(BUSY).contains("Marker 5150 sent during a flood").doesNotContain("id=\"receipt\"");
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void wrongReceiptsBeyondTheOrganisationsBudgetStopEveryFollowUpForAWhile() throws Exception {
		String page = this.mvc.perform(form().submit("Something to follow up later"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String receipt = Receipts.on(page);
		assertThat(followUp(receipt)).contains("Something to follow up later");

		// Thirty wrong receipts, each with its own selector: the per-selector limit never
		// applies, the organisation's does.
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < 30; i++) {
			assertThat(followUp(Receipt.generate(random).grouped())).contains("That receipt does not open a report.");
		}
		assertThat(followUp(receipt)).contains("That receipt does not open a report.")
			.doesNotContain("Something to follow up later");
		refill();
		assertThat(followUp(receipt)).contains("Something to follow up later");
	}

	@Test
	void thePublicPathsStoreNothingButTheOrganisationsBudgets() throws Exception {
		this.mvc.perform(form().submit("Anything"));
		this.mvc.perform(
				post("/report/exempelby/follow-up").param("receipt", Receipt.generate(new SecureRandom()).grouped()));
		// Other test classes share this database and leave their organisations' budgets.
		List<String> buckets = this.jdbc.sql("select id from rate_limit_bucket where id like 'voice%'")
			.query(String.class)
			.list();
		assertThat(buckets).contains("voice submissions " + org(), "voice wrong receipts " + org())
			.allMatch((id) -> id.matches("voice (submissions|wrong receipts) [0-9]+"));
	}

	private String followUp(String receipt) throws Exception {
		return this.mvc.perform(post("/report/exempelby/follow-up").param("receipt", receipt))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long reports() {
		return this.jdbc.sql("select count(*) from voice_report").query(Long.class).single();
	}

	private long org() {
		return this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
	}

	private ReportForm form() {
		long channel = this.jdbc.sql("select min(id) from voice_channel where organisation_id = :org")
			.param("org", org())
			.query(Long.class)
			.single();
		return ReportForm.of(this.jdbc, channel);
	}

}
