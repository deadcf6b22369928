package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import com.google.crypto.tink.subtle.Hkdf;

/**
 * The reporter's receipt (kvitto, kvittering): a public selector that finds the report
 * and a secret verifier that proves the holder wrote it, shown once in Crockford base32
 * in groups of four, e.g. {@code 7K3M-Q9TZ-…}.
 *
 * <p>
 * The verifier holds {@value #VERIFIER_CHARS} × 5 = 100 random bits. Because it is a
 * high-entropy secret, a fast hash (SHA-256) is right for storing it: nobody can try
 * 2^100 candidates, however fast each try is. A slow hash such as Argon2id only helps
 * secrets a person chose, like passwords. The key that unwraps the report's data key is
 * derived from the verifier with HKDF under a different label, so the stored hash does
 * not give it.
 */
record Receipt(String selector, String verifier) {

	static final int SELECTOR_CHARS = 8;

	static final int VERIFIER_CHARS = 20;

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	Receipt {
		if (!valid(selector, SELECTOR_CHARS) || !valid(verifier, VERIFIER_CHARS)) {
			throw new IllegalArgumentException("Not a receipt");
		}
	}

	static Receipt generate(SecureRandom random) {
		return new Receipt(randomChars(random, SELECTOR_CHARS), randomChars(random, VERIFIER_CHARS));
	}

	/**
	 * Reads a typed receipt the way Crockford base32 allows: any case, with or without
	 * hyphens and spaces, O for 0 and I or L for 1.
	 */
	static Optional<Receipt> parse(String typed) {
		if (typed == null || typed.length() > 100) {
			return Optional.empty();
		}
		StringBuilder chars = new StringBuilder();
		for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || Character.isWhitespace(c)) {
				continue;
			}
			chars.append(switch (c) {
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			});
		}
		if (chars.length() != SELECTOR_CHARS + VERIFIER_CHARS
				|| !valid(chars.toString(), SELECTOR_CHARS + VERIFIER_CHARS)) {
			return Optional.empty();
		}
		return Optional.of(new Receipt(chars.substring(0, SELECTOR_CHARS), chars.substring(SELECTOR_CHARS)));
	}

	/** The receipt as the reporter writes it down: groups of four joined by hyphens. */
	String grouped() {
		String all = this.selector + this.verifier;
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < all.length(); i += 4) {
			if (i > 0) {
				out.append('-');
			}
			out.append(all, i, i + 4);
		}
		return out.toString();
	}

	/** What is stored to recognise the verifier. */
	byte[] verifierHash() {
		return hash(this.selector, this.verifier);
	}

	/** The key that wraps the report's data key for the reporter. */
	byte[] wrappingKey() {
		try {
			return Hkdf.computeHkdf("HMACSHA256", this.verifier.getBytes(StandardCharsets.US_ASCII),
					this.selector.getBytes(StandardCharsets.US_ASCII),
					"bryt voice receipt wrapping key".getBytes(StandardCharsets.US_ASCII), 32);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares in time independent of where the hashes differ. */
	boolean matches(byte[] storedHash) {
		return MessageDigest.isEqual(verifierHash(), storedHash);
	}

	static byte[] hash(String selector, String verifier) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update("bryt voice receipt\n".getBytes(StandardCharsets.US_ASCII));
			sha256.update(selector.getBytes(StandardCharsets.US_ASCII));
			sha256.update((byte) '\n');
			return sha256.digest(verifier.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomChars(SecureRandom random, int count) {
		char[] chars = new char[count];
		for (int i = 0; i < count; i++) {
			chars[i] = ALPHABET.charAt(random.nextInt(32));
		}
		return new String(chars);
	}

	private static boolean valid(String value, int length) {
		if (value == null || value.length() != length) {
			return false;
		}
		for (char c : value.toCharArray()) {
			if (ALPHABET.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return "Receipt[***]";
	}

}
