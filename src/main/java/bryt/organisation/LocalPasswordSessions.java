package bryt.organisation;

import bryt.shared.security.Sessions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Switching local passwords off ends the sessions begun with a password in the
 * organisation (issue 16): the switch is meant to leave the provider as the only way in,
 * and a password session would otherwise run on to its idle or absolute limit. Logins
 * through a provider stay. After the commit, so that a new password login is refused.
 */
@Component
class LocalPasswordSessions {

	private final Sessions sessions;

	private final OidcProviderRepository providers;

	LocalPasswordSessions(Sessions sessions, OidcProviderRepository providers) {
		this.sessions = sessions;
		this.providers = providers;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void switchedOff(LocalPasswordsSwitchedOff event) {
		this.providers.usernames(event.organisationId()).forEach(this.sessions::endPasswordLogins);
	}

	/** An organisation has switched its local passwords off. */
	record LocalPasswordsSwitchedOff(long organisationId) {
	}

}
