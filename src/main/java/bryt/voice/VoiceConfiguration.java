package bryt.voice;

import java.time.Clock;
import java.time.Duration;

import bryt.shared.database.DatabaseProperties;
import bryt.shared.security.AnonymousPaths;
import bryt.shared.security.RateLimits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ VoiceProperties.class, AccessLogProperties.class })
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
	AccessLogKey accessLogKey(AccessLogProperties properties, DatabaseProperties database) {
		return AccessLogKey.load(properties.key(), database.dataDir().resolve("keys"));
	}

	/**
	 * Where the chains' heads are exported: {@code bryt.access-log.export-dir}, else
	 * {@code access-log} under the data directory.
	 */
	@Bean
	AccessLogExport accessLogExport(AccessLogProperties properties, DatabaseProperties database, AccessLogKey key,
			ReportRepository reports, Clock clock) {
		String directory = properties.exportDir();
		return new AccessLogExport(
				directory.isBlank() ? database.dataDir().resolve("access-log") : java.nio.file.Path.of(directory), key,
				reports, clock);
	}

	@Bean
	AccessLogs accessLogs(AccessLogKey key, AccessLogExport export, ReportRepository reports,
			TransactionTemplate transaction, Clock clock, AccessLogProperties properties) {
		return new AccessLogs(key, export, reports, transaction, clock, properties.replaceLostKey());
	}

	@Bean
	Throttles voiceThrottles(Clock clock, RateLimits limits, VoiceProperties properties) {
		return new Throttles(new Throttle(properties.followUpAttempts(), Duration.ofMinutes(15), clock),
				limits.perMinuteAnonymous("voice submissions", properties.submissionsPerMinute()),
				limits.perMinuteAnonymous("voice wrong receipts", properties.wrongReceiptsPerMinute()));
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
