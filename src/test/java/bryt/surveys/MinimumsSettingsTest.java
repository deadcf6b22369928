package bryt.surveys;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bryt.surveys.minimum-scores}, {@code -comments} and {@code -exits} bind to the
 * engine's {@link Minimums} (5, 10, 5 unless set); one below 5 stops the start with the
 * constructor's message, naming the minimum and the value.
 */
class MinimumsSettingsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void theMinimumsAreTheIssuesUnlessRaised() {
		this.runner.run((context) -> assertThat(context.getBean(Minimums.class)).isEqualTo(new Minimums(5, 10, 5)));
		this.runner
			.withPropertyValues("bryt.surveys.minimum-scores=7", "bryt.surveys.minimum-comments=5",
					"bryt.surveys.minimum-exits=6")
			.run((context) -> assertThat(context.getBean(Minimums.class)).isEqualTo(new Minimums(7, 5, 6)));
	}

	@Test
	void aMinimumBelowFiveStopsTheStart() {
		assertStartFails("bryt.surveys.minimum-scores=4",
				"The minimum group for scores is 4; it may be raised but never set below 5.");
		assertStartFails("bryt.surveys.minimum-comments=3",
				"The minimum group for comments is 3; it may be raised but never set below 5.");
		assertStartFails("bryt.surveys.minimum-exits=0",
				"The minimum group for exits is 0; it may be raised but never set below 5.");
	}

	private void assertStartFails(String setting, String message) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			assertThat(messages.toString()).contains(message);
		});
	}

	/** The properties and the bean as {@link SurveysConfiguration} makes it. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SurveysProperties.class)
	static class Properties {

		@Bean
		Minimums minimums(SurveysProperties properties) {
			return properties.minimums();
		}

	}

}
