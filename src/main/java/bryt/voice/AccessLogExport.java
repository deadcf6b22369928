package bryt.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The heads of all access log chains, exported at intervals to a file the database cannot
 * rewrite, authenticated with the access log key. A report's chain must reach at least as
 * far as its exported head; so cutting a chain back, or removing a whole report without
 * the retention job's keyed seal, is found. Before each export the previous one is
 * checked against the database; a discrepancy is logged and the old head is carried on,
 * so that the report keeps showing as broken.
 */
class AccessLogExport {

	private static final Logger log = LoggerFactory.getLogger(AccessLogExport.class);

	private static final String MAGIC = "bryt-access-log-heads 1";

	private static final HexFormat HEX = HexFormat.of();

	private final Path file;

	private final AccessLogKey key;

	private final ReportRepository reports;

	private final Clock clock;

	private volatile Cached cached;

	AccessLogExport(Path directory, AccessLogKey key, ReportRepository reports, Clock clock) {
		this.file = directory.resolve("heads");
		this.key = key;
		this.reports = reports;
		this.clock = clock;
	}

	Path file() {
		return this.file;
	}

	@Scheduled(fixedDelayString = "${bryt.access-log.export-interval:PT5M}",
			initialDelayString = "${bryt.access-log.export-interval:PT5M}")
	@SchedulerLock(name = "voice-access-log-export", lockAtMostFor = "PT30M")
	void runScheduled() {
		export();
	}

	/**
	 * Checks the last export against the database and writes the current heads.
	 * @return how many chains were found cut back or removed
	 */
	synchronized int export() {
		Exported previous = read();
		Map<Long, Head> next = new LinkedHashMap<>();
		Map<Long, Head> current = this.reports.accessLogHeads();
		int broken = 0;
		if (previous.untrusted()) {
			log.error("The exported access log heads in {} fail their check; writing them anew", this.file);
		}
		for (Map.Entry<Long, Head> old : previous.heads().entrySet()) {
			long reportId = old.getKey();
			Head now = current.get(reportId);
			if (now == null) {
				if (this.reports.exists(reportId)) {
					log.error("The access log of voice report {} lost its entries since the last export", reportId);
				}
				else if (this.key.verify(this.reports.deletionSeal(reportId).orElse(null), deletionText(reportId))) {
					continue;
				}
				else {
					log.error("Voice report {} was removed, not by the retention job, since the last export", reportId);
				}
				next.put(reportId, old.getValue());
				broken++;
			}
			else if (now.count() < old.getValue().count() || !java.security.MessageDigest
				.isEqual(this.reports.accessLogHashAt(reportId, old.getValue().count()), old.getValue().hash())) {
				log.error("The access log of voice report {} was cut back or rewritten since the last export",
						reportId);
				next.put(reportId, old.getValue());
				broken++;
			}
		}
		for (Map.Entry<Long, Head> now : current.entrySet()) {
			next.putIfAbsent(now.getKey(), now.getValue());
		}
		write(next);
		return broken;
	}

	private byte[] deletionText(long reportId) {
		return ("bryt access log deleted report\n" + reportId).getBytes(StandardCharsets.UTF_8);
	}

	/** The last export; empty when there is none yet. */
	Exported read() {
		try {
			if (!Files.exists(this.file)) {
				return Exported.NONE;
			}
			FileTime modified = Files.getLastModifiedTime(this.file);
			long size = Files.size(this.file);
			Cached cache = this.cached;
			if (cache != null && cache.modified().equals(modified) && cache.size() == size) {
				return cache.exported();
			}
			Exported exported = parse(Files.readAllLines(this.file, StandardCharsets.US_ASCII));
			this.cached = new Cached(modified, size, exported);
			return exported;
		}
		catch (IOException | RuntimeException ex) {
			return Exported.UNTRUSTED;
		}
	}

	private Exported parse(List<String> lines) {
		if (lines.size() < 3 || !MAGIC.equals(lines.get(0)) || !lines.get(lines.size() - 1).startsWith("mac ")) {
			return Exported.UNTRUSTED;
		}
		String body = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
		byte[] mac = HEX.parseHex(lines.get(lines.size() - 1).substring(4));
		if (!this.key.verify(mac, body.getBytes(StandardCharsets.US_ASCII))) {
			return Exported.UNTRUSTED;
		}
		Map<Long, Head> heads = new LinkedHashMap<>();
		for (String line : lines.subList(2, lines.size() - 1)) {
			String[] parts = line.split(" ");
			int count = Integer.parseInt(parts[2]);
			if (!"report".equals(parts[0]) || count < 1) {
				return Exported.UNTRUSTED;
			}
			heads.put(Long.parseLong(parts[1]), new Head(count, HEX.parseHex(parts[3])));
		}
		return new Exported(heads, false);
	}

	private void write(Map<Long, Head> heads) {
		StringBuilder body = new StringBuilder(MAGIC).append('\n');
		body.append("at ").append(Instant.now(this.clock)).append('\n');
		heads.forEach((id, head) -> body.append("report ")
			.append(id)
			.append(' ')
			.append(head.count())
			.append(' ')
			.append(HEX.formatHex(head.hash()))
			.append('\n'));
		byte[] mac = this.key.mac(body.toString().getBytes(StandardCharsets.US_ASCII));
		body.append("mac ").append(HEX.formatHex(mac)).append('\n');
		try {
			Path directory = this.file.getParent();
			boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
			if (!Files.isDirectory(directory)) {
				Files.createDirectories(directory);
			}
			Path temporary = Files.createTempFile(directory, "heads", ".tmp");
			if (posix) {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			Files.writeString(temporary, body, StandardCharsets.US_ASCII);
			// A reader sees the old file or the new one, never half of one.
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the access log heads to " + this.file, ex);
		}
	}

	/** A chain's length and newest code. */
	record Head(int count, byte[] hash) {
	}

	/**
	 * @param heads by report id
	 * @param untrusted whether a file exists but fails its check (changed, cut or written
	 * with another key)
	 */
	record Exported(Map<Long, Head> heads, boolean untrusted) {

		static final Exported NONE = new Exported(Map.of(), false);

		static final Exported UNTRUSTED = new Exported(Map.of(), true);

	}

	private record Cached(FileTime modified, long size, Exported exported) {
	}

}
