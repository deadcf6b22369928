package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The demo's past times, set after the services recorded an incident "now": the
 * reporting, acknowledging and closing services take their time from the clock (as they
 * must for a real incident), and a demo incident was received, acknowledged and closed
 * months ago. Nothing else of an incident is written here.
 */
@Repository
class DemoIncidentsRepository {

	private final JdbcClient jdbc;

	DemoIncidentsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void received(long organisationId, long incidentId, Instant at) {
		this.jdbc.sql("update safety_incident set received_at = :at where organisation_id = :org and id = :id")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	void acknowledgedAt(long organisationId, long incidentId, Instant at) {
		this.jdbc.sql("update safety_incident set acknowledged_at = :at where organisation_id = :org and id = :id")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

	void closedOn(long organisationId, long incidentId, LocalDate on) {
		this.jdbc.sql("update safety_incident set closed_on = :on where organisation_id = :org and id = :id")
			.param("on", on)
			.param("org", organisationId)
			.param("id", incidentId)
			.update();
	}

}
