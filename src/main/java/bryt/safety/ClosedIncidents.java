package bryt.safety;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A closed incident is read-only: the one check every form posting to an incident makes
 * (the handling sections, the acknowledgement, evidence), after it has checked that the
 * account handles the incident. A post to a closed incident changes nothing and goes back
 * to the incident's page, which says why ({@link Advice}); the page shows no forms once
 * the incident is closed ({@code incidentClosed} in its model).
 */
@Repository
class ClosedIncidents {

	/** The page's flash attribute when a change was refused. */
	static final String REFUSED = "incidentClosedRefused";

	private final JdbcClient jdbc;

	ClosedIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the organisation's incident is closed (false for none). */
	boolean closed(long organisationId, long incidentId) {
		return this.jdbc
			.sql("select exists (select 1 from safety_incident where organisation_id = :org and id = :id"
					+ " and status = 'CLOSED')")
			.param("org", organisationId)
			.param("id", incidentId)
			.query(Boolean.class)
			.single();
	}

	/** Refuses a change to the incident when it is closed. */
	void refuseChanges(long organisationId, long incidentId) {
		if (closed(organisationId, incidentId)) {
			throw new Refused(incidentId);
		}
	}

	/** A change refused because the incident is closed. */
	static final class Refused extends RuntimeException {

		private final long incidentId;

		Refused(long incidentId) {
			super("The incident is closed", null, false, false);
			this.incidentId = incidentId;
		}

		long incidentId() {
			return this.incidentId;
		}

	}

	/**
	 * Answers a refused change with the incident's page and a message, not an error page:
	 * the handler may simply have had the page open while someone closed the incident.
	 */
	@ControllerAdvice(assignableTypes = { HandlingController.class, RoutingController.class, IncidentController.class })
	static class Advice {

		@ExceptionHandler(Refused.class)
		String refused(Refused refused, HttpServletRequest request) {
			RequestContextUtils.getOutputFlashMap(request).put(REFUSED, true);
			return "redirect:/safety/incidents/" + refused.incidentId();
		}

	}

}
