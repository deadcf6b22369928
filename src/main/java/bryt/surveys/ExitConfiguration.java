package bryt.surveys;

import bryt.shared.database.DatabaseProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExitConfiguration {

	/**
	 * The private addresses' key: {@code bryt.surveys.exit-address-key}, else
	 * {@code keys/survey-exit-address.key} under the data directory, created on first
	 * start.
	 */
	@Bean
	ExitAddressKey exitAddressKey(@Value("${bryt.surveys.exit-address-key:}") String configured,
			DatabaseProperties database) {
		return ExitAddressKey.load(configured, database.dataDir().resolve("keys"));
	}

}
