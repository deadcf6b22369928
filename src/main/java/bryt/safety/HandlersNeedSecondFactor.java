package bryt.safety;

import bryt.organisation.SecondFactorRequirement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whoever holds the key of an incident logs in with a second factor, as Voice's
 * recipients do: the key opens what the reporter wrote and the evidence, so a password
 * alone must not.
 *
 * <p>
 * The rule is the key, not the role: an incident's data key is wrapped for its handlers
 * when it is stored (HR, and the managers and safety representatives covering its unit),
 * so an account holding a {@code safety_incident_key} row is exactly one that can read a
 * reporter's words. A manager who has never had an incident to handle keeps logging in as
 * before; the first incident of their unit asks for the second factor at the next login.
 * Demo accounts on the embedded database stay exempt ({@code SecondFactors}).
 */
@Component
class HandlersNeedSecondFactor extends SecondFactorRequirement.Rows {

	HandlersNeedSecondFactor(JdbcClient jdbc) {
		super(jdbc, "safety_incident_key");
	}

}
