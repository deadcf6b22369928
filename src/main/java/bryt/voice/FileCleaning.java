package bryt.voice;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Cleans the reporter's files ({@link MetadataCleaner}) a few at a time. Cleaning holds a
 * file, its cleaned copy and, for a package, its parts in memory; the permits bound how
 * many such copies exist at once, whatever the number of reporters sending. A file that
 * waits longer than {@code cleaning-wait} for a permit is refused with a message asking
 * to send again, rather than queued without end.
 */
@Component
class FileCleaning {

	private final MetadataCleaner.Limits limits;

	private final Semaphore permits;

	private final Duration wait;

	@Autowired
	FileCleaning(VoiceProperties properties) {
		this(new MetadataCleaner.Limits(properties.files().maxMegapixels() * 1_000_000L,
				properties.files().maxZipEntries(), properties.files().maxUnpackedSize().toBytes(),
				properties.files().maxCompressionRatio()), properties.files().cleaningConcurrency(),
				properties.files().cleaningWait());
	}

	FileCleaning(MetadataCleaner.Limits limits, int concurrency, Duration wait) {
		this.limits = limits;
		this.permits = new Semaphore(concurrency, true);
		this.wait = wait;
	}

	/**
	 * The file as it will be stored, with what was removed from it.
	 * @throws MetadataCleaner.Refused when the file is refused, or no permit came in time
	 */
	Reports.Upload clean(String name, byte[] bytes) throws MetadataCleaner.Refused {
		try {
			if (!this.permits.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new MetadataCleaner.Refused(MetadataCleaner.Refused.BUSY);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MetadataCleaner.Refused(MetadataCleaner.Refused.BUSY);
		}
		try {
			MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean(name, bytes, this.limits);
			return new Reports.Upload(name, cleaned.mediaType(), cleaned.bytes(), cleaned.result().name(),
					cleaned.removedNames());
		}
		finally {
			this.permits.release();
		}
	}

	/** For the message that refuses a larger image. */
	long maxMegapixels() {
		return this.limits.maxPixels() / 1_000_000L;
	}

	/** For a test: the permits, to hold them as a burst of uploads would. */
	Semaphore permits() {
		return this.permits;
	}

}
