package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import bryt.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incidents and accounts for the handling tests (S3), written with plain SQL: until the
 * reporting part's service is on this branch there is no Java code that stores an
 * incident (BrowserIT uses it too). Only the columns the handling sections read are set;
 * the rest take the schema's defaults or a fixed plain value.
 */
public final class HandlingIncidents {

	private final JdbcClient jdbc;

	public HandlingIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An incident of the unit, received at the instant, without injury or absence. */
	long incident(long organisationId, long unitId, Instant receivedAt) {
		return incident(organisationId, unitId, receivedAt, "NONE", 0, null);
	}

	public long incident(long organisationId, long unitId, Instant receivedAt, String injury, int absenceDays,
			LocalDate absenceFrom) {
		return this.jdbc.sql("""
				insert into safety_incident (organisation_id, unit_id, occurred_on, part_of_day, category, channel,
					source, severity, injury, absence_days, absence_from, received_at)
				values (:org, :unit, :occurred, 'MORNING', 'THREAT', 'IN_PERSON', 'CLIENT', 2, :injury, :absence,
					:absenceFrom, :received)
				returning id
				""")
			.param("org", organisationId)
			.param("unit", unitId)
			.param("occurred", LocalDate.ofInstant(receivedAt, ZoneOffset.UTC))
			.param("injury", injury)
			.param("absence", absenceDays)
			.param("absenceFrom", absenceFrom)
			.param("received", OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/** An account (no usable password: tests log in through the user details). */
	long account(long organisationId, String username, Set<Role> roles, Long... units) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, :name, 'not-a-hash', cast(:roles as text[])) returning id
				""")
			.param("org", organisationId)
			.param("username", username)
			.param("name", "Test " + username)
			.param("roles", "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}")
			.query(Long.class)
			.single();
		for (Long unit : units) {
			this.jdbc
				.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :account, :unit)")
				.param("org", organisationId)
				.param("account", id)
				.param("unit", unit)
				.update();
		}
		return id;
	}

	/** A unit of its own (a department at the top). */
	long unit(long organisationId, String code) {
		return this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level) values (:org, :code, :code, 'DEPARTMENT')
				returning id
				""").param("org", organisationId).param("code", code).query(Long.class).single();
	}

	public long unitId(long organisationId, String code) {
		return this.jdbc.sql("select id from unit where organisation_id = :org and code = :code")
			.param("org", organisationId)
			.param("code", code)
			.query(Long.class)
			.single();
	}

}
