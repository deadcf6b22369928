package bryt.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import bryt.overview.Snapshot.Side;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the parties' comments and sign-offs: inserts only (the database refuses any
 * change; a comment's new text is a new row, the newest counts).
 */
@Repository
class ReviewRepository {

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Holds one side of one snapshot until the transaction ends, so that a comment and
	 * that side's sign-off cannot cross (the comment landing after the sign-off froze
	 * it).
	 */
	void lock(long snapshotId, Side side) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('overview_review'), hashtext(:key))")
			.param("key", snapshotId + "/" + side.name())
			.query()
			.singleValue();
	}

	boolean reviewed(long snapshotId, Side side) {
		return this.jdbc.sql("select exists (select 1 from overview_review where snapshot_id = :id and side = :side)")
			.param("id", snapshotId)
			.param("side", side.name())
			.query(Boolean.class)
			.single();
	}

	void comment(long snapshotId, Side side, String body, long accountId, Instant at) {
		this.jdbc.sql("""
				insert into overview_comment (snapshot_id, side, body, written_by, written_at)
				values (:id, :side, :body, :account, :at)
				""")
			.param("id", snapshotId)
			.param("side", side.name())
			.param("body", body)
			.param("account", accountId)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** A side's sign-off of the snapshot, which is version {@code version} (V55). */
	void review(long snapshotId, int version, Side side, long accountId, LocalDate on) {
		this.jdbc.sql("""
				insert into overview_review (snapshot_id, version, side, reviewed_by, reviewed_on)
				values (:id, :version, :side, :account, :on)
				""")
			.param("id", snapshotId)
			.param("version", version)
			.param("side", side.name())
			.param("account", accountId)
			.param("on", on)
			.update();
	}

}
