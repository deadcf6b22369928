package bryt.workload;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import bryt.organisation.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shares of the roles in an organisation's load model, and who changed them when. */
@Repository
class RoleShareRepository {

	private final JdbcClient jdbc;

	RoleShareRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current shares, the row locked until the transaction ends. */
	RoleShares lockedShares(long organisationId) {
		return this.jdbc.sql("""
				select share_social_worker, share_first_line_lead, share_unit_manager, share_other
				from workload_settings where organisation_id = :org for update
				""")
			.param("org", organisationId)
			.query((rs, n) -> new RoleShares(rs.getDouble("share_social_worker"), rs.getDouble("share_first_line_lead"),
					rs.getDouble("share_unit_manager"), rs.getDouble("share_other")))
			.single();
	}

	void update(long organisationId, RoleShares shares) {
		this.jdbc.sql("""
				update workload_settings set share_social_worker = :socialWorker,
					share_first_line_lead = :firstLineLead, share_unit_manager = :unitManager, share_other = :other
				where organisation_id = :org
				""")
			.param("org", organisationId)
			.param("socialWorker", shares.socialWorker())
			.param("firstLineLead", shares.firstLineLead())
			.param("unitManager", shares.unitManager())
			.param("other", shares.other())
			.update();
	}

	void recordChange(long organisationId, ShareChange change) {
		this.jdbc.sql("""
				insert into workload_share_change (organisation_id, role, share_before, share_after, changed_at,
					changed_by)
				values (:org, :role, :before, :after, :at, :by)
				""")
			.param("org", organisationId)
			.param("role", change.role().name())
			.param("before", change.before())
			.param("after", change.after())
			.param("at", Timestamp.from(change.changedAt()))
			.param("by", change.changedBy())
			.update();
	}

	/** Every change of the shares, newest first. */
	List<ShareChange> history(long organisationId) {
		return this.jdbc.sql("""
				select role, share_before, share_after, changed_at, changed_by from workload_share_change
				where organisation_id = :org order by changed_at desc, id desc
				""")
			.param("org", organisationId)
			.query((rs, n) -> new ShareChange(StaffRole.valueOf(rs.getString("role")), rs.getDouble("share_before"),
					rs.getDouble("share_after"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by")))
			.list();
	}

	void bumpVersion(long organisationId) {
		WorkloadSetup.bumpVersion(this.jdbc, organisationId);
	}

	/** One change of one role's share. */
	record ShareChange(StaffRole role, double before, double after, Instant changedAt, String changedBy) {
	}

}
