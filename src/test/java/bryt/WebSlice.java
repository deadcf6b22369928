package bryt;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

import bryt.shared.security.AnonymousPaths;
import bryt.shared.security.PublicUrl;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * One controller with Spring MVC, Thymeleaf, validation and the messages of all modules,
 * without a database: a test of what a form says about bad input. The service and
 * repositories the controller calls are the test's {@code @MockitoBean}s; the logged-in
 * account comes from {@code bryt.organisation.TestAccounts} with {@code user(..)} and
 * {@code csrf()}. Spring Boot's default security stands in for Bryt's chains, whose rules
 * {@code AuthorizationTests} and {@code SecurityConfigurationTests} check on the whole
 * application. Slices with the same controllers and mocks share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// The inbox link in the navigation asks voice's channels who reads reports, and the
// overview's pages' country asks the organisations; a slice has no database, and its
// pages are tested without either.
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "bryt\\.voice\\.InboxNavigation|bryt\\.overview\\.OverviewCountry"))
@Import(WebSlice.Beans.class)
public @interface WebSlice {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	/**
	 * What the language configuration and the controllers need besides their services.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	class Beans {

		@Bean
		PublicUrl publicUrl() {
			return PublicUrl.of("");
		}

		/**
		 * A fixed Monday morning in Bryt's time zone, so that a slice's dates do not
		 * drift.
		 */
		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ServerDay.ZONE);
		}

		@Bean
		AnonymousPaths noAnonymousPaths() {
			return new AnonymousPaths();
		}

	}

}
