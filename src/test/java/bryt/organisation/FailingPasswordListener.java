package bryt.organisation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fails the step after an account's update for one password only, so that
 * {@code AccountSaveTransactionTests} can see the whole edit undone. A component of the
 * test sources rather than a nested test configuration: every full-context test then
 * shares one application context instead of starting one more for this test.
 */
@Component
class FailingPasswordListener {

	static final String FAILING_PASSWORD = "listener-fails-for-this";

	@EventListener
	void passwordChanged(PasswordChanged event) {
		if (FAILING_PASSWORD.equals(event.newPassword())) {
			throw new IllegalStateException("The step after the account's update failed");
		}
	}

}
