package bryt.shared.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address users reach Bryt at, from {@code bryt.public-url}, e.g.
 * {@code https://bryt.kommun.se}. Behind a proxy that ends TLS, Bryt itself only sees
 * plain HTTP; an {@code https} address here tells it to send HSTS and to mark its cookies
 * {@code Secure} all the same. Empty when not set.
 *
 * @param value the address without a trailing slash, or an empty string
 */
public record PublicUrl(String value) {

	/**
	 * @param value the setting, possibly empty
	 * @return the address
	 * @throws IllegalArgumentException when it is neither empty nor an absolute http(s)
	 * address
	 */
	public static PublicUrl of(String value) {
		String trimmed = (value != null) ? value.strip() : "";
		if (trimmed.isEmpty()) {
			return new PublicUrl("");
		}
		try {
			URI uri = new URI(trimmed);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getQuery() != null
					|| uri.getFragment() != null) {
				throw new IllegalArgumentException(message(trimmed));
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(message(trimmed), ex);
		}
		return new PublicUrl(trimmed.replaceAll("/+$", ""));
	}

	/**
	 * The address that links in mails and on paper start with: this one, or
	 * {@code http://localhost:8080} when it is not set, which reaches nobody but the
	 * machine Bryt runs on.
	 */
	public String forLinks() {
		return this.value.isEmpty() ? "http://localhost:8080" : this.value;
	}

	/** Whether users reach Bryt over HTTPS. */
	public boolean https() {
		return this.value.regionMatches(true, 0, "https://", 0, 8);
	}

	private static String message(String value) {
		return "bryt.public-url must be an address like https://bryt.example.org, not '" + value + "'";
	}

}
