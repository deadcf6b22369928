package bryt.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the figures: the structured columns of the incidents that occurred in a
 * period, never the description, the case reference or a name. What retention removes is
 * not read here, so the figures are the same before and after it.
 */
@Repository
class FiguresRepository {

	private final JdbcClient jdbc;

	FiguresRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The incidents that occurred from {@code from} to {@code to}, with the day support
	 * was first offered and how many of their actions are overdue on {@code today} (due
	 * before it, not done, not waived by both).
	 */
	List<Row> incidents(long organisationId, LocalDate from, LocalDate to, LocalDate today) {
		return this.jdbc.sql("""
				select i.id, i.unit_id, i.occurred_on, i.category, i.case_kind, i.case_two_handlers, i.weapon,
					i.death_threat, i.injury_needing_care, i.several_staff, i.threat_to_family_or_home, i.death,
					i.absence_days, i.absence_from, i.authority_notified_on, i.received_at, i.acknowledged_at,
					(select s.offered_on from safety_support s
						where s.incident_id = i.id and s.step = 'FIRST_CONTACT') as first_contact_offered_on,
					(select count(*) from safety_action a
						where a.incident_id = i.id and a.due_on < :today and a.done_on is null
							and (a.waived_by_manager is null or a.waived_by_representative is null)) as overdue_actions
				from safety_incident i
				where i.organisation_id = :org and i.occurred_on between :from and :to
				order by i.id
				""")
			.param("org", organisationId)
			.param("from", from)
			.param("to", to)
			.param("today", today)
			.query(FiguresRepository::row)
			.list();
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getObject("occurred_on", LocalDate.class),
				rs.getString("category"), rs.getString("case_kind"), (Boolean) rs.getObject("case_two_handlers"),
				new SafetyClocks.Checklist(rs.getBoolean("weapon"), rs.getBoolean("death_threat"),
						rs.getBoolean("injury_needing_care"), rs.getBoolean("several_staff"),
						rs.getBoolean("threat_to_family_or_home"), rs.getBoolean("death")),
				rs.getInt("absence_days"), rs.getObject("absence_from", LocalDate.class),
				rs.getObject("authority_notified_on", LocalDate.class), instant(rs, "received_at"),
				instant(rs, "acknowledged_at"), rs.getObject("first_contact_offered_on", LocalDate.class),
				rs.getInt("overdue_actions"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** An incident as the figures count it. */
	record Row(long id, long unitId, LocalDate occurredOn, String category, String caseKind, Boolean caseTwoHandlers,
			SafetyClocks.Checklist checklist, int absenceDays, LocalDate absenceFrom, LocalDate authorityNotifiedOn,
			Instant receivedAt, Instant acknowledgedAt, LocalDate firstContactOfferedOn, int overdueActions) {
	}

}
