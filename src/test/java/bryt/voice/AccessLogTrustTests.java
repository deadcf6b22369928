package bryt.voice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The access log against someone who can write to the database but does not hold the key
 * (issue 9, item 4): as the schema's owner, the tests rewrite, cut back and remove what
 * the application wrote.
 */
@BrytTest
class AccessLogTrustTests {

	private static final String WARNING = "Warning: the access log was changed outside Bryt.";

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
	private AccessLogs accessLogs;

	@Autowired
	private AccessLogExport export;

	@Autowired
	private AccessLogKey key;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private DatabaseProperties database;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private EmbeddedDatabase embeddedDatabase;

	/** The schema's owner: what someone with the migrations' role could do. */
	private JdbcClient owner;

	private TransactionTemplate ownerTransaction;

	@BeforeEach
	void connectAsTheSchemasOwner() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.embeddedDatabase.jdbcUrl(),
				this.embeddedDatabase.ownerUser(), this.embeddedDatabase.ownerPassword());
		this.owner = JdbcClient.create(dataSource);
		this.ownerTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * The reviewer's attack: a reply re-attributed from HR to the union representative,
	 * with the unkeyed SHA-256 chain and the report's head recomputed, as the old code
	 * checked them. The page must warn.
	 */
	@Test
	void aReplyReattributedWithTheChainRecomputedShowsAsBrokenOnThePage() throws Exception {
		long reportId = submit("Forged log check");
		long hr = accountId("hr");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		this.reports.read(org(), hr, reportId, hrKey);
		this.reports.write(org(), hr, reportId, hrKey, "We are looking into it.", false);
		this.reports.read(org(), hr, reportId, hrKey);
		Cookie session = unlockedSession("hr");
		long number = number(reportId);
		assertThat(page(session, "hr", number)).contains("The access log is intact.").doesNotContain(WARNING);

		rewriteChain(reportId, "REPLIED", accountId("union"));
		assertThat(this.jdbc.sql("select account_id from voice_access_log where report_id = :id and action = 'REPLIED'")
			.param("id", reportId)
			.query(Long.class)
			.single()).isEqualTo(accountId("union"));
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isFalse();
		assertThat(page(session, "hr", number)).contains(WARNING).doesNotContain("The access log is intact.");
	}

	@Test
	void deleteAndTruncateAreRefusedButTheRetentionJobStillDeletesAnExpiredReport() throws Exception {
		long reportId = submit("Delete check");
		long hr = accountId("hr");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		this.reports.read(org(), hr, reportId, hrKey);
		assertThatThrownBy(() -> this.jdbc.sql("delete from voice_access_log where report_id = :id")
			.param("id", reportId)
			.update()).hasMessageContaining("append-only");
		// Refused by the trigger; a role without the TRUNCATE privilege is refused
		// before.
		// The triggers refuse even the schema's owner; Bryt's own role may not truncate
		// at all.
		assertThatThrownBy(() -> this.owner.sql("truncate voice_access_log").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.owner.sql("truncate voice_report cascade").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate voice_access_log").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThat(entries(reportId)).isEqualTo(1);

		this.export.export();
		assertThat(exportedReports()).contains(reportId);
		this.reports.changeStatus(org(), hr, reportId, ReportStatus.CLOSED, Outcome.NOT_SUBSTANTIATED);
		LocalDate closed = this.jdbc.sql("select closed_on from voice_report where id = :id")
			.param("id", reportId)
			.query(LocalDate.class)
			.single();
		RetentionJob job = new RetentionJob(this.repository, this.accessLogs, this.transaction,
				Clock.fixed(closed.plusDays(730).atStartOfDay(ServerDay.ZONE).toInstant().plus(Duration.ofHours(12)),
						ServerDay.ZONE));
		assertThat(job.deleteExpired()).isGreaterThanOrEqualTo(1);
		assertThat(this.repository.exists(reportId)).isFalse();
		assertThat(entries(reportId)).isZero();
		// Gone by retention, with its keyed seal: the next export drops it without
		// complaint.
		this.export.export();
		assertThat(exportedReports()).doesNotContain(reportId);
	}

	@Test
	void aChainCutBackBelowTheExportedHeadIsBroken() throws Exception {
		long reportId = submit("Cut back check");
		long hr = accountId("hr");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		this.reports.read(org(), hr, reportId, hrKey);
		this.reports.read(org(), hr, reportId, hrKey);
		this.export.export();
		// Three entries now (two openings exported, the third after): cut back to one.
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isTrue();
		this.ownerTransaction.executeWithoutResult((status) -> {
			this.owner.sql("alter table voice_access_log disable trigger voice_access_log_no_delete").update();
			this.owner.sql("""
					delete from voice_access_log where report_id = :id
						and id > (select min(id) from voice_access_log where report_id = :id)
					""").param("id", reportId).update();
			this.owner.sql("alter table voice_access_log enable trigger voice_access_log_no_delete").update();
			this.owner.sql("""
					update voice_report set access_log_head = (select hash from voice_access_log where report_id = :id)
					where id = :id
					""").param("id", reportId).update();
		});
		assertThat(entries(reportId)).isEqualTo(1);
		// What is left is a keyed chain of its own: only the export shows the cut.
		List<AccessLog.Entry> left = this.repository.accessLog(reportId);
		assertThat(AccessLog.verify(this.key, left, left.get(0).hash(), null, false).intact()).isTrue();
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isFalse();
		// The next export finds it, and keeps the old head, so that it stays broken.
		assertThat(this.export.export()).isGreaterThanOrEqualTo(1);
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isFalse();
	}

	@Test
	void aReportRemovedBehindBrytsBackIsFoundByTheExport() throws Exception {
		long reportId = submit("Removal check");
		long hr = accountId("hr");
		this.reports.read(org(), hr, reportId, this.keys.unlock(hr, "demo").orElseThrow());
		this.export.export();
		this.jdbc.sql("delete from voice_report where id = :id").param("id", reportId).update();
		assertThat(this.export.export()).isGreaterThanOrEqualTo(1);
		assertThat(exportedReports()).as("carried on").contains(reportId);
	}

	@Test
	void theExportIsAuthenticatedAndAChangedFileMakesEveryLogBroken() throws Exception {
		long reportId = submit("Export file check");
		long hr = accountId("hr");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		this.reports.read(org(), hr, reportId, hrKey);
		this.export.export();
		Path file = this.export.file();
		assertThat(file).startsWith(this.database.dataDir());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String original = Files.readString(file);
		assertThat(original).startsWith("bryt-access-log-heads 1\n").contains("\nmac ");
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isTrue();
		// Someone without the key edits the file (here: claims a longer chain).
		Matcher line = Pattern.compile("report " + reportId + " (\\d+) ").matcher(original);
		assertThat(line.find()).isTrue();
		Files.writeString(file, original.replace(line.group(), "report " + reportId + " 99 "));
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isFalse();
		Files.writeString(file, original);
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isTrue();
	}

	@Test
	void theKeyFileIsCreatedPrivateAndReused(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
		Path keys = directory.resolve("keys");
		AccessLogKey first = AccessLogKey.load("", keys);
		assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(Files.getPosixFilePermissions(keys.resolve("access-log.key")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(AccessLogKey.load("", keys).fingerprint()).isEqualTo(first.fingerprint());
		// The application's key is in its data directory, not in the database.
		assertThat(Files.exists(this.database.dataDir().resolve("keys/access-log.key"))).isTrue();
		String stored = Files.readString(this.database.dataDir().resolve("keys/access-log.key")).strip();
		assertThat(this.jdbc.sql("select count(*) from voice_access_log_key where fingerprint = decode(:key, 'base64')")
			.param("key", stored)
			.query(Integer.class)
			.single()).isZero();
		// A configured key wins; a short or malformed one is refused with a message.
		String configured = java.util.Base64.getEncoder().encodeToString(new byte[32]);
		assertThat(AccessLogKey.load(configured, keys).fingerprint()).isNotEqualTo(first.fingerprint());
		assertThatThrownBy(() -> AccessLogKey.load("c2hvcnQ=", keys)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("shorter than 32 bytes");
		assertThatThrownBy(() -> AccessLogKey.load("not base64!", keys)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not Base64");
	}

	/**
	 * A lost key file makes a new one on start, which is not the key the log was written
	 * with: Bryt refuses to start, unless told the old key is lost; then every chain is
	 * sealed with the new key and its earlier entries are checked only as links.
	 */
	@Test
	void aMissingOrWrongKeyIsRefusedAtStartUnlessReplacedOnPurpose(@org.junit.jupiter.api.io.TempDir Path directory)
			throws Exception {
		long reportId = submit("Key check");
		long hr = accountId("hr");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		this.reports.read(org(), hr, reportId, hrKey);
		AccessLogKey other = AccessLogKey.load("", directory.resolve("keys"));
		List<AccessLog.Entry> entries = this.repository.accessLog(reportId);
		byte[] head = entries.get(entries.size() - 1).hash();
		assertThat(AccessLog.verify(this.key, entries, head, null, false).intact()).isTrue();
		assertThat(AccessLog.verify(other, entries, head, null, false).intact()).as("a wrong key").isFalse();

		AccessLogExport otherExport = new AccessLogExport(directory.resolve("access-log"), other, this.repository,
				Clock.systemUTC());
		assertThatThrownBy(
				() -> new AccessLogs(other, otherExport, this.repository, this.transaction, Clock.systemUTC(), false)
					.start())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Restore keys/access-log.key")
			.hasMessageContaining("bryt.access-log.replace-lost-key=true");

		// Replaced on purpose, in a transaction rolled back after, so that the other
		// tests keep the application's key.
		this.transaction.executeWithoutResult((status) -> {
			new AccessLogs(other, otherExport, this.repository, this.transaction, Clock.systemUTC(), true).start();
			List<AccessLog.Entry> sealed = this.repository.accessLog(reportId);
			AccessLog.Entry seal = sealed.get(sealed.size() - 1);
			assertThat(seal.action()).isEqualTo(AccessLog.SEALED_NEW_KEY);
			assertThat(seal.accountId()).isEqualTo(AccessLog.SYSTEM);
			AccessLog.Verdict verdict = AccessLog.verify(other, sealed, seal.hash(), null, false);
			assertThat(verdict.intact()).isTrue();
			assertThat(verdict.keyedSince()).isEqualTo(seal.at());
			assertThat(AccessLog.verify(this.key, sealed, seal.hash(), null, false).intact()).isFalse();
			status.setRollbackOnly();
		});
		assertThat(this.repository.accessLogKeyFingerprint()).contains(this.key.fingerprint());
	}

	/**
	 * A database from before: its chains are unkeyed. At start each is sealed with the
	 * key; from then on a change to an old entry shows, though what was written before
	 * the upgrade cannot be proven.
	 */
	@Test
	void anUnkeyedChainFromBeforeIsSealedAtStartAndAChangeAfterShows() throws Exception {
		long reportId = submit("Upgrade check");
		long hr = accountId("hr");
		long union = accountId("union");
		KeysetHandle hrKey = this.keys.unlock(hr, "demo").orElseThrow();
		Instant at = AccessLog.truncate(Instant.parse("2026-01-05T10:15:30.123456Z"));
		byte[] first = AccessLog.legacyHash(AccessLog.GENESIS, reportId, hr, "OPENED", at);
		byte[] second = AccessLog.legacyHash(first, reportId, hr, "REPLIED", at.plusSeconds(60));
		insertLegacy(reportId, hr, "OPENED", at, AccessLog.GENESIS, first);
		insertLegacy(reportId, hr, "REPLIED", at.plusSeconds(60), first, second);
		this.jdbc.sql("update voice_report set access_log_head = :head where id = :id")
			.param("id", reportId)
			.param("head", second)
			.update();
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).as("not sealed yet").isFalse();
		// A fresh read appended a keyed entry to an unsealed chain: start from the two
		// legacy entries again.
		long readEntry = this.jdbc.sql("select max(id) from voice_access_log where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
		this.ownerTransaction.executeWithoutResult((status) -> {
			this.owner.sql("alter table voice_access_log disable trigger voice_access_log_no_delete").update();
			this.owner.sql("delete from voice_access_log where id = :id").param("id", readEntry).update();
			this.owner.sql("alter table voice_access_log enable trigger voice_access_log_no_delete").update();
			this.owner.sql("update voice_report set access_log_head = :head where id = :id")
				.param("id", reportId)
				.param("head", second)
				.update();
		});

		this.accessLogs.start();
		Reports.RecipientView view = this.reports.read(org(), hr, reportId, hrKey);
		assertThat(view.accessLog()).extracting(AccessLog.Entry::action)
			.containsExactly("OPENED", "REPLIED", AccessLog.SEALED_UPGRADE, "OPENED");
		assertThat(view.accessLogIntact()).isTrue();
		assertThat(view.accessLogKeyedSince()).isEqualTo(view.accessLog().get(2).at());

		rewriteChain(reportId, "REPLIED", union);
		assertThat(this.reports.read(org(), hr, reportId, hrKey).accessLogIntact()).isFalse();
	}

	/**
	 * As the schema's owner: gives the first entry with {@code action} to
	 * {@code account}, and recomputes the unkeyed SHA-256 chain from there and the
	 * report's head, as the old code checked them.
	 */
	private void rewriteChain(long reportId, String action, long account) {
		this.ownerTransaction.executeWithoutResult((status) -> {
			this.owner.sql("alter table voice_access_log disable trigger voice_access_log_no_update").update();
			List<AccessLog.Entry> entries = this.repository.accessLog(reportId);
			byte[] previous = AccessLog.GENESIS;
			boolean changed = false;
			for (AccessLog.Entry entry : entries) {
				long accountId = entry.accountId();
				if (!changed && entry.action().equals(action)) {
					accountId = account;
					changed = true;
				}
				byte[] hash = AccessLog.legacyHash(previous, reportId, accountId, entry.action(), entry.at());
				this.owner.sql("""
						update voice_access_log set account_id = :account, previous_hash = :previous, hash = :hash
						where id = :id
						""")
					.param("id", entry.id())
					.param("account", accountId)
					.param("previous", previous)
					.param("hash", hash)
					.update();
				previous = hash;
			}
			assertThat(changed).isTrue();
			this.owner.sql("update voice_report set access_log_head = :head where id = :id")
				.param("id", reportId)
				.param("head", previous)
				.update();
			this.owner.sql("alter table voice_access_log enable trigger voice_access_log_no_update").update();
		});
	}

	private void insertLegacy(long reportId, long account, String action, Instant at, byte[] previous, byte[] hash) {
		this.jdbc.sql("""
				insert into voice_access_log (organisation_id, report_id, account_id, action, at, previous_hash, hash,
					keyed)
				values (:org, :report, :account, :action, :at, :previous, :hash, false)
				""")
			.param("org", org())
			.param("report", reportId)
			.param("account", account)
			.param("action", action)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("previous", previous)
			.param("hash", hash)
			.update();
	}

	private List<Long> exportedReports() throws Exception {
		return Files.readAllLines(this.export.file())
			.stream()
			.filter((line) -> line.startsWith("report "))
			.map((line) -> Long.parseLong(line.split(" ")[1]))
			.toList();
	}

	private int entries(long reportId) {
		return this.jdbc.sql("select count(*) from voice_access_log where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single();
	}

	private String page(Cookie session, String username, long number) throws Exception {
		return this.mvc.perform(get("/voice/reports/" + number).cookie(session).with(as(username)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Cookie unlockedSession(String username) throws Exception {
		String setCookie = this.mvc
			.perform(post("/voice/unlock").with(as(username)).with(csrf()).param("password", "demo"))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		String pair = setCookie.substring(0, setCookie.indexOf(';'));
		return new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
	}

	private RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	private long submit(String text) throws Exception {
		long channel = this.jdbc.sql("select min(id) from voice_channel where organisation_id = :org")
			.param("org", org())
			.query(Long.class)
			.single();
		String page = this.mvc.perform(ReportForm.of(this.jdbc, channel).submit(text))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Receipts.reportId(this.jdbc, Receipts.on(page));
	}

	private long number(long reportId) {
		return this.jdbc.sql("select number from voice_report where id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

	private long org() {
		return this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
	}

	private long accountId(String username) {
		return this.jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
