package bryt.voice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import bryt.ServerDay;
import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Report numbers per organisation, never the global id (issue 9, item 14), and the
 * paginated, filterable inbox with its bulk closing (item 9), in organisations of their
 * own whose reports a test counts by hand.
 */
@BrytTest
class ReportNumbersAndInboxTests {

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

	@Test
	void eachOrganisationNumbersItsOwnReportsAndTheGlobalIdIsShownNowhere() throws Exception {
		// Ids far from any number, so that an id in a page cannot pass for a number.
		this.jdbc.sql("""
				select setval(pg_get_serial_sequence('voice_report', 'id'),
					greatest(900000, (select coalesce(max(id), 0) from voice_report)))
				""").query().singleRow();
		Org a = organisation("numbers-a");
		Org b = organisation("numbers-b");
		long a1 = submit(a, "First in A");
		long b1 = submit(b, "First in B");
		long a2 = submit(a, "Second in A");
		assertThat(List.of(number(a1), number(b1), number(a2))).containsExactly(1L, 1L, 2L);
		submit(b, "Second in B");
		long b3 = submit(b, "Third in B");
		assertThat(number(b3)).isEqualTo(3);

		Cookie session = unlocked(a.hr());
		String inbox = html(get("/voice"), a.hr(), session);
		assertThat(inbox).contains("href=\"/voice/reports/1\"", "href=\"/voice/reports/2\"", ">#1<", ">#2<");
		String report = html(get("/voice/reports/2"), a.hr(), session);
		assertThat(report).contains("Report #2", "Second in A", "action=\"/voice/reports/2/messages\"");
		for (long id : List.of(a1, a2, b1, b3)) {
			assertThat(inbox).doesNotContain(String.valueOf(id));
			assertThat(report).doesNotContain(String.valueOf(id));
		}
		// B's third report, A's report by its id, and a number nobody has: all 404.
		for (long guess : List.of(3L, a2, 4L)) {
			MvcResult result = this.mvc.perform(get("/voice/reports/" + guess).with(as(a.hr())).cookie(session))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as("/voice/reports/" + guess).isEqualTo(404);
			assertThat(result.getResponse().getContentAsString()).doesNotContain("Third in B", "Second in A");
		}
	}

	@Test
	void reportsSubmittedAtOnceGetConsecutiveNumbers() throws Exception {
		Org org = organisation("numbers-c");
		List<Callable<Long>> submissions = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String text = "At once " + i;
			submissions.add(() -> submit(org, text));
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Long> numbers = new ArrayList<>();
		try {
			for (Future<Long> id : pool.invokeAll(submissions)) {
				numbers.add(number(id.get()));
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(numbers).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
	}

	@Test
	void theInboxShowsFiftyAPageFiltersAndClosesTheChosenReportsAsUnfounded() throws Exception {
		Org org = organisation("inbox-d");
		long other = channel(org, "Second channel");
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 118; i++) {
			ids.add(submit(org, org.channel(), "Report " + i, Set.of()));
		}
		ids.add(submit(org, other, "Report 119", Set.of()));
		ids.add(submit(org, other, "Report 120", Set.of()));
		// One more the HR account was excluded from: not in its inbox, not closable.
		long hidden = submit(org, org.channel(), "Without HR", Set.of(org.hr()));
		assertThat(number(hidden)).isEqualTo(121);

		Cookie session = unlocked(org.hr());
		String first = html(get("/voice"), org.hr(), session);
		assertThat(first).contains("120 reports · page 1 of 3");
		assertThat(checkboxes(first)).isEqualTo(50);
		assertThat(first).contains(">#120<", ">#71<").doesNotContain(">#70<", ">#121<");
		assertThat(first).contains("href=\"/voice?page=2\"", "href=\"/voice?page=3\"");
		String third = html(get("/voice").param("page", "3"), org.hr(), session);
		assertThat(third).contains("120 reports · page 3 of 3", ">#20<", ">#1<");
		assertThat(checkboxes(third)).isEqualTo(20);
		assertThat(html(get("/voice").param("page", "99"), org.hr(), session)).contains("page 3 of 3");
		assertThat(html(get("/voice").param("page", "x").param("status", "NOPE"), org.hr(), session))
			.contains("120 reports · page 1 of 3");

		// Overdue: two new reports received ten days ago (acknowledge within 7), one
		// acknowledged four months ago without feedback (feedback within 3 months).
		this.jdbc.sql("update voice_report set received_on = :day where id in (:ids)")
			.param("day", ServerDay.today().minusDays(10))
			.param("ids", List.of(ids.get(0), ids.get(1)))
			.update();
		this.jdbc.sql("""
				update voice_report set status = 'ACKNOWLEDGED', received_on = :received, acknowledged_on = :ack
				where id = :id
				""")
			.param("received", ServerDay.today().minusMonths(4).minusDays(2))
			.param("ack", ServerDay.today().minusMonths(4))
			.param("id", ids.get(2))
			.update();
		// Acknowledged yesterday: not overdue.
		this.jdbc.sql("update voice_report set status = 'ACKNOWLEDGED', acknowledged_on = :ack where id = :id")
			.param("ack", ServerDay.today().minusDays(1))
			.param("id", ids.get(3))
			.update();
		String overdue = html(get("/voice").param("overdue", "true"), org.hr(), session);
		assertThat(overdue).contains("3 reports · page 1 of 1", ">#1<", ">#2<", ">#3<").doesNotContain(">#4<");
		assertThat(html(get("/voice").param("status", "ACKNOWLEDGED"), org.hr(), session))
			.contains("2 reports · page 1 of 1", ">#3<", ">#4<");
		assertThat(html(get("/voice").param("channel", String.valueOf(other)), org.hr(), session))
			.contains("2 reports · page 1 of 1", ">#119<", ">#120<");
		String filteredLinks = html(get("/voice").param("status", "NEW"), org.hr(), session);
		assertThat(filteredLinks).contains("118 reports · page 1 of 3", "href=\"/voice?status=NEW&amp;page=2\"");

		// Bulk close: exactly the chosen ones, each logged.
		this.mvc
			.perform(post("/voice/close-unfounded").with(as(org.hr()))
				.with(csrf())
				.param("report", "5", "6", "7")
				.param("back", "?status=NEW&page=2"))
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl())
				.isEqualTo("/voice?status=NEW&page=2"))
			.andExpect((result) -> assertThat(result.getFlashMap().get("closedUnfounded")).isEqualTo(3));
		assertThat(closed(org)).containsExactly(5L, 6L, 7L);
		assertThat(this.jdbc.sql("""
				select r.number from voice_access_log l join voice_report r on r.id = l.report_id
				where r.organisation_id = :org and l.action = 'STATUS_CLOSED' and l.account_id = :hr order by 1
				""").param("org", org.id()).param("hr", org.hr()).query(Long.class).list()).containsExactly(5L, 6L, 7L);
		assertThat(html(get("/voice").param("status", "CLOSED"), org.hr(), session)).contains("3 reports");

		// One the account cannot read among the chosen: nothing is closed.
		this.mvc.perform(post("/voice/close-unfounded").with(as(org.hr())).with(csrf()).param("report", "8", "121"))
			.andExpect((result) -> assertThat(result.getFlashMap().get("closeRefused")).isEqualTo(true));
		this.mvc.perform(post("/voice/close-unfounded").with(as(org.hr())).with(csrf()).param("report", "8", "9999"))
			.andExpect((result) -> assertThat(result.getFlashMap().get("closeRefused")).isEqualTo(true));
		assertThat(closed(org)).containsExactly(5L, 6L, 7L);
		// Without the CSRF token: refused.
		assertThat(this.mvc.perform(post("/voice/close-unfounded").with(as(org.hr())).param("report", "8"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(closed(org)).containsExactly(5L, 6L, 7L);
	}

	private List<Long> closed(Org org) {
		return this.jdbc.sql("""
				select number from voice_report
				where organisation_id = :org and status = 'CLOSED' and outcome = 'NOT_SUBSTANTIATED' order by 1
				""").param("org", org.id()).query(Long.class).list();
	}

	private static int checkboxes(String html) {
		return (int) Pattern.compile("type=\"checkbox\" name=\"report\"").matcher(html).results().count();
	}

	private String html(MockHttpServletRequestBuilder request, long account, Cookie session) throws Exception {
		MvcResult result = this.mvc.perform(request.with(as(account)).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private Cookie unlocked(long account) throws Exception {
		String setCookie = this.mvc
			.perform(post("/voice/unlock").with(as(account)).with(csrf()).param("password", "demo"))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		String pair = setCookie.substring(0, setCookie.indexOf(';'));
		return new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
	}

	private RequestPostProcessor as(long account) {
		String username = this.jdbc.sql("select username from account where id = :id")
			.param("id", account)
			.query(String.class)
			.single();
		return user(this.accounts.loadUserByUsername(username));
	}

	/** An organisation with an HR account holding a key, and one channel to it. */
	private Org organisation(String code) {
		long org = this.jdbc
			.sql("insert into organisation (code, name, country) values (:code, :code, 'SE') returning id")
			.param("code", code)
			.query(Long.class)
			.single();
		long hr = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, 'HR', :hash, array['HR']) returning id
				""")
			.param("org", org)
			.param("username", code + "-hr")
			.param("hash", this.passwordEncoder.encode("demo"))
			.query(Long.class)
			.single();
		this.keys.create(org, hr, "demo").orElseThrow();
		Org created = new Org(org, hr, 0);
		return new Org(org, hr, channel(created, "Whistleblowing"));
	}

	private long channel(Org org, String name) {
		long union = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, 'Union', :hash, array['UNION_REPRESENTATIVE']) returning id
				""")
			.param("org", org.id())
			.param("username", "u" + System.nanoTime())
			.param("hash", this.passwordEncoder.encode("demo"))
			.query(Long.class)
			.single();
		this.keys.create(org.id(), union, "demo").orElseThrow();
		return this.changes.create(org.id(),
				new ChannelForm(ChannelKind.WHISTLEBLOWING, name, 7, 3, 730, true, List.of(org.hr(), union)),
				this.builtIn.of(ChannelKind.WHISTLEBLOWING));
	}

	private long submit(Org org, String text) {
		return submit(org, org.channel(), text, Set.of());
	}

	private long submit(Org org, long channelId, String text, Set<Long> excluded) {
		Channel channel = this.channels.find(org.id(), channelId).orElseThrow();
		Receipt receipt = this.reports.submit(channel,
				new Reports.Submission(List
					.of(new Answers.Answer(Question.Type.LONG_TEXT, Labels.same("What happened?"), Labels.same(text))),
						null, null, null, excluded, List.of()));
		return this.jdbc.sql("select id from voice_report where receipt_selector = :s")
			.param("s", receipt.selector())
			.query(Long.class)
			.single();
	}

	private long number(long reportId) {
		return this.jdbc.sql("select number from voice_report where id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

	private record Org(long id, long hr, long channel) {
	}

}
