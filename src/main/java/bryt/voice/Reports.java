package bryt.voice;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.crypto.tink.KeysetHandle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting, following up and handling reports. Every text and file is encrypted here
 * before it reaches the repository, and decrypted here for the reporter (with the
 * receipt) or a recipient (with the unlocked private key).
 */
@Service
class Reports {

	/**
	 * Compared against when no report has the selector, so that both paths do the same
	 * work.
	 */
	private static final byte[] DUMMY_HASH = Receipt.hash("00000000", "00000000000000000000");

	private final ReportRepository reports;

	private final KeyRepository keys;

	private final Clock clock;

	private final DefaultQuestionnaire builtIn;

	private final AccessLogs accessLogs;

	private final SecureRandom random = new SecureRandom();

	private final ReportFiles files;

	Reports(ReportRepository reports, KeyRepository keys, DefaultQuestionnaire builtIn, AccessLogs accessLogs,
			Clock clock) {
		this.accessLogs = accessLogs;
		this.builtIn = builtIn;
		this.reports = reports;
		this.keys = keys;
		this.clock = clock;
		this.files = new ReportFiles(reports);
	}

	/**
	 * Stores a new report, readable by the channel's recipients minus those excluded and
	 * by the holder of the returned receipt.
	 * @throws NoRecipientException when none of the remaining recipients has a key
	 */
	@Transactional
	Receipt submit(Channel channel, Submission submission) {
		List<Long> recipients = channel.recipientIds()
			.stream()
			.filter((id) -> !submission.excluded().contains(id))
			.toList();
		List<KeyRepository.PublicKey> publicKeys = this.keys.publicKeys(channel.organisationId(), recipients);
		if (publicKeys.isEmpty()) {
			throw new NoRecipientException();
		}
		Receipt receipt = Receipt.generate(this.random);
		byte[] dataKey = VoiceCrypto.newDataKey();
		String selector = receipt.selector();
		Map<String, String> content = new LinkedHashMap<>();
		Answers.write(submission.answers(), content);
		if (submission.name() != null) {
			content.put(IDENTITY_NAME, submission.name());
		}
		if (submission.contact() != null) {
			content.put(IDENTITY_CONTACT, submission.contact());
		}
		long id = this.reports.create(channel.organisationId(), channel.id(), submission.unitId(), selector,
				receipt.verifierHash(),
				VoiceCrypto.encrypt(receipt.wrappingKey(), dataKey, CryptoContexts.report(selector).receipt()),
				VoiceCrypto.encrypt(dataKey, Payload.encode(content), CryptoContexts.report(selector).content()),
				today());
		for (KeyRepository.PublicKey key : publicKeys) {
			this.reports.addKey(channel.organisationId(), id, key.accountId(),
					VoiceCrypto.wrapFor(key.keyset(), dataKey, CryptoContexts.report(selector).key()));
		}
		this.files.store(channel.organisationId(), id, null, selector, dataKey, submission.files());
		return receipt;
	}

	/**
	 * The report the receipt belongs to, decrypted for its reporter; empty for a wrong or
	 * malformed receipt alike, after the same work.
	 */
	@Transactional(readOnly = true)
	Optional<ReporterView> followUp(long organisationId, String typedReceipt) {
		return open(organisationId, typedReceipt).map((opened) -> reporterView(opened.report(), opened.dataKey()));
	}

	@Transactional
	boolean addReporterMessage(long organisationId, String typedReceipt, String text, List<Upload> files) {
		Optional<Opened> opened = open(organisationId, typedReceipt);
		if (opened.isEmpty()) {
			return false;
		}
		ReportRepository.StoredReport report = opened.get().report();
		long messageId = this.reports.addMessage(organisationId, report.id(), ReportRepository.Author.REPORTER, null,
				today(), VoiceCrypto.encrypt(opened.get().dataKey(), Payload.encode(Map.of(TEXT, text)),
						report.contexts().message()));
		this.files.store(organisationId, report.id(), messageId, report.selector(), opened.get().dataKey(), files);
		return true;
	}

	/** The reports the account may read, with what is due. */
	@Transactional(readOnly = true)
	List<InboxRow> inbox(long organisationId, long accountId) {
		LocalDate today = today();
		return this.reports.inbox(organisationId, accountId).stream().map((report) -> row(report, today)).toList();
	}

	/**
	 * One page of the reports the account may read, newest first.
	 * @param page counted from 1; past the last page gives the last page
	 */
	@Transactional(readOnly = true)
	InboxPage inbox(long organisationId, long accountId, InboxFilter filter, int page) {
		LocalDate today = today();
		long total = this.reports.countInbox(organisationId, accountId, filter, today);
		int pages = (int) Math.max(1, (total + InboxPage.SIZE - 1) / InboxPage.SIZE);
		int shown = Math.min(Math.max(page, 1), pages);
		List<InboxRow> rows = this.reports
			.inbox(organisationId, accountId, filter, today, InboxPage.SIZE, (shown - 1) * InboxPage.SIZE)
			.stream()
			.map((report) -> row(report, today))
			.toList();
		return new InboxPage(rows, total, shown, pages);
	}

	private static InboxRow row(ReportRepository.StoredReport report, LocalDate today) {
		return new InboxRow(report.id(), report.number(), report.channelName(), report.receivedOn(), report.status(),
				report.deadlines().due(report.status(), report.feedbackOn(), today));
	}

	/**
	 * The report's id inside Bryt, from the number its organisation knows it by; only for
	 * a report the account holds a key for.
	 * @throws ReportNotFoundException otherwise, as for a number that does not exist
	 */
	@Transactional(readOnly = true)
	long idOf(long organisationId, long accountId, long number) {
		return this.reports.idForRecipient(organisationId, number, accountId).orElseThrow(ReportNotFoundException::new);
	}

	/**
	 * Closes the chosen reports as not substantiated, each with an entry in its access
	 * log. All or nothing: when the account cannot read one of them, none is closed.
	 * @param numbers the reports' numbers in the organisation
	 * @return how many were closed; those already closed are left as they are
	 * @throws ReportNotFoundException when one of them is not the account's to read
	 */
	@Transactional
	int closeUnfounded(long organisationId, long accountId, java.util.Collection<Long> numbers) {
		List<Long> ids = new ArrayList<>();
		for (long number : new java.util.TreeSet<>(numbers)) {
			ids.add(this.reports.idForRecipient(organisationId, number, accountId)
				.orElseThrow(ReportNotFoundException::new));
		}
		int closed = 0;
		for (long id : ids) {
			if (!recipientReport(organisationId, accountId, id).report().isClosed()) {
				changeStatus(organisationId, accountId, id, ReportStatus.CLOSED, Outcome.NOT_SUBSTANTIATED);
				closed++;
			}
		}
		return closed;
	}

	/**
	 * Decrypts the report for one of its recipients and writes the opening to the access
	 * log.
	 */
	@Transactional
	RecipientView read(long organisationId, long accountId, long reportId, KeysetHandle privateKey) {
		ReportRepository.StoredReport report = recipientReport(organisationId, accountId, reportId);
		byte[] dataKey = dataKey(report, accountId, privateKey);
		log(report, accountId, "OPENED");
		ReporterView content = reporterView(report, dataKey);
		List<Message> notes = new ArrayList<>();
		List<Message> dialogue = new ArrayList<>();
		for (Message message : content.allMessages()) {
			(message.author() == ReportRepository.Author.NOTE ? notes : dialogue).add(message);
		}
		List<AccessLog.Entry> entries = this.reports.accessLog(reportId);
		AccessLog.Verdict verdict = this.accessLogs.verify(reportId, entries,
				this.reports.lockAccessLogHead(reportId).orElse(null));
		return new RecipientView(report.id(), report.number(), report.channelName(), report.unitId(), report.status(),
				report.outcome(), report.receivedOn(), report.acknowledgedOn(), report.feedbackOn(), report.closedOn(),
				report.deadlines(), report.deadlines().due(report.status(), report.feedbackOn(), today()),
				content.answers(), content.name(), content.contact(), dialogue, notes, content.files(), entries,
				verdict.intact(), verdict.keyedSince(), this.reports.recipients(reportId),
				this.reports.lostAccess(reportId));
	}

	/**
	 * A message to the reporter, or an internal note only recipients see. The first
	 * message acknowledges a new report; the first one in follow-up is the feedback.
	 */
	@Transactional
	void write(long organisationId, long accountId, long reportId, KeysetHandle privateKey, String text, boolean note) {
		ReportRepository.StoredReport report = recipientReport(organisationId, accountId, reportId);
		byte[] dataKey = dataKey(report, accountId, privateKey);
		this.reports.addMessage(organisationId, reportId,
				note ? ReportRepository.Author.NOTE : ReportRepository.Author.RECIPIENT, accountId, today(),
				VoiceCrypto.encrypt(dataKey, Payload.encode(Map.of(TEXT, text)), report.contexts().message()));
		log(report, accountId, note ? "NOTE" : "REPLIED");
		if (!note) {
			Report replied = report.report().replied(today());
			if (!replied.equals(report.report())) {
				this.reports.save(replied);
			}
		}
	}

	/**
	 * Moves the report on: acknowledge, start the follow-up, or close with an outcome.
	 * Only forward; a closed report stays closed.
	 * @throws Report.Refused when the rules forbid the change; nothing is stored or
	 * logged then
	 */
	@Transactional
	void changeStatus(long organisationId, long accountId, long reportId, ReportStatus target, Outcome outcome) {
		ReportRepository.StoredReport report = recipientReport(organisationId, accountId, reportId);
		this.reports.save(report.report().moveTo(target, outcome, today()));
		log(report, accountId, "STATUS_" + target.name());
	}

	/** A file of the report, decrypted for one of its recipients. */
	@Transactional
	Optional<Download> download(long organisationId, long accountId, long reportId, long fileId,
			KeysetHandle privateKey) {
		ReportRepository.StoredReport report = recipientReport(organisationId, accountId, reportId);
		byte[] dataKey = dataKey(report, accountId, privateKey);
		Optional<byte[]> data = this.reports.attachmentData(reportId, fileId);
		if (data.isEmpty()) {
			return Optional.empty();
		}
		FileInfo info = this.files.read(report, dataKey)
			.stream()
			.filter((file) -> file.id() == fileId)
			.findFirst()
			.orElseThrow();
		log(report, accountId, "DOWNLOADED");
		try {
			return Optional.of(new Download(info.name(), info.mediaType(),
					VoiceCrypto.decrypt(dataKey, data.get(), report.contexts().file(fileId))));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A file of report " + reportId + " does not decrypt", ex);
		}
	}

	/**
	 * Writes what happened to the report's keys (discarded, re-granted, recovered) to its
	 * access log, the same way as every opening.
	 */
	@Transactional
	void logAccess(long organisationId, long reportId, long accountId, String action) {
		log(this.reports.find(organisationId, reportId).orElseThrow(ReportNotFoundException::new), accountId, action);
	}

	private Optional<Opened> open(long organisationId, String typedReceipt) {
		Optional<Receipt> receipt = Receipt.parse(typedReceipt);
		Optional<ReportRepository.StoredReport> report = this.reports.findBySelector(organisationId,
				receipt.map(Receipt::selector).orElse("-"));
		byte[] stored = report.map(ReportRepository.StoredReport::receiptHash).orElse(DUMMY_HASH);
		byte[] typed = receipt.map(Receipt::verifierHash).orElseGet(() -> Receipt.hash("-", typedReceipt + ""));
		if (!MessageDigest.isEqual(typed, stored) || report.isEmpty() || receipt.isEmpty()) {
			return Optional.empty();
		}
		try {
			byte[] dataKey = VoiceCrypto.decrypt(receipt.get().wrappingKey(), report.get().receiptWrappedKey(),
					report.get().contexts().receipt());
			return Optional.of(new Opened(report.get(), dataKey));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	private ReporterView reporterView(ReportRepository.StoredReport report, byte[] dataKey) {
		try {
			Map<String, String> content = Payload
				.decode(VoiceCrypto.decrypt(dataKey, report.content(), report.contexts().content()));
			String name = content.remove(IDENTITY_NAME);
			String contact = content.remove(IDENTITY_CONTACT);
			List<Answers.Answer> answers = Answers.read(content, this.builtIn::label);
			List<FileInfo> files = this.files.read(report, dataKey);
			List<Message> messages = new ArrayList<>();
			for (ReportRepository.StoredMessage message : this.reports.messages(report.id())) {
				String text = Payload
					.decode(VoiceCrypto.decrypt(dataKey, message.content(), report.contexts().message()))
					.get(TEXT);
				messages.add(new Message(message.id(), message.author(), message.accountId(), message.writtenOn(), text,
						files.stream().filter((file) -> Long.valueOf(message.id()).equals(file.messageId())).toList()));
			}
			return new ReporterView(report.channelId(), report.channelName(), report.status(), report.outcome(),
					report.receivedOn(), answers, name, contact,
					messages.stream().filter((message) -> message.author() != ReportRepository.Author.NOTE).toList(),
					files.stream().filter((file) -> file.messageId() == null).toList(), messages);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Report " + report.id() + " does not decrypt with its key", ex);
		}
	}

	private ReportRepository.StoredReport recipientReport(long organisationId, long accountId, long reportId) {
		return this.reports.findForRecipient(organisationId, reportId, accountId)
			.orElseThrow(ReportNotFoundException::new);
	}

	private byte[] dataKey(ReportRepository.StoredReport report, long accountId, KeysetHandle privateKey) {
		byte[] wrapped = this.reports.wrappedKey(report.id(), accountId).orElseThrow(ReportNotFoundException::new);
		try {
			return VoiceCrypto.unwrapWith(privateKey, wrapped, report.contexts().key());
		}
		catch (GeneralSecurityException ex) {
			throw new ReportNotFoundException();
		}
	}

	private void log(ReportRepository.StoredReport report, long accountId, String action) {
		this.accessLogs.append(report.organisationId(), report.id(), accountId, action);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	static final String IDENTITY_NAME = "identity.name";

	static final String IDENTITY_CONTACT = "identity.contact";

	static final String TEXT = "text";

	/**
	 * What the reporter sends: answers already checked against the channel's questions.
	 */
	record Submission(List<Answers.Answer> answers, Long unitId, String name, String contact, Set<Long> excluded,
			List<Upload> files) {

		@Override
		public String toString() {
			return "Submission[***]";
		}

	}

	/**
	 * A file as it will be stored: metadata already removed where possible.
	 *
	 * @param cleaning a {@link MetadataCleaner.Result}
	 * @param removed what was removed, as {@link MetadataCleaner.Cleaned#removedNames()}
	 */
	record Upload(String name, String mediaType, byte[] bytes, String cleaning, String removed) {

		/** The message keys of what was removed, for the reporter's notice. */
		public List<String> removedKeys() {
			return MetadataCleaner.removedKeys(this.removed);
		}

		@Override
		public String toString() {
			return "Upload[" + this.bytes.length + " bytes]";
		}

	}

	record Download(String name, String mediaType, byte[] bytes) {
	}

	record FileInfo(long id, Long messageId, String name, String mediaType, long size, String cleaning,
			String removed) {

		/** The message keys of what was removed, for the recipient's notice. */
		public List<String> removedKeys() {
			return MetadataCleaner.removedKeys(this.removed);
		}

	}

	record Message(long id, ReportRepository.Author author, Long accountId, LocalDate writtenOn, String text,
			List<FileInfo> files) {
	}

	record ReporterView(long channelId, String channelName, ReportStatus status, Outcome outcome, LocalDate receivedOn,
			List<Answers.Answer> answers, String name, String contact, List<Message> messages, List<FileInfo> files,
			List<Message> allMessages) {
	}

	/**
	 * @param id the report's id inside Bryt: never shown, never in a URL
	 * @param number the report's number in its organisation, shown and in URLs
	 * @param accessLogKeyedSince when the log was sealed with the key, if it holds
	 * entries from before; {@code null} when every entry is keyed
	 */
	record RecipientView(long id, long number, String channelName, Long unitId, ReportStatus status, Outcome outcome,
			LocalDate receivedOn, LocalDate acknowledgedOn, LocalDate feedbackOn, LocalDate closedOn,
			Deadlines deadlines, Deadlines.Due due, List<Answers.Answer> answers, String name, String contact,
			List<Message> messages, List<Message> notes, List<FileInfo> files, List<AccessLog.Entry> accessLog,
			boolean accessLogIntact, Instant accessLogKeyedSince, List<Long> recipients, List<Long> lostAccess) {
	}

	/**
	 * @param id never shown; {@code number} is
	 */
	record InboxRow(long id, long number, String channelName, LocalDate receivedOn, ReportStatus status,
			Deadlines.Due due) {
	}

	/**
	 * What the inbox shows; {@code null} for no restriction.
	 *
	 * @param overdue only reports whose acknowledgement or feedback is overdue
	 */
	record InboxFilter(ReportStatus status, Long channelId, boolean overdue) {

		static final InboxFilter NONE = new InboxFilter(null, null, false);

	}

	/**
	 * @param page counted from 1
	 */
	record InboxPage(List<InboxRow> rows, long total, int page, int pages) {

		/** Small enough for a quick page with thousands of reports. */
		static final int SIZE = 50;

	}

	private record Opened(ReportRepository.StoredReport report, byte[] dataKey) {
	}

	/** None of the channel's remaining recipients can receive a report yet. */
	static class NoRecipientException extends RuntimeException {

		NoRecipientException() {
			super("No recipient of the channel has a key");
		}

	}

	/** The report does not exist or is not the account's to read. */
	static class ReportNotFoundException extends RuntimeException {

		ReportNotFoundException() {
			super("No such report for this recipient");
		}

	}

}
