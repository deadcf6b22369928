package bryt.shared.security;

import java.util.List;

/**
 * Paths a module opens to visitors without a login, such as the anonymous reporting
 * pages. Declare a bean of this type in the module; everything else requires a login.
 *
 * @param patterns path patterns, e.g. {@code /report/**}
 */
public record PublicPaths(List<String> patterns) {

	public PublicPaths(String... patterns) {
		this(List.of(patterns));
	}

}
