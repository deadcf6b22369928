package bryt.shared.security;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing, rules and limits, for the web application and the command line alike.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// The prefix ({argon2}) lets a release move to stronger parameters without
		// invalidating stored hashes: Argon2id.upgradeEncoding reads the parameters of a
		// stored hash, and the login then stores a new one.
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", new Argon2id(Argon2id.MEMORY_KIB, Argon2id.ITERATIONS)));
	}

	@Bean
	PasswordRules passwordRules() {
		return new PasswordRules();
	}

	@Bean
	RateLimits rateLimits(DataSource dataSource, Clock clock) {
		return new RateLimits(dataSource, clock);
	}

	@Bean
	PasswordAttempts passwordAttempts(RateLimits limits, SecurityProperties properties) {
		return new PasswordAttempts(limits, properties.security().passwordAttemptsPerAddressPerMinute(),
				properties.security().passwordAttemptsPerAddressPerHour());
	}

}
