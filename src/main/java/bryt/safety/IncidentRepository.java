package bryt.safety;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incidents' SQL. */
@Repository
class IncidentRepository {

	private final JdbcClient jdbc;

	IncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The incident's unit, if the incident is the organisation's. */
	Optional<Long> unitOf(long organisationId, long incidentId) {
		return this.jdbc.sql("select unit_id from safety_incident where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", incidentId)
			.query(Long.class)
			.optional();
	}

}
