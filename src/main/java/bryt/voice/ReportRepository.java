package bryt.voice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports with their wrapped keys, messages, attachments and access log. */
@Repository
class ReportRepository {

	private static final String SELECT = """
			select r.id, r.organisation_id, r.channel_id, c.name as channel_name, r.unit_id, r.receipt_selector,
				r.receipt_hash, r.receipt_wrapped_key, r.content, r.status, r.outcome, r.received_on,
				r.acknowledged_on, r.feedback_on, r.closed_on, c.acknowledge_days, c.feedback_months,
				r.access_log_head, r.number
			from voice_report r join voice_channel c on c.id = r.channel_id
			""";

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(long organisationId, long channelId, Long unitId, String selector, byte[] receiptHash,
			byte[] receiptWrappedKey, byte[] content, LocalDate receivedOn) {
		// The number is taken by a trigger (V11): the counter's row stays locked until
		// the
		// transaction ends, so that two reports submitted at once never get the same one.
		return this.jdbc.sql("""
				insert into voice_report (organisation_id, channel_id, unit_id, receipt_selector, receipt_hash,
					receipt_wrapped_key, content, received_on)
				values (:org, :channel, :unit, :selector, :hash, :wrapped, :content, :received) returning id
				""")
			.param("org", organisationId)
			.param("channel", channelId)
			.param("unit", unitId)
			.param("selector", selector)
			.param("hash", receiptHash)
			.param("wrapped", receiptWrappedKey)
			.param("content", content)
			.param("received", receivedOn)
			.query(Long.class)
			.single();
	}

	void addKey(long organisationId, long reportId, long accountId, byte[] wrappedKey) {
		this.jdbc.sql("""
				insert into voice_report_key (organisation_id, report_id, account_id, wrapped_key)
				values (:org, :report, :account, :key)
				""")
			.param("org", organisationId)
			.param("report", reportId)
			.param("account", accountId)
			.param("key", wrappedKey)
			.update();
	}

	Optional<StoredReport> findBySelector(long organisationId, String selector) {
		return this.jdbc.sql(SELECT + " where r.organisation_id = :org and r.receipt_selector = :selector")
			.param("org", organisationId)
			.param("selector", selector)
			.query(ReportRepository::report)
			.optional();
	}

	/** The report, if the account holds a key for it. */
	Optional<StoredReport> findForRecipient(long organisationId, long reportId, long accountId) {
		return this.jdbc.sql(SELECT + """
				 where r.organisation_id = :org and r.id = :id
					and exists (select 1 from voice_report_key k where k.report_id = r.id and k.account_id = :account
						and k.wrapped_key is not null)
				""")
			.param("org", organisationId)
			.param("id", reportId)
			.param("account", accountId)
			.query(ReportRepository::report)
			.optional();
	}

	/** The id of the report with this number, if the account holds a key for it. */
	Optional<Long> idForRecipient(long organisationId, long number, long accountId) {
		return this.jdbc.sql("""
				select r.id from voice_report r
				join voice_report_key k on k.report_id = r.id and k.account_id = :account and k.wrapped_key is not null
				where r.organisation_id = :org and r.number = :number
				""")
			.param("org", organisationId)
			.param("number", number)
			.param("account", accountId)
			.query(Long.class)
			.optional();
	}

	Optional<byte[]> wrappedKey(long reportId, long accountId) {
		return this.jdbc
			.sql("select wrapped_key from voice_report_key where report_id = :report and account_id = :account "
					+ "and wrapped_key is not null")
			.param("report", reportId)
			.param("account", accountId)
			.query((rs, row) -> rs.getBytes("wrapped_key"))
			.optional();
	}

	/** Every report the account holds a usable key for, newest first. */
	List<StoredReport> inbox(long organisationId, long accountId) {
		return this.jdbc.sql(SELECT + """
				 join voice_report_key k on k.report_id = r.id and k.account_id = :account and k.wrapped_key is not null
				where r.organisation_id = :org order by r.id desc
				""").param("org", organisationId).param("account", accountId).query(ReportRepository::report).list();
	}

	/** One page of the reports the account holds a key for, newest first. */
	List<StoredReport> inbox(long organisationId, long accountId, Reports.InboxFilter filter, LocalDate today,
			int limit, int offset) {
		return filtered(SELECT + INBOX + " order by r.number desc limit :limit offset :offset", organisationId,
				accountId, filter, today)
			.param("limit", limit)
			.param("offset", offset)
			.query(ReportRepository::report)
			.list();
	}

	long countInbox(long organisationId, long accountId, Reports.InboxFilter filter, LocalDate today) {
		return filtered("select count(*) from voice_report r join voice_channel c on c.id = r.channel_id" + INBOX,
				organisationId, accountId, filter, today)
			.query(Long.class)
			.single();
	}

	/**
	 * The inbox's filter. Overdue as {@link Deadlines#due}: a new report past its
	 * acknowledgement day, or one in handling without feedback past its feedback day
	 * (months added as {@link LocalDate#plusMonths} does, to the month's last day).
	 */
	private static final String INBOX = """
			 join voice_report_key k on k.report_id = r.id and k.account_id = :account and k.wrapped_key is not null
			where r.organisation_id = :org
				and (cast(:status as text) is null or r.status = cast(:status as text))
				and (cast(:channel as bigint) is null or r.channel_id = cast(:channel as bigint))
				and (not :overdue
					or (r.status = 'NEW' and r.received_on + c.acknowledge_days < :today)
					or (r.status in ('ACKNOWLEDGED', 'IN_FOLLOW_UP') and r.feedback_on is null
						and cast(coalesce(r.acknowledged_on, r.received_on + c.acknowledge_days)
							+ make_interval(months => c.feedback_months) as date) < :today))
			""";

	private JdbcClient.StatementSpec filtered(String sql, long organisationId, long accountId,
			Reports.InboxFilter filter, LocalDate today) {
		return this.jdbc.sql(sql)
			.param("org", organisationId)
			.param("account", accountId)
			.param("status", (filter.status() != null) ? filter.status().name() : null, java.sql.Types.VARCHAR)
			.param("channel", filter.channelId(), java.sql.Types.BIGINT)
			.param("overdue", filter.overdue())
			.param("today", today);
	}

	/** The accounts that hold a usable key for the report: who can read it. */
	List<Long> recipients(long reportId) {
		return this.jdbc
			.sql("select account_id from voice_report_key where report_id = :id and wrapped_key is not null "
					+ "order by account_id")
			.param("id", reportId)
			.query(Long.class)
			.list();
	}

	/** The accounts whose key for the report was discarded, and that may get it back. */
	List<Long> lostAccess(long reportId) {
		return this.jdbc
			.sql("select account_id from voice_report_key where report_id = :id and wrapped_key is null "
					+ "order by account_id")
			.param("id", reportId)
			.query(Long.class)
			.list();
	}

	/**
	 * Everyone the report was encrypted to, whether they still hold a usable key or not.
	 */
	List<Long> everyRecipient(long reportId) {
		return this.jdbc.sql("select account_id from voice_report_key where report_id = :id order by account_id")
			.param("id", reportId)
			.query(Long.class)
			.list();
	}

	Optional<StoredReport> find(long organisationId, long reportId) {
		return this.jdbc.sql(SELECT + " where r.organisation_id = :org and r.id = :id")
			.param("org", organisationId)
			.param("id", reportId)
			.query(ReportRepository::report)
			.optional();
	}

	/**
	 * The reports the target lost its key for and the grantor can read, with the
	 * grantor's wrapped key: what the grantor can give back.
	 */
	List<LostKey> regrantable(long organisationId, long grantorId, long targetId) {
		return this.jdbc.sql("""
				select t.report_id, r.receipt_selector, g.wrapped_key from voice_report_key t
				join voice_report_key g on g.report_id = t.report_id and g.account_id = :grantor
					and g.wrapped_key is not null
				join voice_report r on r.id = t.report_id
				where t.organisation_id = :org and t.account_id = :target and t.wrapped_key is null
				order by t.report_id
				""")
			.param("org", organisationId)
			.param("grantor", grantorId)
			.param("target", targetId)
			.query((rs, row) -> new LostKey(rs.getLong("report_id"), rs.getString("receipt_selector"),
					rs.getBytes("wrapped_key")))
			.list();
	}

	/** How many reports each account lost that the grantor can give back, by account. */
	List<LostCount> regrantableByAccount(long organisationId, long grantorId) {
		return this.jdbc.sql("""
				select t.account_id, count(*) as reports from voice_report_key t
				join voice_report_key g on g.report_id = t.report_id and g.account_id = :grantor
					and g.wrapped_key is not null
				where t.organisation_id = :org and t.wrapped_key is null and t.account_id <> :grantor
				group by t.account_id order by t.account_id
				""")
			.param("org", organisationId)
			.param("grantor", grantorId)
			.query((rs, row) -> new LostCount(rs.getLong("account_id"), rs.getInt("reports")))
			.list();
	}

	/** How many reports each account of the organisation lost, by account. */
	List<LostCount> lostByAccount(long organisationId) {
		return this.jdbc.sql("""
				select account_id, count(*) as reports from voice_report_key
				where organisation_id = :org and wrapped_key is null
				group by account_id order by account_id
				""")
			.param("org", organisationId)
			.query((rs, row) -> new LostCount(rs.getLong("account_id"), rs.getInt("reports")))
			.list();
	}

	/** The account's lost keys, each still wrapped to the discarded key pair. */
	List<LostKey> lostKeys(long organisationId, long accountId) {
		return this.jdbc.sql("""
				select k.report_id, r.receipt_selector, k.lost_wrapped_key from voice_report_key k
				join voice_report r on r.id = k.report_id
				where k.organisation_id = :org and k.account_id = :account and k.wrapped_key is null
					and k.lost_wrapped_key is not null
				order by k.report_id
				""")
			.param("org", organisationId)
			.param("account", accountId)
			.query((rs, row) -> new LostKey(rs.getLong("report_id"), rs.getString("receipt_selector"),
					rs.getBytes("lost_wrapped_key")))
			.list();
	}

	/** Gives a lost key back, wrapped to the account's new key pair. */
	boolean restoreKey(long reportId, long accountId, byte[] wrappedKey) {
		return this.jdbc.sql("""
				update voice_report_key set wrapped_key = :key, lost_wrapped_key = null, lost_on = null
				where report_id = :report and account_id = :account and wrapped_key is null
				""").param("report", reportId).param("account", accountId).param("key", wrappedKey).update() == 1;
	}

	/** Stores where the report stands, as {@link Report}'s rules left it. */
	void save(Report report) {
		this.jdbc.sql("""
				update voice_report set status = :status, outcome = :outcome, acknowledged_on = :ack,
					feedback_on = :feedback, closed_on = :closed
				where id = :id
				""")
			.param("id", report.id())
			.param("status", report.status().name())
			.param("outcome", (report.outcome() != null) ? report.outcome().name() : null)
			.param("ack", report.acknowledgedOn())
			.param("feedback", report.feedbackOn())
			.param("closed", report.closedOn())
			.update();
	}

	long addMessage(long organisationId, long reportId, Author author, Long accountId, LocalDate writtenOn,
			byte[] content) {
		return this.jdbc.sql("""
				insert into voice_message (organisation_id, report_id, author, account_id, written_on, content)
				values (:org, :report, :author, :account, :written, :content) returning id
				""")
			.param("org", organisationId)
			.param("report", reportId)
			.param("author", author.name())
			.param("account", accountId)
			.param("written", writtenOn)
			.param("content", content)
			.query(Long.class)
			.single();
	}

	List<StoredMessage> messages(long reportId) {
		return this.jdbc.sql("""
				select id, author, account_id, written_on, content from voice_message where report_id = :id order by id
				""")
			.param("id", reportId)
			.query((rs, row) -> new StoredMessage(rs.getLong("id"), Author.valueOf(rs.getString("author")),
					nullableLong(rs, "account_id"), rs.getObject("written_on", LocalDate.class),
					rs.getBytes("content")))
			.list();
	}

	long addAttachment(long organisationId, long reportId, Long messageId, byte[] meta, byte[] data) {
		return this.jdbc.sql("""
				insert into voice_attachment (organisation_id, report_id, message_id, meta, data)
				values (:org, :report, :message, :meta, :data) returning id
				""")
			.param("org", organisationId)
			.param("report", reportId)
			.param("message", messageId)
			.param("meta", meta)
			.param("data", data)
			.query(Long.class)
			.single();
	}

	void fillAttachment(long id, byte[] meta, byte[] data) {
		this.jdbc.sql("update voice_attachment set meta = :meta, data = :data where id = :id")
			.param("id", id)
			.param("meta", meta)
			.param("data", data)
			.update();
	}

	/** The attachments' encrypted names, without their contents. */
	List<StoredAttachment> attachments(long reportId) {
		return this.jdbc.sql("select id, message_id, meta from voice_attachment where report_id = :id order by id")
			.param("id", reportId)
			.query((rs, row) -> new StoredAttachment(rs.getLong("id"), nullableLong(rs, "message_id"),
					rs.getBytes("meta")))
			.list();
	}

	Optional<byte[]> attachmentData(long reportId, long attachmentId) {
		return this.jdbc.sql("select data from voice_attachment where report_id = :report and id = :id")
			.param("report", reportId)
			.param("id", attachmentId)
			.query((rs, row) -> rs.getBytes("data"))
			.optional();
	}

	/** Locks the report's row, so that access log entries are appended one at a time. */
	Optional<byte[]> lockAccessLogHead(long reportId) {
		return this.jdbc.sql("select access_log_head from voice_report where id = :id for update")
			.param("id", reportId)
			.query((rs, row) -> Optional.ofNullable(rs.getBytes("access_log_head")))
			.single();
	}

	void appendAccessLog(long organisationId, long reportId, long accountId, String action, Instant at,
			byte[] previousHash, byte[] hash) {
		this.jdbc.sql("""
				insert into voice_access_log (organisation_id, report_id, account_id, action, at, previous_hash, hash)
				values (:org, :report, :account, :action, :at, :previous, :hash)
				""")
			.param("org", organisationId)
			.param("report", reportId)
			.param("account", accountId)
			.param("action", action)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("previous", previousHash)
			.param("hash", hash)
			.update();
		this.jdbc.sql("update voice_report set access_log_head = :hash where id = :id")
			.param("id", reportId)
			.param("hash", hash)
			.update();
	}

	List<AccessLog.Entry> accessLog(long reportId) {
		return this.jdbc.sql("""
				select id, report_id, account_id, action, at, previous_hash, hash, keyed
				from voice_access_log where report_id = :id order by id
				""")
			.param("id", reportId)
			.query((rs, row) -> new AccessLog.Entry(rs.getLong("id"), rs.getLong("report_id"), rs.getLong("account_id"),
					rs.getString("action"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getBytes("previous_hash"), rs.getBytes("hash"), rs.getBoolean("keyed")))
			.list();
	}

	/** Every chain's length and newest code, by report id. */
	Map<Long, AccessLogExport.Head> accessLogHeads() {
		Map<Long, AccessLogExport.Head> heads = new LinkedHashMap<>();
		this.jdbc.sql("""
				select report_id, count(*) as entries, (array_agg(hash order by id desc))[1] as head
				from voice_access_log group by report_id order by report_id
				""")
			.query((rs, row) -> heads.put(rs.getLong("report_id"),
					new AccessLogExport.Head(rs.getInt("entries"), rs.getBytes("head"))))
			.list();
		return heads;
	}

	/**
	 * The code of the chain's entry at a position, counted from 1; empty bytes if none.
	 */
	byte[] accessLogHashAt(long reportId, int position) {
		return this.jdbc.sql("select hash from voice_access_log where report_id = :id order by id offset :skip limit 1")
			.param("id", reportId)
			.param("skip", position - 1)
			.query((rs, row) -> rs.getBytes("hash"))
			.optional()
			.orElse(new byte[0]);
	}

	boolean exists(long reportId) {
		return this.jdbc.sql("select exists (select 1 from voice_report where id = :id)")
			.param("id", reportId)
			.query(Boolean.class)
			.single();
	}

	long organisationOf(long reportId) {
		return this.jdbc.sql("select organisation_id from voice_report where id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

	Optional<byte[]> deletionSeal(long reportId) {
		return this.jdbc.sql("select seal from voice_deleted_report where report_id = :id and seal is not null")
			.param("id", reportId)
			.query((rs, row) -> rs.getBytes("seal"))
			.optional();
	}

	/** Reports whose newest entry was written before the log was keyed. */
	List<Long> reportsWithUnkeyedHead() {
		return this.jdbc.sql("""
				select l.report_id from voice_access_log l
				where l.id = (select max(id) from voice_access_log m where m.report_id = l.report_id) and not l.keyed
				order by l.report_id
				""").query(Long.class).list();
	}

	List<Long> reportsWithAccessLog() {
		return this.jdbc.sql("select distinct report_id from voice_access_log order by report_id")
			.query(Long.class)
			.list();
	}

	/** Several instances starting at once check and register the key one at a time. */
	void lockAccessLogKeys() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('bryt voice access log key'))").query().singleRow();
	}

	Optional<byte[]> accessLogKeyFingerprint() {
		return this.jdbc.sql("select fingerprint from voice_access_log_key order by id desc limit 1")
			.query((rs, row) -> rs.getBytes("fingerprint"))
			.optional();
	}

	void addAccessLogKeyFingerprint(byte[] fingerprint, Instant since) {
		this.jdbc.sql("insert into voice_access_log_key (fingerprint, since) values (:fingerprint, :since)")
			.param("fingerprint", fingerprint)
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.update();
	}

	/** Closed reports whose retention time has run out by {@code today}. */
	List<Expired> expired(LocalDate today) {
		return this.jdbc.sql("""
				select r.id, r.organisation_id, r.channel_id from voice_report r
				join voice_channel c on c.id = r.channel_id
				where r.status = 'CLOSED' and r.closed_on + c.retention_days <= :today
				order by r.id
				""")
			.param("today", today)
			.query((rs, row) -> new Expired(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("channel_id")))
			.list();
	}

	/**
	 * Deletes a report with everything that belongs to it, leaving only that it existed.
	 */
	void delete(Expired report, LocalDate today, byte[] seal) {
		this.jdbc.sql("""
				insert into voice_deleted_report (organisation_id, channel_id, deleted_on, report_id, seal)
				values (:org, :channel, :today, :id, :seal)
				""")
			.param("org", report.organisationId())
			.param("channel", report.channelId())
			.param("today", today)
			.param("id", report.id())
			.param("seal", seal)
			.update();
		this.jdbc.sql("delete from voice_report where id = :id").param("id", report.id()).update();
	}

	private static StoredReport report(ResultSet rs, int row) throws SQLException {
		return new StoredReport(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("channel_id"),
				rs.getString("channel_name"), nullableLong(rs, "unit_id"), rs.getString("receipt_selector"),
				rs.getBytes("receipt_hash"), rs.getBytes("receipt_wrapped_key"), rs.getBytes("content"),
				ReportStatus.valueOf(rs.getString("status")),
				(rs.getString("outcome") != null) ? Outcome.valueOf(rs.getString("outcome")) : null,
				rs.getObject("received_on", LocalDate.class), rs.getObject("acknowledged_on", LocalDate.class),
				rs.getObject("feedback_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				rs.getInt("acknowledge_days"), rs.getInt("feedback_months"), rs.getBytes("access_log_head"),
				rs.getLong("number"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	enum Author {

		REPORTER, RECIPIENT, NOTE

	}

	/** A report as stored: its content still encrypted. */
	record StoredReport(long id, long organisationId, long channelId, String channelName, Long unitId, String selector,
			byte[] receiptHash, byte[] receiptWrappedKey, byte[] content, ReportStatus status, Outcome outcome,
			LocalDate receivedOn, LocalDate acknowledgedOn, LocalDate feedbackOn, LocalDate closedOn,
			int acknowledgeDays, int feedbackMonths, byte[] accessLogHead, long number) {

		/** Where the report stands, to move it on by its rules. */
		Report report() {
			return new Report(this.id, this.status, this.outcome, this.receivedOn, this.acknowledgedOn, this.feedbackOn,
					this.closedOn);
		}

		Deadlines deadlines() {
			return Deadlines.of(this.receivedOn, this.acknowledgedOn, this.acknowledgeDays, this.feedbackMonths);
		}

		/** What binds each encrypted part to this report. */
		CryptoContexts.ReportParts contexts() {
			return CryptoContexts.report(this.selector);
		}

		@Override
		public String toString() {
			return "StoredReport[id=" + this.id + ", status=" + this.status + "]";
		}

	}

	/**
	 * A report key an account lost, with a wrapped data key that opens it: the grantor's
	 * or the lost one.
	 */
	record LostKey(long reportId, String selector, byte[] wrappedKey) {

		CryptoContexts.ReportParts contexts() {
			return CryptoContexts.report(this.selector);
		}

	}

	record LostCount(long accountId, int reports) {
	}

	record StoredMessage(long id, Author author, Long accountId, LocalDate writtenOn, byte[] content) {
	}

	record StoredAttachment(long id, Long messageId, byte[] meta) {
	}

	record Expired(long id, long organisationId, long channelId) {
	}

}
