package bryt.shared.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import history is kept two years: the purge deletes what is older, with the clock
 * injected.
 */
@BrytTest
class ImportHistoryTests {

	/** No organisation has this id; import_run names its organisation without a key. */
	private static final long ORG = 987_654_321L;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void thePurgeDeletesWhatIsOlderThanTwoYears() {
		Instant now = Instant.parse("2026-11-30T03:00:00Z");
		// Two years before now is 2024-11-30T03:00Z: a second earlier goes, that instant
		// and later stay.
		at("2024-11-30T02:59:59Z").record(ORG, "staff", Actor.account("old"), "old.csv", 3, null);
		at("2023-01-01T00:00:00Z").recordRefused(ORG, "units", Actor.COMMAND_LINE, "older.csv", "empty");
		at("2024-11-30T03:00:00Z").record(ORG, "staff", Actor.account("edge"), "edge.csv", 1, null);
		at("2026-11-29T12:00:00Z").recordRefused(ORG, "cases", Actor.api("api-token-1"), "new.csv", "oneOf");
		ImportHistory history = new ImportHistory(this.jdbc, this.transactions, Clock.fixed(now, ZoneOffset.UTC));
		assertThat(history.list(ORG, 10)).hasSize(4);
		int deleted = new ImportHistoryPurge(history).purge();
		assertThat(history.list(ORG, 10)).extracting(ImportRecord::fileName).containsExactly("new.csv", "edge.csv");
		assertThat(deleted).isGreaterThanOrEqualTo(2);
		assertThat(
				this.jdbc.sql("select count(*) from import_run where organisation_id = :org and file_name like 'old%'")
					.param("org", ORG)
					.query(Long.class)
					.single())
			.isZero();
	}

	/**
	 * A refusal keeps its first problem's message arguments, so the history can show
	 * "Expected one of: a, b." instead of a raw {0}; a refusal without them (from before
	 * V35) is formatted with "…".
	 */
	@Test
	void aRefusalKeepsItsMessageArguments() {
		long org = ORG + 1;
		at("2026-11-29T12:00:00Z").recordRefused(org, "staff", Actor.COMMAND_LINE, "args.csv", "oneOf",
				List.of("boss, clerk", "x".repeat(400)));
		at("2026-11-29T12:00:01Z").recordRefused(org, "staff", Actor.COMMAND_LINE, "old.csv", "oneOf");
		this.jdbc
			.sql("update import_run set refusal_args = null where organisation_id = :org and file_name = 'old.csv'")
			.param("org", org)
			.update();
		List<ImportRecord> history = at("2026-11-30T00:00:00Z").list(org, 10);
		assertThat(history.get(1).refusalArgs()).containsExactly("boss, clerk", "x".repeat(299) + "…");
		assertThat(history.get(1).refusalMessageArgs()).containsExactly("boss, clerk", "x".repeat(299) + "…");
		assertThat(history.get(0).refusalArgs()).isNull();
		assertThat(history.get(0).refusalMessageArgs()).containsExactly("…", "…");
	}

	private ImportHistory at(String instant) {
		return new ImportHistory(this.jdbc, this.transactions, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

}
