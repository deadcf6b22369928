package bryt.shared.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Turns the bearer token of an API request into an authentication. Implemented by the
 * module that keeps the tokens.
 */
public interface ApiTokenAuthenticator {

	/**
	 * @param token the token as sent, never logged
	 * @return the authentication, or empty when the token is unknown or revoked
	 */
	Optional<Authentication> authenticate(String token);

}
