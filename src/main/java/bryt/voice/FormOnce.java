package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The one-time id of a report form: 128 random bits made when the form is shown, sent
 * back in a hidden field. No cookie or session is needed: the id lives in the page only.
 * The database keeps an HMAC of it under the access log's key (domain-separated), so a
 * stored row cannot be matched to a form without that key, and nothing ties it to its
 * report.
 */
final class FormOnce {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final byte[] LABEL = "bryt voice report form once".getBytes(StandardCharsets.UTF_8);

	private FormOnce() {
	}

	static String generate() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether a posted value can be an id this class made. */
	static boolean valid(String id) {
		return id != null && FORMAT.matcher(id).matches();
	}

	static byte[] hash(AccessLogKey key, String id) {
		return key.mac(LABEL, id.getBytes(StandardCharsets.US_ASCII));
	}

}
