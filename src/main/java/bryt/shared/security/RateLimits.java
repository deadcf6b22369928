package bryt.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Rate limits held in PostgreSQL with Bucket4j, so that every instance of Bryt draws on
 * the same budget: a second instance behind a load balancer does not double what an
 * attacker may try. The table is created by a migration (V14); nothing here creates
 * tables.
 *
 * <p>
 * Keys are chosen by the callers and must not identify a person beyond what the database
 * holds anyway: an existing account's username, an organisation's id. Never an address, a
 * receipt, or anything typed into a form.
 */
public class RateLimits {

	static final String TABLE = "rate_limit_bucket";

	/** A full bucket carries no information; its row may go. */
	private static final Duration LONGEST_REFILL = Duration.ofDays(1);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final TimeMeter time;

	public RateLimits(DataSource dataSource, Clock clock) {
		this.time = timeMeter(clock);
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.clientClock(this.time)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(LONGEST_REFILL))
			.build();
	}

	/**
	 * At most {@code perMinute} per key and minute: the whole budget comes back a minute
	 * after the bucket was first used, and every minute after that. A flood is cut at the
	 * budget, not merely spread out.
	 */
	public Limit perMinute(String name, int perMinute) {
		return limit(name,
				List.of(Bandwidth.builder()
					.capacity(perMinute)
					.refillIntervally(perMinute, Duration.ofMinutes(1))
					.initialTokens(perMinute)
					.build()));
	}

	/** At most {@code count} per key within {@code period}, refilled evenly. */
	public Limit per(String name, int count, Duration period) {
		return limit(name, List.of(Bandwidth.builder().capacity(count).refillGreedy(count, period).build()));
	}

	Limit limit(String name, List<Bandwidth> bandwidths) {
		var builder = BucketConfiguration.builder();
		bandwidths.forEach(builder::addLimit);
		return new Limit(name, builder.build());
	}

	/** A bucket in this instance's memory only, on the same clock. */
	Bucket localBucket(List<Bandwidth> bandwidths) {
		var builder = Bucket.builder().withCustomTimePrecision(this.time);
		bandwidths.forEach(builder::addLimit);
		return builder.build();
	}

	/**
	 * Deletes the rows of buckets that have filled up again. Bucket4j's own clean-up,
	 * which skips rows another instance holds.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void removeFullBuckets() {
		removeFull();
	}

	int removeFull() {
		int removed = 0;
		int batch;
		do {
			batch = this.buckets.removeExpired(1000);
			removed += batch;
		}
		while (batch >= 1000);
		return removed;
	}

	static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

	/** One named limit; its keys are stored as {@code name + " " + key}. */
	public final class Limit {

		private final String name;

		private final BucketConfiguration configuration;

		private final long version;

		Limit(String name, BucketConfiguration configuration) {
			this.name = name;
			this.configuration = configuration;
			// A changed setting replaces the stored configuration at the next use.
			this.version = Integer.toUnsignedLong(Objects.hash(configuration.toString()));
		}

		/** Counts one; {@code false} when the budget is used up. */
		public boolean tryAcquire(String key) {
			return bucket(key).tryConsume(1);
		}

		/** Counts one; the wait until the next would be allowed when refused. */
		ConsumptionProbe tryAcquireProbe(String key) {
			return bucket(key).tryConsumeAndReturnRemaining(1);
		}

		/** Whether the budget is used up, without counting. */
		public boolean exhausted(String key) {
			return bucket(key).getAvailableTokens() < 1;
		}

		/** Forgets what was counted: the bucket is full again. */
		void reset(String key) {
			bucket(key).reset();
		}

		private Bucket bucket(String key) {
			return RateLimits.this.buckets.builder()
				.withImplicitConfigurationReplacement(this.version, TokensInheritanceStrategy.AS_IS)
				.build(this.name + " " + key, () -> this.configuration);
		}

	}

}
