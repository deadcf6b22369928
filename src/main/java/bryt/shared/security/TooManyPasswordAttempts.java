package bryt.shared.security;

import java.io.Serial;
import java.time.Duration;

/**
 * A password check refused before the password was looked at: too many failures for the
 * account (or for a username that has none: the answer is the same) or from the client's
 * address.
 */
public class TooManyPasswordAttempts extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient Duration wait;

	TooManyPasswordAttempts(Duration wait) {
		super("Too many password attempts", null, false, false);
		this.wait = wait;
	}

	/** How long until the next attempt is allowed. */
	public Duration waitTime() {
		return this.wait;
	}

	/** The wait in whole minutes, at least one, for a message. */
	public long waitMinutes() {
		return Math.max(1, (this.wait.toSeconds() + 59) / 60);
	}

}
