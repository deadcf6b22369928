package bryt.shared.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The security settings bind with the README's names and defaults, and a value out of
 * range stops the start with a message naming the setting, the value and the rule.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void theDefaultsAreTheReadmes() {
		this.runner.run((context) -> {
			SecurityProperties properties = context.getBean(SecurityProperties.class);
			assertThat(properties.publicUrl()).isEmpty();
			assertThat(properties.session().absoluteTimeout()).isEqualTo(Duration.ofHours(8));
			assertThat(properties.security().passwordAttemptsPerAddressPerMinute()).isEqualTo(20);
			assertThat(properties.security().passwordAttemptsPerAddressPerHour()).isEqualTo(300);
		});
	}

	@Test
	void theNamesAreTheReadmes() {
		this.runner
			.withPropertyValues("bryt.public-url=https://bryt.example.org", "bryt.session.absolute-timeout=2h",
					"bryt.security.password-attempts-per-address-per-minute=5",
					"bryt.security.password-attempts-per-address-per-hour=50")
			.run((context) -> {
				SecurityProperties properties = context.getBean(SecurityProperties.class);
				assertThat(properties.publicUrl()).isEqualTo("https://bryt.example.org");
				assertThat(properties.session().absoluteTimeout()).isEqualTo(Duration.ofHours(2));
				assertThat(properties.security().passwordAttemptsPerAddressPerMinute()).isEqualTo(5);
				assertThat(properties.security().passwordAttemptsPerAddressPerHour()).isEqualTo(50);
			});
	}

	/**
	 * Started as Bryt starts, so that Spring Boot's failure report is what an operator
	 * reads: the setting, the value and the rule.
	 */
	@Test
	void noPasswordAttemptsAtAllStopsTheStartNamingTheSetting(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--bryt.security.password-attempts-per-address-per-minute=0"));
		// Spring Boot names a record's component as written in Java, not in kebab case.
		assertThat(output).contains("Property: bryt.security.passwordAttemptsPerAddressPerMinute")
			.contains("Value: \"0\"")
			.contains("Reason: must be greater than or equal to 1");
	}

	@Test
	void aSessionOfSecondsStopsTheStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--bryt.session.absolute-timeout=10s"));
		assertThat(output).contains("Property: bryt.session.absoluteTimeout")
			.contains("Reason: must be longer than or equal to 1 minute");
	}

	private static void start(String argument) {
		new SpringApplicationBuilder(Startup.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.run(argument)
			.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class })
	@EnableConfigurationProperties(SecurityProperties.class)
	static class Startup {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecurityProperties.class)
	static class Properties {

	}

}
