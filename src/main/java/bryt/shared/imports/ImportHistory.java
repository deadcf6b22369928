package bryt.shared.imports;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of {@code import_run}: one per accepted import, written in the import's own
 * transaction, and one per refused import, written in a new one after the import's was
 * rolled back.
 */
@Repository
class ImportHistory {

	/** How long the history is kept. */
	static final int YEARS_KEPT = 2;

	/** How many of a refusal's message arguments are kept (V35's check). */
	static final int MAX_ARGS = 5;

	/** How long a kept argument may be. */
	static final int MAX_ARG_LENGTH = 300;

	private final JdbcClient jdbc;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	ImportHistory(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void record(long organisationId, String kind, Actor actor, String fileName, Integer changed, String refusal) {
		record(organisationId, kind, actor, fileName, changed, refusal, null);
	}

	private void record(long organisationId, String kind, Actor actor, String fileName, Integer changed, String refusal,
			List<String> refusalArgs) {
		this.jdbc.sql("""
				insert into import_run (organisation_id, kind, finished_at, outcome, actor_kind, actor_name, file_name,
					rows_changed, refusal, refusal_args)
				values (:org, :kind, :at, :outcome, :actorKind, :actorName, :file, :changed, :refusal,
					cast(:args as text[]))
				""")
			.param("org", organisationId)
			.param("kind", kind)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("outcome", (refusal == null) ? "accepted" : "refused")
			.param("actorKind", actor.kind())
			.param("actorName", actor.name())
			.param("file", fileName)
			.param("changed", changed)
			.param("refusal", refusal)
			.param("args", (refusalArgs == null) ? null : refusalArgs.toArray(String[]::new))
			.update();
	}

	void recordRefused(long organisationId, String kind, Actor actor, String fileName, String refusal) {
		recordRefused(organisationId, kind, actor, fileName, refusal, List.of());
	}

	/**
	 * @param args the first problem's message arguments; at most {@value #MAX_ARGS} are
	 * kept, each cut to {@value #MAX_ARG_LENGTH} characters (a list of allowed values can
	 * be long, the history shows one line)
	 */
	void recordRefused(long organisationId, String kind, Actor actor, String fileName, String refusal,
			List<String> args) {
		List<String> kept = args.stream()
			.limit(MAX_ARGS)
			.map((arg) -> (arg == null) ? ""
					: (arg.length() > MAX_ARG_LENGTH) ? arg.substring(0, MAX_ARG_LENGTH - 1) + "…" : arg)
			.toList();
		this.newTransaction
			.executeWithoutResult((status) -> record(organisationId, kind, actor, fileName, null, refusal, kept));
	}

	List<ImportRecord> list(long organisationId, int limit) {
		return this.jdbc.sql("""
				select finished_at, kind, actor_kind, actor_name, file_name, rows_changed, refusal, refusal_args
				from import_run
				where organisation_id = :org order by finished_at desc, id desc limit :limit
				""").param("org", organisationId).param("limit", limit).query((rs, row) -> {
			String actorKind = rs.getString("actor_kind");
			return new ImportRecord(rs.getTimestamp("finished_at").toInstant(), rs.getString("kind"),
					(actorKind != null) ? new Actor(actorKind, rs.getString("actor_name")) : null,
					rs.getString("file_name"), (Integer) rs.getObject("rows_changed"), rs.getString("refusal"),
					args(rs.getArray("refusal_args")));
		}).list();
	}

	private static List<String> args(Array array) throws SQLException {
		return (array == null) ? null : List.of((String[]) array.getArray());
	}

	/** Deletes what is older than {@value #YEARS_KEPT} years; returns how many rows. */
	int purge() {
		return this.jdbc.sql("delete from import_run where finished_at < :before")
			.param("before",
					Timestamp.from(this.clock.instant().atOffset(ZoneOffset.UTC).minusYears(YEARS_KEPT).toInstant()))
			.update();
	}

}
