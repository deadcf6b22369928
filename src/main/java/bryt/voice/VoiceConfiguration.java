package bryt.voice;

import java.time.Clock;
import java.time.Duration;

import bryt.shared.database.DatabaseProperties;
import bryt.shared.security.AnonymousPaths;
import bryt.shared.security.RateLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class VoiceConfiguration {

	/** The reporting pages: no login, no session, no cookie. */
	@Bean
	AnonymousPaths voiceAnonymousPaths() {
		return new AnonymousPaths("/report", "/report/**");
	}

	/**
	 * The access log's key: {@code bryt.access-log.key} (Base64, e.g. from
	 * {@code BRYT_ACCESS_LOG_KEY}), else {@code keys/access-log.key} under the data
	 * directory, created on first start.
	 */
	@Bean
	AccessLogKey accessLogKey(@Value("${bryt.access-log.key:}") String key, DatabaseProperties database) {
		return AccessLogKey.load(key, database.dataDir().resolve("keys"));
	}

	/**
	 * Where the chains' heads are exported: {@code bryt.access-log.export-dir}, else
	 * {@code access-log} under the data directory.
	 */
	@Bean
	AccessLogExport accessLogExport(@Value("${bryt.access-log.export-dir:}") String directory,
			DatabaseProperties database, AccessLogKey key, ReportRepository reports, Clock clock) {
		return new AccessLogExport(
				directory.isBlank() ? database.dataDir().resolve("access-log") : java.nio.file.Path.of(directory), key,
				reports, clock);
	}

	@Bean
	AccessLogs accessLogs(AccessLogKey key, AccessLogExport export, ReportRepository reports,
			TransactionTemplate transaction, Clock clock,
			@Value("${bryt.access-log.replace-lost-key:false}") boolean replaceLostKey) {
		return new AccessLogs(key, export, reports, transaction, clock, replaceLostKey);
	}

	@Bean
	Throttles voiceThrottles(Clock clock, RateLimits limits,
			@Value("${bryt.voice.follow-up-attempts:10}") int followUpAttempts,
			@Value("${bryt.voice.submissions-per-minute:60}") int submissionsPerMinute,
			@Value("${bryt.voice.wrong-receipts-per-minute:30}") int wrongReceiptsPerMinute) {
		return new Throttles(new Throttle(followUpAttempts, Duration.ofMinutes(15), clock),
				limits.perMinute("voice submissions", submissionsPerMinute),
				limits.perMinute("voice wrong receipts", wrongReceiptsPerMinute));
	}

	/**
	 * @param followUp wrong attempts per receipt selector, so that a receipt of which a
	 * part is known cannot be completed by trying. In this instance's memory only: a key
	 * stored in the database would tie a moment to one report
	 * @param submissions reports and reporters' messages per organisation, shared by all
	 * instances (keyed by the organisation's id only), so that a flood is cut down
	 * @param wrongReceipts wrong receipts per organisation, shared by all instances, so
	 * that receipts cannot be tried by the thousand with a different selector each
	 */
	record Throttles(Throttle followUp, RateLimits.Limit submissions, RateLimits.Limit wrongReceipts) {
	}

}
