package bryt.organisation;

import bryt.shared.security.Sessions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends an account's login sessions when its access is revoked: a session holds the roles
 * and units of its login, which would otherwise outlive the change. Runs after the change
 * is committed, so that a new login sees the new state.
 */
@Component
class AccountSessions {

	private final Sessions sessions;

	private final AccountRepository accounts;

	AccountSessions(Sessions sessions, AccountRepository accounts) {
		this.sessions = sessions;
		this.accounts = accounts;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void accessChanged(AccessChanged event) {
		this.sessions.endAll(event.previousUsername());
	}

	/**
	 * A new password ends the sessions opened with the old one. The holder who changed it
	 * stays logged in where the change was made.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void passwordChanged(PasswordChanged event) {
		this.accounts.find(event.organisationId(), event.accountId()).ifPresent((account) -> {
			if (event.byAccountHolder()) {
				this.sessions.endAllButCurrent(account.username());
			}
			else {
				this.sessions.endAll(account.username());
			}
		});
	}

}
