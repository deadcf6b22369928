package bryt.overview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bryt.overview.Snapshot.Comment;
import bryt.overview.Snapshot.Review;
import bryt.overview.Snapshot.Side;
import bryt.overview.Snapshot.SnapshotUnit;
import bryt.shared.time.Quarter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the snapshots: inserts and reads only; the database refuses changes. */
@Repository
class SnapshotRepository {

	private final JdbcClient jdbc;

	SnapshotRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next version of a quarter. Two extractions of one quarter at once wait for each
	 * other on a transaction-level advisory lock, so that they do not both take the same
	 * version (the unique key would refuse the second).
	 */
	int nextVersion(long organisationId, Quarter quarter) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('overview_snapshot'), hashtext(:key))")
			.param("key", organisationId + "/" + quarter)
			.query()
			.singleValue();
		return this.jdbc.sql("""
				select coalesce(max(version), 0) + 1 from overview_snapshot
				where organisation_id = :org and quarter = :quarter
				""").param("org", organisationId).param("quarter", quarter.toString()).query(Integer.class).single();
	}

	long insert(long organisationId, Quarter quarter, int version, LocalDate asOf, Instant extractedAt, Long takenBy,
			String reason) {
		return this.jdbc.sql("""
				insert into overview_snapshot (organisation_id, quarter, version, as_of, extracted_at, taken_by, reason)
				values (:org, :quarter, :version, :asOf, :extractedAt, :takenBy, :reason)
				returning id
				""")
			.param("org", organisationId)
			.param("quarter", quarter.toString())
			.param("version", version)
			.param("asOf", asOf)
			.param("extractedAt", OffsetDateTime.ofInstant(extractedAt, ZoneOffset.UTC))
			.param("takenBy", takenBy)
			.param("reason", reason)
			.query(Long.class)
			.single();
	}

	void insertDefinition(long snapshotId, FigureDefinition definition, int position) {
		this.jdbc.sql("""
				insert into overview_snapshot_definition (snapshot_id, key, source, version, format, position)
				values (:snapshot, :key, :source, :version, :format, :position)
				""")
			.param("snapshot", snapshotId)
			.param("key", definition.key())
			.param("source", definition.source())
			.param("version", definition.version())
			.param("format", definition.format().name())
			.param("position", position)
			.update();
	}

	void insertUnit(long snapshotId, SnapshotUnit unit, int position) {
		this.jdbc.sql("""
				insert into overview_snapshot_unit (snapshot_id, unit_id, code, name, parent_id, position)
				values (:snapshot, :unit, :code, :name, :parent, :position)
				""")
			.param("snapshot", snapshotId)
			.param("unit", unit.id())
			.param("code", unit.code())
			.param("name", unit.name())
			.param("parent", unit.parentId())
			.param("position", position)
			.update();
	}

	void insertFigure(long snapshotId, OverviewFigure figure) {
		this.jdbc.sql("""
				insert into overview_snapshot_figure (snapshot_id, key, unit_id, value, hidden)
				values (:snapshot, :key, :unit, :value, :hidden)
				""")
			.param("snapshot", snapshotId)
			.param("key", figure.key())
			.param("unit", figure.unitId())
			.param("value", figure.value())
			.param("hidden", (figure.hidden() != null) ? figure.hidden().name() : null)
			.update();
	}

	Optional<Head> head(long organisationId, long snapshotId) {
		return this.jdbc.sql("""
				select id, organisation_id, quarter, version, as_of, extracted_at, reason from overview_snapshot
				where organisation_id = :org and id = :id
				""").param("org", organisationId).param("id", snapshotId).query(SnapshotRepository::head).optional();
	}

	/** Every snapshot of an organisation, newest quarter and version first. */
	List<Head> heads(long organisationId) {
		return this.jdbc.sql("""
				select id, organisation_id, quarter, version, as_of, extracted_at, reason from overview_snapshot
				where organisation_id = :org
				order by quarter desc, version desc
				""").param("org", organisationId).query(SnapshotRepository::head).list();
	}

	List<FigureDefinition> definitions(long snapshotId) {
		return this.jdbc.sql("""
				select key, version, format from overview_snapshot_definition
				where snapshot_id = :snapshot order by position
				""")
			.param("snapshot", snapshotId)
			.query((rs, row) -> new FigureDefinition(rs.getString("key"), rs.getInt("version"),
					FigureDefinition.Format.valueOf(rs.getString("format"))))
			.list();
	}

	List<SnapshotUnit> units(long snapshotId) {
		return this.jdbc.sql("""
				select unit_id, code, name, parent_id from overview_snapshot_unit
				where snapshot_id = :snapshot order by position
				""")
			.param("snapshot", snapshotId)
			.query((rs, row) -> new SnapshotUnit(rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
					rs.getObject("parent_id", Long.class)))
			.list();
	}

	List<OverviewFigure> figures(long snapshotId) {
		return this.jdbc.sql("""
				select f.key, f.unit_id, f.value, f.hidden from overview_snapshot_figure f
				join overview_snapshot_definition d on d.snapshot_id = f.snapshot_id and d.key = f.key
				join overview_snapshot_unit u on u.snapshot_id = f.snapshot_id and u.unit_id = f.unit_id
				where f.snapshot_id = :snapshot
				order by d.position, u.position
				""").param("snapshot", snapshotId).query((rs, row) -> {
			String hidden = rs.getString("hidden");
			return new OverviewFigure(rs.getString("key"), rs.getLong("unit_id"), rs.getObject("value", Double.class),
					(hidden != null) ? OverviewFigure.Hidden.valueOf(hidden) : null);
		}).list();
	}

	/** Each side's newest comment. */
	List<Comment> comments(long snapshotId) {
		return comments(List.of(snapshotId)).getOrDefault(snapshotId, List.of());
	}

	/** Each side's newest comment on each of the snapshots, in one query. */
	Map<Long, List<Comment>> comments(Collection<Long> snapshotIds) {
		if (snapshotIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<Comment>> comments = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (snapshot_id, side) snapshot_id, side, body, written_at,
					exists (select 1 from overview_comment_redaction r where r.comment_id = c.id) as redacted
				from overview_comment c
				where snapshot_id in (:snapshots)
				order by snapshot_id, side, id desc
				""").param("snapshots", snapshotIds).query((rs) -> {
			comments.computeIfAbsent(rs.getLong("snapshot_id"), (id) -> new ArrayList<>())
				.add(new Comment(Side.valueOf(rs.getString("side")), rs.getString("body"),
						rs.getObject("written_at", OffsetDateTime.class).toInstant(), rs.getBoolean("redacted")));
		});
		return comments;
	}

	List<Review> reviews(long snapshotId) {
		return reviews(List.of(snapshotId)).getOrDefault(snapshotId, List.of());
	}

	/** Each side's sign-off on each of the snapshots, in one query. */
	Map<Long, List<Review>> reviews(Collection<Long> snapshotIds) {
		if (snapshotIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<Review>> reviews = new HashMap<>();
		this.jdbc.sql("""
				select snapshot_id, side, reviewed_on from overview_review
				where snapshot_id in (:snapshots)
				order by snapshot_id, side
				""").param("snapshots", snapshotIds).query((rs) -> {
			reviews.computeIfAbsent(rs.getLong("snapshot_id"), (id) -> new ArrayList<>())
				.add(new Review(Side.valueOf(rs.getString("side")), rs.getObject("reviewed_on", LocalDate.class)));
		});
		return reviews;
	}

	private static Head head(ResultSet rs, int row) throws SQLException {
		return new Head(rs.getLong("id"), rs.getLong("organisation_id"), Quarter.parse(rs.getString("quarter")),
				rs.getInt("version"), rs.getObject("as_of", LocalDate.class),
				rs.getObject("extracted_at", OffsetDateTime.class).toInstant(), rs.getString("reason"));
	}

	record Head(long id, long organisationId, Quarter quarter, int version, LocalDate asOf, Instant extractedAt,
			String reason) {
	}

	/**
	 * Who asked for a snapshot: an account, or empty for the quarter-end job (ov-snap:
	 * the snapshots page names the role, never the person).
	 */
	/** The accounts that asked for the snapshots, by snapshot; the job's have none. */
	Map<Long, Long> takenBy(Collection<Long> snapshotIds) {
		if (snapshotIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> takenBy = new HashMap<>();
		this.jdbc.sql("select id, taken_by from overview_snapshot where id in (:snapshots) and taken_by is not null")
			.param("snapshots", snapshotIds)
			.query((rs) -> {
				takenBy.put(rs.getLong("id"), rs.getLong("taken_by"));
			});
		return takenBy;
	}

	/** The newest version of a quarter, 0 when it has none (ov-snap). */
	int newestVersion(long organisationId, Quarter quarter) {
		return this.jdbc.sql("""
				select coalesce(max(version), 0) from overview_snapshot
				where organisation_id = :org and quarter = :quarter
				""").param("org", organisationId).param("quarter", quarter.toString()).query(Integer.class).single();
	}

}
