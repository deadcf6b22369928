package bryt.voice;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import bryt.BrytTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Voice on the home page: recipients see how many of the reports they hold a key for wait
 * for acknowledgement, how many are overdue, and the first last day, and nothing of a
 * report they were excluded from; the inbox is in the navigation only of those who have
 * one.
 */
@BrytTest
class VoiceHomeTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Reports reports;

	@Autowired
	private RecipientKeys keys;

	@Autowired
	private ChannelRepository channels;

	@Autowired
	private Channels changes;

	@Autowired
	private DefaultQuestionnaire builtIn;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Clock clock;

	/**
	 * Three reports to HR and a union representative (acknowledgement within 7 days): one
	 * received 10 days ago (its last day 3 days ago: overdue), one today, and one today
	 * that excludes HR. HR holds keys to two of them, the representative to all three.
	 */
	@Test
	void recipientsSeeCountsAndDatesOfTheReportsTheyHoldAKeyForAndNothingElse() throws Exception {
		LocalDate today = LocalDate.now(this.clock);
		long org = this.jdbc.sql(
				"insert into organisation (code, name, country) values ('home-voice', 'Röstkommun', 'SE') returning id")
			.query(Long.class)
			.single();
		long hr = account(org, "home-voice-hr", "HR");
		long union = account(org, "home-voice-union", "UNION_REPRESENTATIVE");
		account(org, "home-voice-committee", "COMMITTEE_MEMBER");
		long channelId = this.changes.create(org,
				new ChannelForm(ChannelKind.WHISTLEBLOWING, "Visselblåsning", 7, 3, 730, true, List.of(hr, union)),
				this.builtIn.of(ChannelKind.WHISTLEBLOWING));
		Channel channel = this.channels.find(org, channelId).orElseThrow();
		long old = submit(channel, "Secret old text", Set.of());
		submit(channel, "Secret new text", Set.of());
		submit(channel, "Secret text HR must not know of", Set.of(hr));
		this.jdbc.sql("update voice_report set received_on = :day where id = :id")
			.param("day", today.minusDays(10))
			.param("id", old)
			.update();

		Document hrHome = home("home-voice-hr");
		assertThat(value(hrHome, "Waiting for acknowledgement")).isEqualTo("2");
		assertThat(link(hrHome, "Waiting for acknowledgement")).isEqualTo("/voice?status=NEW");
		assertThat(value(hrHome, "Acknowledgement overdue")).isEqualTo("1");
		assertThat(link(hrHome, "Acknowledgement overdue")).isEqualTo("/voice?status=NEW&overdue=true");
		assertThat(value(hrHome, "First to acknowledge by")).isEqualTo(today.minusDays(3).toString());
		assertThat(hrHome.select(".govuk-notification-banner li").eachText()).contains("Acknowledgement overdue: 1");

		Document unionHome = home("home-voice-union");
		assertThat(value(unionHome, "Waiting for acknowledgement")).isEqualTo("3");
		assertThat(value(unionHome, "Acknowledgement overdue")).isEqualTo("1");

		for (Document page : List.of(hrHome, unionHome)) {
			assertThat(page.html()).doesNotContain("Secret");
			assertThat(navigation(page)).contains("/voice");
		}

		Document committee = home("home-voice-committee");
		assertThat(committee.text()).doesNotContain("Reports to you").doesNotContain("Waiting for acknowledgement");
		assertThat(navigation(committee)).doesNotContain("/voice");
	}

	private List<String> navigation(Document page) {
		return page.select(".govuk-service-navigation a").eachAttr("href");
	}

	private long account(long org, String username, String role) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, :username, :hash, array[:role]) returning id
				""")
			.param("org", org)
			.param("username", username)
			.param("hash", this.passwordEncoder.encode("demo"))
			.param("role", role)
			.query(Long.class)
			.single();
		if (!role.equals("COMMITTEE_MEMBER")) {
			this.keys.create(org, id, "demo").orElseThrow();
		}
		return id;
	}

	private long submit(Channel channel, String text, Set<Long> excluded) {
		Receipt receipt = this.reports.submit(channel,
				new Reports.Submission(List
					.of(new Answers.Answer(Question.Type.LONG_TEXT, Labels.same("What happened?"), Labels.same(text))),
						null, null, null, excluded, List.of()));
		return this.jdbc.sql("select id from voice_report where receipt_selector = :s")
			.param("s", receipt.selector())
			.query(Long.class)
			.single();
	}

	private Document home(String username) throws Exception {
		return Jsoup.parse(
				this.mvc.perform(get("/").locale(Locale.ENGLISH).with(user(this.accounts.loadUserByUsername(username))))
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	private static String value(Document page, String label) {
		return row(page, label).selectFirst("dd span").text();
	}

	private static String link(Document page, String label) {
		return row(page, label).selectFirst("dd a").attr("href");
	}

	private static Element row(Document page, String label) {
		return page.select("dt.govuk-summary-list__key")
			.stream()
			.filter((dt) -> dt.text().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row " + label + " in " + page.select("dt").eachText()))
			.parent();
	}

}
