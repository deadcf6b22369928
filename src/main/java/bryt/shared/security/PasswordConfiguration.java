package bryt.shared.security;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing, rules and limits, for the web application and the command line alike.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/** Argon2id memory in KiB: 19 MiB, OWASP's minimum for t = 2. */
	static final int ARGON2_MEMORY = 19 * 1024;

	static final int ARGON2_ITERATIONS = 2;

	@Bean
	PasswordEncoder passwordEncoder() {
		// The prefix ({argon2}) lets a release move to stronger parameters without
		// invalidating stored hashes: Argon2PasswordEncoder.upgradeEncoding reads the
		// parameters of a stored hash, and the login then stores a new one.
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY, ARGON2_ITERATIONS)));
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
