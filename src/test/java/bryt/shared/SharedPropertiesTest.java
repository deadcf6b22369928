package bryt.shared;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bryt.time-zone} and {@code bryt.demo.enabled} bind with the README's defaults,
 * and a zone that does not exist stops the start naming the setting and the value.
 */
class SharedPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void theDefaultsAreTheReadmes() {
		this.runner.run((context) -> {
			SharedProperties properties = context.getBean(SharedProperties.class);
			assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
			assertThat(properties.demo().enabled()).isTrue();
		});
		this.runner.withPropertyValues("bryt.time-zone=Europe/Copenhagen", "bryt.demo.enabled=false").run((context) -> {
			SharedProperties properties = context.getBean(SharedProperties.class);
			assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
			assertThat(properties.demo().enabled()).isFalse();
		});
	}

	@Test
	void aZoneThatDoesNotExistStopsTheStart() {
		this.runner.withPropertyValues("bryt.time-zone=Europe/Ekby").run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			assertThat(messages.toString()).contains("bryt.time-zone").contains("Europe/Ekby");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SharedProperties.class)
	static class Properties {

	}

}
