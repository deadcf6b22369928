package bryt.shared.imports;

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
		this.jdbc.sql("""
				insert into import_run (organisation_id, kind, finished_at, outcome, actor_kind, actor_name, file_name,
					rows_changed, refusal)
				values (:org, :kind, :at, :outcome, :actorKind, :actorName, :file, :changed, :refusal)
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
			.update();
	}

	void recordRefused(long organisationId, String kind, Actor actor, String fileName, String refusal) {
		this.newTransaction
			.executeWithoutResult((status) -> record(organisationId, kind, actor, fileName, null, refusal));
	}

	List<ImportRecord> list(long organisationId, int limit) {
		return this.jdbc.sql("""
				select finished_at, kind, actor_kind, actor_name, file_name, rows_changed, refusal from import_run
				where organisation_id = :org order by finished_at desc, id desc limit :limit
				""").param("org", organisationId).param("limit", limit).query((rs, row) -> {
			String actorKind = rs.getString("actor_kind");
			return new ImportRecord(rs.getTimestamp("finished_at").toInstant(), rs.getString("kind"),
					(actorKind != null) ? new Actor(actorKind, rs.getString("actor_name")) : null,
					rs.getString("file_name"), (Integer) rs.getObject("rows_changed"), rs.getString("refusal"));
		}).list();
	}

	/** Deletes what is older than {@value #YEARS_KEPT} years; returns how many rows. */
	int purge() {
		return this.jdbc.sql("delete from import_run where finished_at < :before")
			.param("before",
					Timestamp.from(this.clock.instant().atOffset(ZoneOffset.UTC).minusYears(YEARS_KEPT).toInstant()))
			.update();
	}

}
