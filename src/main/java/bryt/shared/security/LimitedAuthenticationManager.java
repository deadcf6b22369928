package bryt.shared.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The login's password check under {@link PasswordAttempts}. A refused attempt is a
 * {@link LockedException}, whether or not the username has an account, so that the login
 * page can say why without telling that.
 */
class LimitedAuthenticationManager implements AuthenticationManager {

	private final AuthenticationManager passwordCheck;

	private final UserDetailsService users;

	private final PasswordAttempts attempts;

	LimitedAuthenticationManager(AuthenticationManager passwordCheck, UserDetailsService users,
			PasswordAttempts attempts) {
		this.passwordCheck = passwordCheck;
		this.users = users;
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		Authentication[] authenticated = new Authentication[1];
		try {
			boolean right = this.attempts.check(username, exists(username), () -> {
				try {
					authenticated[0] = this.passwordCheck.authenticate(attempt);
					return true;
				}
				catch (BadCredentialsException ex) {
					return false;
				}
			});
			if (!right) {
				throw new BadCredentialsException("Bad credentials");
			}
			return authenticated[0];
		}
		catch (TooManyPasswordAttempts ex) {
			throw new LockedException("Too many password attempts");
		}
	}

	private boolean exists(String username) {
		try {
			return username != null && !username.isBlank() && this.users.loadUserByUsername(username) != null;
		}
		catch (UsernameNotFoundException ex) {
			return false;
		}
	}

}
