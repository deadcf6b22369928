package bryt.shared;

import java.time.Clock;

import bryt.shared.database.DatabaseProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** Deadlines and dates are computed in the organisations' own time zone. */
	@Bean
	Clock clock(SharedProperties properties) {
		return Clock.system(properties.timeZone());
	}

	@Bean
	DemoMode demoMode(DatabaseProperties database, SharedProperties properties) {
		return new DemoMode(database.embedded() && properties.demo().enabled());
	}

}
