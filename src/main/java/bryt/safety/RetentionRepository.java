package bryt.safety;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of retention: which closed incidents are due, and removing their personal data
 * while every column the figures read stays as it was.
 */
@Repository
class RetentionRepository {

	/**
	 * What an action's owner and title, and a waiver's name, become: the columns are
	 * required, and a waiver must still count as given, so that an action waived by both
	 * stays waived (the figures' overdue actions) without saying by whom.
	 */
	static final String REMOVED = "–";

	private final JdbcClient jdbc;

	RetentionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Closed incidents whose personal data is still there and that closed on or before
	 * {@code closedOnOrBefore}.
	 */
	List<Long> due(LocalDate closedOnOrBefore) {
		return this.jdbc.sql("""
				select id from safety_incident
				where status = 'CLOSED' and closed_on <= :last and personal_data_removed_on is null
				order by id
				""").param("last", closedOnOrBefore).query(Long.class).list();
	}

	/** Removes one incident's personal data and records the day. */
	void removePersonalData(long incidentId, LocalDate today) {
		this.jdbc.sql("delete from safety_incident_key where incident_id = :id").param("id", incidentId).update();
		this.jdbc.sql("delete from safety_evidence where incident_id = :id").param("id", incidentId).update();
		this.jdbc.sql("""
				update safety_action set title = :removed, owner = :removed,
					waived_by_manager = case when waived_by_manager is null then null else :removed end,
					waived_by_representative = case when waived_by_representative is null then null else :removed end
				where incident_id = :id
				""").param("id", incidentId).param("removed", REMOVED).update();
		this.jdbc.sql("""
				update safety_incident set content = null, case_reference = null, reported_by = null,
					affected_staff_id = null, receipt_selector = null, receipt_hash = null, receipt_wrapped_key = null,
					causes = null, acknowledged_by = null, police_reference = null, authority_reference = null,
					personal_data_removed_on = :today
				where id = :id
				""").param("id", incidentId).param("today", today).update();
	}

}
