package bryt.shared;

import java.time.Clock;
import java.time.ZoneId;

import bryt.shared.database.DatabaseProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** Deadlines and dates are computed in the organisations' own time zone. */
	@Bean
	Clock clock(@Value("${bryt.time-zone:Europe/Stockholm}") ZoneId zone) {
		return Clock.system(zone);
	}

	@Bean
	DemoMode demoMode(DatabaseProperties database, @Value("${bryt.demo.enabled:true}") boolean enabled) {
		return new DemoMode(database.embedded() && enabled);
	}

}
