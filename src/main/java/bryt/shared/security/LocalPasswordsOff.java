package bryt.shared.security;

import java.io.Serial;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A right password for an account whose organisation has switched local passwords off: it
 * logs in through its identity provider only. Thrown only after the password was checked,
 * so that it tells nothing to whoever does not know the password.
 */
public class LocalPasswordsOff extends AccountStatusException {

	@Serial
	private static final long serialVersionUID = 1L;

	public LocalPasswordsOff() {
		super("Local passwords are switched off for this organisation");
	}

}
