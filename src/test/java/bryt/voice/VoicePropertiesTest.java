package bryt.voice;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voice's and the access log's settings bind under the names and with the defaults of
 * README's table, and a harmful value stops the start with a message naming it. Only the
 * two properties records are started, without a database.
 */
class VoicePropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void defaultsAreReadmes() {
		this.runner.run((context) -> {
			assertThat(context.getBean(VoiceProperties.class)).isEqualTo(new VoiceProperties(10, 60, 30,
					"bryt@localhost", "sv", "",
					new VoiceProperties.Files(40, 2, Duration.ofSeconds(20), 10_000, DataSize.ofMegabytes(100), 100)));
			assertThat(context.getBean(AccessLogProperties.class)).isEqualTo(new AccessLogProperties("", "", false));
		});
	}

	@Test
	void namesAreReadmes() {
		this.runner
			.withPropertyValues("bryt.voice.follow-up-attempts=3", "bryt.voice.submissions-per-minute=4",
					"bryt.voice.wrong-receipts-per-minute=5", "bryt.voice.mail-from=voice@ekby.se",
					"bryt.voice.mail-language=da", "bryt.voice.inbox-link=https://bryt.ekby.se/voice",
					"bryt.voice.files.max-megapixels=6", "bryt.voice.files.cleaning-concurrency=7",
					"bryt.voice.files.cleaning-wait=PT8S", "bryt.voice.files.max-zip-entries=9",
					"bryt.voice.files.max-unpacked-size=10MB", "bryt.voice.files.max-compression-ratio=11",
					"bryt.access-log.key=c2VjcmV0", "bryt.access-log.export-dir=/var/lib/bryt/heads",
					"bryt.access-log.replace-lost-key=true")
			.run((context) -> {
				assertThat(context.getBean(VoiceProperties.class))
					.isEqualTo(new VoiceProperties(3, 4, 5, "voice@ekby.se", "da", "https://bryt.ekby.se/voice",
							new VoiceProperties.Files(6, 7, Duration.ofSeconds(8), 9, DataSize.ofMegabytes(10), 11)));
				assertThat(context.getBean(AccessLogProperties.class))
					.isEqualTo(new AccessLogProperties("c2VjcmV0", "/var/lib/bryt/heads", true));
			});
	}

	@Test
	void noPermitsForCleaningStopTheStart() {
		assertRefused("bryt.voice.files.cleaning-concurrency=0", "cleaningConcurrency");
	}

	@Test
	void aBudgetOfZeroStopsTheStart() {
		assertRefused("bryt.voice.submissions-per-minute=0", "submissionsPerMinute");
		assertRefused("bryt.voice.wrong-receipts-per-minute=-1", "wrongReceiptsPerMinute");
		assertRefused("bryt.voice.follow-up-attempts=0", "followUpAttempts");
	}

	@Test
	void aNegativeWaitStopsTheStart() {
		assertRefused("bryt.voice.files.cleaning-wait=-PT1S", "bryt.voice.files.cleaning-wait must not be negative");
	}

	@Test
	void theAccessLogKeyIsNeverShown() {
		assertThat(new AccessLogProperties("c2VjcmV0", "", false).toString()).doesNotContain("c2VjcmV0")
			.contains("key=***");
	}

	/**
	 * Spring Boot's failure analysis shows the binding error at start: the property under
	 * its prefix, the value and the reason.
	 */
	private void assertRefused(String setting, String field) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(BeanCreationException.class)
				.hasRootCauseInstanceOf(Exception.class)
				.hasStackTraceContaining("bryt.voice")
				.hasStackTraceContaining(field);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ VoiceProperties.class, AccessLogProperties.class })
	static class Properties {

	}

}
