package bryt.safety;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * The status page's budget per report (fix14, the outsider's finding 9): a receipt whose
 * public half (the selector, stored with the report) names one of the organisation's
 * reports is checked against that report's own budget, not the organisation's, so that a
 * flood of made-up receipts never turns a genuine one away. Only someone who holds the
 * selector can spend it, and its secret half is too long to guess within it.
 * <p>
 * Kept in this instance's memory only, keyed by the report's id: no time of a status
 * check reaches the database (docs/safety/anonymity.md). A second instance doubles the
 * budget per report, which the secret half's length makes harmless.
 */
@Component
class ReceiptChecks {

	/** Checks of one report's receipt per minute. */
	static final int PER_MINUTE = 10;

	private final Cache<Long, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(2))
		.maximumSize(100_000)
		.build();

	/** Counts one check of the report's receipt; false when its budget is used up. */
	boolean tryAcquire(long incidentId) {
		return this.buckets
			.get(incidentId,
					(id) -> Bucket.builder()
						.addLimit(Bandwidth.builder()
							.capacity(PER_MINUTE)
							.refillIntervally(PER_MINUTE, Duration.ofMinutes(1))
							.initialTokens(PER_MINUTE)
							.build())
						.build())
			.tryConsume(1);
	}

}
