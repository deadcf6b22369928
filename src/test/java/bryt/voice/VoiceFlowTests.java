package bryt.voice;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.Superuser;
import bryt.Traces;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The whole Voice flow on the real database, through the public pages and the recipients'
 * service: what is stored, who can read it, and what is never kept.
 */
@BrytTest
@ExtendWith(OutputCaptureExtension.class)
class VoiceFlowTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Reports reports;

	@Autowired
	private RecipientKeys keys;

	@Autowired
	private ReportRepository repository;

	@Autowired
	private KeyRepository keyRepository;

	@Autowired
	private ChannelRepository channels;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private EmbeddedDatabase embeddedDatabase;

	@Autowired
	private DatabaseProperties database;

	@Autowired
	private DefaultQuestionnaire builtIn;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private AccessLogs accessLogs;

	@Test
	void reportIsReadByItsRecipientsAnsweredAndFollowedUpButNotByTheExcluded() throws Exception {
		long union = accountId("union");
		String receipt = submit("Marker text 4711 about the night shift", union);

		long hr = accountId("hr");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		long reportId = reportBySelector(receipt);
		assertThat(this.reports.inbox(org(), hr)).extracting(Reports.InboxRow::id).contains(reportId);
		assertThat(this.reports.inbox(org(), union)).extracting(Reports.InboxRow::id).doesNotContain(reportId);
		KeysetHandle unionKey = this.keys.unlock(union, "demo").orElseThrow();
		assertThatThrownBy(() -> this.reports.read(org(), union, reportId, unionKey))
			.isInstanceOf(Reports.ReportNotFoundException.class);

		Reports.RecipientView view = this.reports.read(org(), hr, reportId, hrKey);
		assertThat(view.answers()).extracting((answer) -> answer.question().en(), (answer) -> answer.value().en())
			.containsExactly(
					tuple("What happened? Describe it as fully as you can.", "Marker text 4711 about the night shift"));
		assertThat(view.status()).isEqualTo(ReportStatus.NEW);
		this.reports.write(org(), hr, reportId, hrKey, "Thank you, we are looking into it.", false);
		this.reports.write(org(), hr, reportId, hrKey, "Internal: talk to the unit manager.", true);

		String page = this.mvc.perform(post("/report/exempelby/follow-up").param("receipt", receipt.toLowerCase()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Thank you, we are looking into it.")
			.doesNotContain("Internal: talk to the unit manager.");
		this.mvc.perform(post("/report/exempelby/follow-up/message").param("receipt", receipt)
			.param("text", "It happened again yesterday."));
		Reports.RecipientView after = this.reports.read(org(), hr, reportId, hrKey);
		assertThat(after.status()).isEqualTo(ReportStatus.ACKNOWLEDGED);
		assertThat(after.messages()).extracting(Reports.Message::text)
			.containsExactly("Thank you, we are looking into it.", "It happened again yesterday.");
		assertThat(after.notes()).extracting(Reports.Message::text)
			.containsExactly("Internal: talk to the unit manager.");
		assertThat(after.accessLogIntact()).isTrue();
	}

	@Test
	void aWrongReceiptIsRefusedTheSameWayAsAMalformedOne() throws Exception {
		String receipt = submit("Something to follow up", null);
		char last = receipt.charAt(receipt.length() - 1);
		String wrong = receipt.substring(0, receipt.length() - 1) + ((last == 'A') ? 'B' : 'A');
		String wrongAnswer = followUp(wrong);
		String malformedAnswer = followUp("not a receipt at all");
		String unknownAnswer = followUp("0000-0000-0000-0000-0000-0000-0000");
		assertThat(wrongAnswer).isEqualTo(malformedAnswer).isEqualTo(unknownAnswer);
		assertThat(wrongAnswer).contains("That receipt does not open a report.");
	}

	@Test
	void publicPagesSetNoCookie() throws Exception {
		for (MvcResult result : List.of(this.mvc.perform(get("/report")).andReturn(),
				this.mvc.perform(get("/report/exempelby")).andReturn(),
				this.mvc.perform(get("/report/exempelby/channel/" + channelId())).andReturn(),
				this.mvc.perform(form().submit("Cookie check")).andReturn(),
				this.mvc.perform(get("/report/exempelby/follow-up")).andReturn(),
				this.mvc.perform(post("/report/exempelby/follow-up").param("receipt", "wrong")).andReturn())) {
			assertThat(result.getResponse().getHeaders("Set-Cookie")).as(result.getRequest().getRequestURI()).isEmpty();
			assertThat(result.getRequest().getSession(false)).isNull();
			assertThat(result.getResponse().getStatus()).isIn(200, 302);
		}
	}

	@Test
	void markersSentWithASubmissionAreNowhereInTheDatabaseItsFilesOrTheLogs(CapturedOutput output) throws Exception {
		String text = "MARKERTEXT-8d1e5c";
		String agent = "MARKERAGENT-77a0f2";
		String address = "203.0.113.99";
		// A control: a channel name is stored in the clear, so the same search must find
		// it.
		String control = "CONTROLMARKER-51b9";
		this.jdbc.sql("update voice_channel set name = :name where id = :id")
			.param("name", control)
			.param("id", channelId())
			.update();
		String receipt = Receipts
			.on(this.mvc
				.perform(form().submit(text)
					.param("identity", "named")
					.param("name", text + " name")
					.header("User-Agent", agent)
					.header("X-Forwarded-For", address)
					.header("Referer", "https://" + agent + ".example/"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		this.mvc.perform(post("/report/exempelby/follow-up/message").param("receipt", receipt)
			.param("text", text + " again")
			.header("User-Agent", agent)
			.header("X-Forwarded-For", address));
		// Only the superuser may force a checkpoint (Bryt's role may not).
		try (Connection superuser = Superuser.of(this.embeddedDatabase, this.database).getConnection()) {
			superuser.createStatement().execute("checkpoint");
		}

		assertThat(Traces.tables(this.dataSource)).contains("public.voice_report", "public.voice_message",
				"public.voice_attachment");
		String dump = Traces.dump(this.dataSource);
		assertThat(dump).contains(control).doesNotContain(text, agent, address, receipt, receipt.replace("-", ""));
		List<String> filesWithMarkers = Traces.filesContaining(this.database.dataDir(), text, agent, address);
		assertThat(filesWithMarkers).isEmpty();
		assertThat(Traces.filesContaining(this.database.dataDir(), control)).isNotEmpty();
		assertThat(output.getAll()).doesNotContain(text, agent, address, receipt);
	}

	@Test
	void theAccessLogIsAppendOnlyAndDetectsAChangedRow() throws Exception {
		String receipt = submit("Access log check", null);
		long hr = accountId("hr");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		long reportId = reportBySelector(receipt);
		this.reports.read(org(), hr, reportId, hrKey);
		this.reports.read(org(), hr, reportId, hrKey);
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isTrue();
		assertThatThrownBy(() -> this.jdbc.sql("update voice_access_log set action = 'NOTE' where report_id = :id")
			.param("id", reportId)
			.update()).hasMessageContaining("append-only");
		// Bryt's own role cannot switch the trigger off; someone with the database
		// owner's
		// rights can, and the chain still tells.
		assertThatThrownBy(
				() -> this.jdbc.sql("alter table voice_access_log disable trigger voice_access_log_no_update").update())
			.rootCause()
			.hasMessageContaining("must be owner");
		try (Connection owner = DriverManager.getConnection(this.embeddedDatabase.jdbcUrl(),
				this.embeddedDatabase.ownerUser(), this.embeddedDatabase.ownerPassword())) {
			owner.setAutoCommit(false);
			JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
			asOwner.sql("alter table voice_access_log disable trigger voice_access_log_no_update").update();
			asOwner.sql("""
					update voice_access_log set account_id = :other
					where id = (select min(id) from voice_access_log where report_id = :id)
					""").param("id", reportId).param("other", accountId("admin")).update();
			asOwner.sql("alter table voice_access_log enable trigger voice_access_log_no_update").update();
			owner.commit();
		}
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isFalse();
	}

	@Test
	void theRetentionJobDeletesAClosedReportWhenItsTimeHasPassedAndKeepsOnlyThatItExisted() throws Exception {
		String receipt = submit("Retention check", null);
		long hr = accountId("hr");
		long reportId = reportBySelector(receipt);
		this.reports.changeStatus(org(), hr, reportId, ReportStatus.CLOSED, Outcome.NOT_SUBSTANTIATED);
		LocalDate closed = this.jdbc.sql("select closed_on from voice_report where id = :id")
			.param("id", reportId)
			.query(LocalDate.class)
			.single();
		int deletedBefore = countDeleted();
		// The channel keeps closed reports 730 days: on day 729 after closing it stays.
		assertThat(job(closed.plusDays(729)).deleteExpired()).isZero();
		assertThat(reportExists(reportId)).isTrue();
		assertThat(job(closed.plusDays(730)).deleteExpired()).isGreaterThanOrEqualTo(1);
		assertThat(reportExists(reportId)).isFalse();
		assertThat(this.jdbc.sql("select count(*) from voice_access_log where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(countDeleted()).isGreaterThan(deletedBefore);
	}

	@Test
	void deadlinesCountFromTheClockAndTheStatusOnlyMovesForward() {
		Reports onMonday = new Reports(this.repository, this.keyRepository, this.builtIn, this.accessLogs,
				noonOn(LocalDate.of(2026, 3, 2)));
		Channel channel = this.channels.find(org(), channelId()).orElseThrow();
		Receipt receipt = onMonday.submit(channel,
				new Reports.Submission(List.of(new Answers.Answer(Question.Type.LONG_TEXT,
						Labels.same("What happened?"), Labels.same("Clock check"))), null, null, null,
						java.util.Set.of(), List.of()));
		long id = reportBySelector(receipt.grouped());
		long hr = accountId("hr");
		// Received 2 March; acknowledge by 9 March; on 11 March two days overdue.
		Reports nineDaysLater = new Reports(this.repository, this.keyRepository, this.builtIn, this.accessLogs,
				noonOn(LocalDate.of(2026, 3, 11)));
		Deadlines.Due due = row(nineDaysLater, hr, id).due();
		assertThat(due)
			.isEqualTo(new Deadlines.Due(Deadlines.Due.Kind.ACKNOWLEDGE, LocalDate.of(2026, 3, 9), -2, true));
		assertThatNoException()
			.isThrownBy(() -> nineDaysLater.changeStatus(org(), hr, id, ReportStatus.ACKNOWLEDGED, null));
		assertThat(this.jdbc.sql("select acknowledged_on from voice_report where id = :id")
			.param("id", id)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2026, 3, 11));
		// Feedback by 11 June: 31 + 30 + 31 = 92 days from 11 March.
		assertThat(row(nineDaysLater, hr, id).due())
			.isEqualTo(new Deadlines.Due(Deadlines.Due.Kind.FEEDBACK, LocalDate.of(2026, 6, 11), 92, false));
		assertThatExceptionOfType(Report.Refused.class)
			.isThrownBy(() -> nineDaysLater.changeStatus(org(), hr, id, ReportStatus.ACKNOWLEDGED, null));
		assertThatExceptionOfType(Report.Refused.class).as("closing needs an outcome")
			.isThrownBy(() -> nineDaysLater.changeStatus(org(), hr, id, ReportStatus.CLOSED, null));
		assertThatNoException()
			.isThrownBy(() -> nineDaysLater.changeStatus(org(), hr, id, ReportStatus.CLOSED, Outcome.ACTION_TAKEN));
		assertThatExceptionOfType(Report.Refused.class)
			.isThrownBy(() -> nineDaysLater.changeStatus(org(), hr, id, ReportStatus.IN_FOLLOW_UP, null));
		assertThat(row(nineDaysLater, hr, id).due()).isNull();
	}

	private Reports.InboxRow row(Reports reports, long accountId, long reportId) {
		return reports.inbox(org(), accountId).stream().filter((row) -> row.id() == reportId).findFirst().orElseThrow();
	}

	private static Clock noonOn(LocalDate day) {
		java.time.ZoneId zone = ServerDay.ZONE;
		return Clock.fixed(day.atTime(12, 0).atZone(zone).toInstant(), zone);
	}

	@Test
	void aPasswordChangeRewrapsTheRecipientsKey() throws Exception {
		long union = accountId("union");
		this.keys.passwordChanged(new bryt.organisation.PasswordChanged(org(), union, "demo", "a new long password"));
		assertThat(this.keys.unlock(union, "demo")).isEmpty();
		assertThat(this.keys.unlock(union, "a new long password")).isPresent();
		this.keys.passwordChanged(new bryt.organisation.PasswordChanged(org(), union, "a new long password", "demo"));
		assertThat(this.keys.unlock(union, "demo")).isPresent();
	}

	private RetentionJob job(LocalDate today) {
		Clock clock = Clock.fixed(today.atStartOfDay(ServerDay.ZONE).toInstant().plus(Duration.ofHours(12)),
				ServerDay.ZONE);
		return new RetentionJob(this.repository, this.accessLogs, this.transaction, clock);
	}

	private boolean reportExists(long id) {
		return this.jdbc.sql("select exists (select 1 from voice_report where id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	private int countDeleted() {
		return this.jdbc.sql("select count(*) from voice_deleted_report").query(Integer.class).single();
	}

	/** An address lands in histories and proxies' logs: a receipt there is not taken. */
	@Test
	void aReceiptIsTakenFromTheFormOnlyNeverFromTheAddress() throws Exception {
		String receipt = submit("Receipt in the address 5521", null);
		String fromAddress = this.mvc.perform(post("/report/exempelby/follow-up?receipt=" + receipt))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fromAddress).doesNotContain("Receipt in the address 5521");
		assertThat(followUp(receipt)).contains("Receipt in the address 5521");
	}

	private String submit(String text, Long exclude) throws Exception {
		var request = form().submit(text);
		if (exclude != null) {
			request = request.param("exclude", String.valueOf(exclude));
		}
		String page = this.mvc.perform(request).andReturn().getResponse().getContentAsString();
		return Receipts.on(page);
	}

	private String followUp(String receipt) throws Exception {
		return this.mvc.perform(post("/report/exempelby/follow-up").param("receipt", receipt))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long reportBySelector(String receipt) {
		return Receipts.reportId(this.jdbc, receipt);
	}

	private long org() {
		return this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
	}

	private ReportForm form() {
		return ReportForm.of(this.jdbc, channelId());
	}

	private long channelId() {
		return this.jdbc.sql("select min(id) from voice_channel where organisation_id = :org")
			.param("org", org())
			.query(Long.class)
			.single();
	}

	private long accountId(String username) {
		return this.jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
