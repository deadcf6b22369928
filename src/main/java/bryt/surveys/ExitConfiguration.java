package bryt.surveys;

import bryt.shared.database.DatabaseProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExitConfiguration {

	/**
	 * The private addresses' key: {@code bryt.surveys.exit-address-key}
	 * ({@link SurveysProperties#exitAddressKey()}), else
	 * {@code keys/survey-exit-address.key} under the data directory, created on first
	 * start.
	 */
	@Bean
	ExitAddressKey exitAddressKey(SurveysProperties properties, DatabaseProperties database) {
		return ExitAddressKey.load(properties.exitAddressKey(), database.dataDir().resolve("keys"));
	}

}
