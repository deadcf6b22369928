package bryt.shared.security;

import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
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

	/**
	 * The same table on a clock that reads whole minutes: a bucket's stored state (its
	 * last refill, its {@code expires_at}) then dates its last use to the minute only.
	 */
	private final PostgreSQLSelectForUpdateBasedProxyManager<String> minuteBuckets;

	private final TimeMeter time;

	public RateLimits(DataSource dataSource, Clock clock) {
		this.time = timeMeter(clock);
		this.buckets = proxyManager(dataSource, this.time);
		// Bucket4j's own expires_at adds the time to live to System.currentTimeMillis(),
		// not to the client clock: the minute buckets compute theirs from the minute.
		this.minuteBuckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.clientClock(minuteMeter(clock))
			.addCustomColumn(new MinuteExpiry())
			.build();
	}

	private static PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager(DataSource dataSource,
			TimeMeter time) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.clientClock(time)
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

	/**
	 * As {@link #perMinute}, for what anonymous people do (a public form, a receipt typed
	 * in): a fixed window per clock minute, and the row holds no time finer than the
	 * minute. Bucket4j's own state would keep the last use to the nanosecond, and the
	 * exact moment of the latest anonymous report can tell who sent it
	 * (docs/safety/anonymity.md).
	 */
	public Limit perMinuteAnonymous(String name, int perMinute) {
		return new Limit(name,
				BucketConfiguration.builder()
					.addLimit(Bandwidth.builder()
						.capacity(perMinute)
						.refillIntervally(perMinute, Duration.ofMinutes(1))
						.initialTokens(perMinute)
						.build())
					.build(),
				this.minuteBuckets);
	}

	/** At most {@code count} per key within {@code period}, refilled evenly. */
	public Limit per(String name, int count, Duration period) {
		return limit(name, List.of(Bandwidth.builder().capacity(count).refillGreedy(count, period).build()));
	}

	Limit limit(String name, List<Bandwidth> bandwidths) {
		var builder = BucketConfiguration.builder();
		bandwidths.forEach(builder::addLimit);
		return new Limit(name, builder.build(), this.buckets);
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

	/** The clock read in whole minutes. */
	static TimeMeter minuteMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return Math.floorDiv(clock.millis(), 60_000L) * 60_000_000_000L;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
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

	/**
	 * {@code expires_at} of a minute bucket: the minute it was used plus the time until
	 * it is full again and a day, rounded up to the minute.
	 */
	private static final class MinuteExpiry implements CustomColumnProvider<String> {

		private static final long MINUTE_MILLIS = 60_000L;

		private final ExpirationAfterWriteStrategy strategy = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(LONGEST_REFILL);

		@Override
		public void setCustomField(String key, int index, PreparedStatement statement, RemoteBucketState state,
				long currentTimeNanos) throws SQLException {
			long ttl = this.strategy.calculateTimeToLiveMillis(state, currentTimeNanos);
			long at = Math.floorDiv(currentTimeNanos, 1_000_000L) + Math.max(ttl, 1);
			statement.setLong(index, Math.ceilDiv(at, MINUTE_MILLIS) * MINUTE_MILLIS);
		}

		@Override
		public String getCustomFieldName() {
			return "expires_at";
		}

	}

	/** One named limit; its keys are stored as {@code name + " " + key}. */
	public final class Limit {

		private final String name;

		private final BucketConfiguration configuration;

		private final long version;

		private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;

		Limit(String name, BucketConfiguration configuration,
				PostgreSQLSelectForUpdateBasedProxyManager<String> store) {
			this.name = name;
			this.configuration = configuration;
			this.store = store;
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
			return this.store.builder()
				.withImplicitConfigurationReplacement(this.version, TokensInheritanceStrategy.AS_IS)
				.build(this.name + " " + key, () -> this.configuration);
		}

	}

}
