package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import bryt.shared.security.KeyFiles;

/**
 * The HMAC-SHA256 key under which invitation tokens are stored. Never in the database, so
 * that whoever holds a dump cannot test a token (from a mail or a paper sheet) against
 * it: given as {@code bryt.surveys.invitation-key} (Base64, at least 32 bytes) or kept in
 * {@code keys/survey-invitation.key} under the data directory, created on first start
 * with mode 0600 (as {@code voice.AccessLogKey}). Losing the key makes the open cycles'
 * tokens unusable, nothing else.
 */
final class InvitationKey {

	static final String FILE = "survey-invitation.key";

	private final SecretKeySpec key;

	private InvitationKey(byte[] key) {
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	static InvitationKey load(String configured, Path keysDir) {
		return new InvitationKey(
				KeyFiles.load("survey invitation key", "bryt.surveys.invitation-key", configured, keysDir, FILE));
	}

	/** The stored form of a token (its canonical code). */
	byte[] hmac(InvitationCode code) {
		return mac("bryt survey invitation\n", code);
	}

	/**
	 * The mark a used token leaves ({@code survey_used_code}): another domain than
	 * {@link #hmac}, so without the key and the code no mark matches an invitation.
	 */
	byte[] usedMark(InvitationCode code) {
		return mac("bryt survey used invitation\n", code);
	}

	private byte[] mac(String domain, InvitationCode code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal((domain + code.value()).getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The answer form's tag for a code: shown in the form only while the code is unused,
	 * so that a second post of the same form (a double click) can be told from a used
	 * code typed anew, without storing anything. A different message under the same key,
	 * so it is never the stored HMAC.
	 */
	String formTag(InvitationCode code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						mac.doFinal(("bryt survey answer form\n" + code.value()).getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "InvitationKey[***]";
	}

}
