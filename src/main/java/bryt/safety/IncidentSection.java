package bryt.safety;

import java.util.Map;
import java.util.Optional;

import bryt.organisation.CurrentAccount;

/**
 * One section of an incident's page for the people handling it (the routing, the duty to
 * notify, support, the police report, protection measures, the investigation). The page
 * asks every section bean in their {@link org.springframework.core.annotation.Order} and
 * renders each one's fragment {@code section} of {@link #template()} with the model the
 * section returns, so that a part of the module adds its section without editing the
 * page. A section's forms post to its own controller, which checks the handler again.
 */
interface IncidentSection {

	/**
	 * The template holding the fragment {@code section(model)}, e.g.
	 * "safety/section-support".
	 */
	String template();

	/**
	 * What the fragment shows of the incident.
	 * @param organisationId the incident's organisation (the handler's own)
	 * @param incidentId the incident, already checked to be one the account handles
	 * @param handler the account looking at it
	 */
	Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler);

	/**
	 * The section's heading for the page's contents (the incident page is several screens
	 * long on a phone): its element id and its title's message key. Empty for a section
	 * that is not always there.
	 */
	default Optional<Heading> heading() {
		return Optional.empty();
	}

	/**
	 * A section's heading on the incident page.
	 *
	 * @param id the heading element's id, the contents' link target
	 * @param title the heading's message key
	 */
	record Heading(String id, String title) {

	}

}
