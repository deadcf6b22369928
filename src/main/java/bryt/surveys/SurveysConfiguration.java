package bryt.surveys;

import bryt.shared.database.DatabaseProperties;
import bryt.shared.security.AnonymousPaths;
import bryt.shared.security.RateLimits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SurveysProperties.class)
class SurveysConfiguration {

	/** The respondent's pages: no login, no session, no cookie. */
	@Bean
	AnonymousPaths surveysAnonymousPaths() {
		return new AnonymousPaths("/s", "/s/**");
	}

	/**
	 * The invitation key: {@code bryt.surveys.invitation-key}, else
	 * {@code keys/survey-invitation.key} under the data directory, created on first
	 * start.
	 */
	@Bean
	InvitationKey invitationKey(SurveysProperties properties, DatabaseProperties database) {
		return InvitationKey.load(properties.invitationKey(), database.dataDir().resolve("keys"));
	}

	/**
	 * The anonymity engine's minimums from {@code bryt.surveys.minimum-scores},
	 * {@code -comments} and {@code -exits} (5, 10, 5 unless set); a value below 5 has
	 * already stopped the start while the settings were bound.
	 */
	@Bean
	Minimums minimums(SurveysProperties properties) {
		return properties.minimums();
	}

	/**
	 * Codes that open no survey, shared by all instances and keyed by nothing about the
	 * visitor (no address is read), so that codes cannot be tried by the thousand.
	 */
	@Bean
	AnswerThrottle answerThrottle(RateLimits limits, SurveysProperties properties) {
		return new AnswerThrottle(limits.perMinute("surveys wrong codes", properties.wrongCodesPerMinute()));
	}

	record AnswerThrottle(RateLimits.Limit wrongCodes) {

		static final String KEY = "all";

	}

}
