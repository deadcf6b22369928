package bryt.shared.security;

import java.util.List;

/**
 * Paths for visitors who must leave no trace, such as the anonymous reporting pages: open
 * without a login, and served without a session, so without a session cookie and without
 * a CSRF token (which would need a session). A login made elsewhere is not seen there
 * either. Declare a bean of this type in the module.
 *
 * <p>
 * A form on these paths is not protected against cross-site request forgery by a token;
 * the module must make sure that a forged request gains an attacker nothing (for example
 * because it needs a secret that only the visitor knows).
 *
 * @param patterns path patterns, e.g. {@code /report/**}
 */
public record AnonymousPaths(List<String> patterns) {

	public AnonymousPaths(String... patterns) {
		this(List.of(patterns));
	}

}
