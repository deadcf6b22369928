package bryt.overview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import bryt.overview.Snapshot.Side;
import bryt.shared.time.Quarter;

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

	/** Every version of both sides' comments on a quarter's snapshots, oldest first. */
	List<Reviews.StoredComment> stored(long organisationId, Quarter quarter) {
		return this.jdbc.sql("""
				select c.id, s.quarter, s.version, c.side, c.body, c.written_at,
					exists (select 1 from overview_comment_redaction r where r.comment_id = c.id) as redacted
				from overview_comment c join overview_snapshot s on s.id = c.snapshot_id
				where s.organisation_id = :org and s.quarter = :quarter
				order by s.version, c.id
				""")
			.param("org", organisationId)
			.param("quarter", quarter.toString())
			.query(ReviewRepository::storedComment)
			.list();
	}

	Optional<Reviews.StoredComment> stored(long organisationId, long commentId) {
		return this.jdbc.sql("""
				select c.id, s.quarter, s.version, c.side, c.body, c.written_at,
					exists (select 1 from overview_comment_redaction r where r.comment_id = c.id) as redacted
				from overview_comment c join overview_snapshot s on s.id = c.snapshot_id
				where s.organisation_id = :org and c.id = :id
				""")
			.param("org", organisationId)
			.param("id", commentId)
			.query(ReviewRepository::storedComment)
			.optional();
	}

	/**
	 * Logs the redaction, then replaces the text (V55's trigger asks for the log first).
	 */
	void redact(long commentId, String by, Instant at, String reason, String marker) {
		this.jdbc.sql("""
				insert into overview_comment_redaction (comment_id, redacted_by, redacted_at, reason)
				values (:id, :by, :at, :reason)
				""")
			.param("id", commentId)
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("reason", reason)
			.update();
		this.jdbc.sql("update overview_comment set body = :marker where id = :id")
			.param("marker", marker)
			.param("id", commentId)
			.update();
	}

	private static Reviews.StoredComment storedComment(ResultSet rs, int row) throws SQLException {
		return new Reviews.StoredComment(rs.getLong("id"), Quarter.parse(rs.getString("quarter")), rs.getInt("version"),
				Side.valueOf(rs.getString("side")), rs.getString("body"),
				rs.getObject("written_at", OffsetDateTime.class).toInstant(), rs.getBoolean("redacted"));
	}

}
