package bryt.safety;

import bryt.shared.security.AnonymousPaths;
import bryt.shared.security.RateLimits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reporting part's beans: the anonymous form's paths and its budgets. */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

	/**
	 * Anonymous reports per organisation and minute, shared by all instances: well above
	 * what a municipality's staff send (a few a day), so that it takes a steady flood to
	 * keep a genuine reporter waiting, who is then told to send again in a minute with
	 * the answers kept (fix14; was 30).
	 */
	static final int SUBMISSIONS_PER_MINUTE = 120;

	/**
	 * Receipts that match no report, per organisation and minute, shared by all
	 * instances. A receipt whose public half belongs to a report draws on its own budget
	 * ({@link ReceiptChecks}), so that guessing elsewhere never blocks it.
	 */
	static final int WRONG_RECEIPTS_PER_MINUTE = 30;

	/** The anonymous form and its status page: no login, no session, no cookie. */
	@Bean
	AnonymousPaths safetyAnonymousPaths() {
		return new AnonymousPaths("/safety/r/**");
	}

	@Bean
	PublicLimits safetyPublicLimits(RateLimits limits) {
		return new PublicLimits(limits.perMinuteAnonymous("safety submissions", SUBMISSIONS_PER_MINUTE),
				limits.perMinuteAnonymous("safety wrong receipts", WRONG_RECEIPTS_PER_MINUTE));
	}

	/**
	 * Keyed by the organisation's id only: never an address or anything typed.
	 *
	 * @param submissions anonymous reports, so that a flood is cut down
	 * @param wrongReceipts wrong receipts, so that receipts cannot be tried by the
	 * thousand
	 */
	record PublicLimits(RateLimits.Limit submissions, RateLimits.Limit wrongReceipts) {
	}

}
