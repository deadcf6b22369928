package bryt.shared.security;

import java.util.Set;

/**
 * Login sessions were ended before their time: access was revoked, or a session reached
 * its absolute lifetime. Whatever a module keeps for a session outside the session store
 * (voice's unlocked keys) goes with it.
 *
 * @param sessionIds the ended sessions
 */
public record SessionsEnded(Set<String> sessionIds) {

	public SessionsEnded {
		sessionIds = Set.copyOf(sessionIds);
	}

}
