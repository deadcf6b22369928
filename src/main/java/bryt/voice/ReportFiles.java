package bryt.voice;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's files, the reporter's and those sent with messages: their metadata and bytes
 * encrypted apart under the report's data key, each bound to its own row. Used by
 * {@link Reports}, inside its transactions.
 */
class ReportFiles {

	private final ReportRepository repository;

	ReportFiles(ReportRepository repository) {
		this.repository = repository;
	}

	/**
	 * The report's files' names, types, sizes and cleaning, decrypted; not their bytes.
	 */
	List<Reports.FileInfo> read(ReportRepository.StoredReport report, byte[] dataKey) {
		List<Reports.FileInfo> files = new ArrayList<>();
		for (ReportRepository.StoredAttachment attachment : this.repository.attachments(report.id())) {
			try {
				Map<String, String> meta = Payload.decode(
						VoiceCrypto.decrypt(dataKey, attachment.meta(), report.contexts().fileMeta(attachment.id())));
				files.add(new Reports.FileInfo(attachment.id(), attachment.messageId(), meta.get("name"),
						meta.get("type"), Long.parseLong(meta.get("size")), meta.getOrDefault("cleaning", ""),
						meta.getOrDefault("removed", "")));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("A file of report " + report.id() + " does not decrypt", ex);
			}
		}
		return files;
	}

	/** Stores the files, each encrypted under the report's data key. */
	void store(long organisationId, long reportId, Long messageId, String selector, byte[] dataKey,
			List<Reports.Upload> files) {
		for (Reports.Upload file : files) {
			// The id is part of the associated data, so the row is written first and
			// filled after.
			long id = this.repository.addAttachment(organisationId, reportId, messageId, new byte[0], new byte[0]);
			Map<String, String> meta = new LinkedHashMap<>();
			meta.put("name", file.name());
			meta.put("type", file.mediaType());
			meta.put("size", String.valueOf(file.bytes().length));
			meta.put("cleaning", file.cleaning());
			meta.put("removed", file.removed());
			this.repository.fillAttachment(id,
					VoiceCrypto.encrypt(dataKey, Payload.encode(meta), CryptoContexts.report(selector).fileMeta(id)),
					VoiceCrypto.encrypt(dataKey, file.bytes(), CryptoContexts.report(selector).file(id)));
		}
	}

}
