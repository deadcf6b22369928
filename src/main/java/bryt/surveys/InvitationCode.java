package bryt.surveys;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * An invitation's token: 26 characters of Crockford's Base32 (130 random bits from
 * {@link SecureRandom}), the same for the link in a mail and a code on a paper sheet.
 * Typed codes are forgiving as Crockford's alphabet means them to be: case, spaces and
 * hyphens do not count, {@code I}/{@code L} read as 1 and {@code O} as 0. Never logged:
 * see {@link #toString()}.
 *
 * @param value the canonical form: 26 upper-case characters of the alphabet
 */
record InvitationCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final int LENGTH = 26;

	private static final SecureRandom RANDOM = new SecureRandom();

	static InvitationCode random() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new InvitationCode(new String(code));
	}

	/** A typed or linked code, if it can be one. */
	static Optional<InvitationCode> parse(String typed) {
		if (typed == null || typed.length() > 80) {
			return Optional.empty();
		}
		StringBuilder canonical = new StringBuilder(LENGTH);
		for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == ' ' || c == '-' || c == '\t') {
				continue;
			}
			char read = switch (c) {
				case 'I', 'L' -> '1';
				case 'O' -> '0';
				default -> c;
			};
			if (ALPHABET.indexOf(read) < 0) {
				return Optional.empty();
			}
			canonical.append(read);
		}
		return (canonical.length() == LENGTH) ? Optional.of(new InvitationCode(canonical.toString()))
				: Optional.empty();
	}

	/** For a paper sheet: groups of four, e.g. {@code 7K2M-…-QX}. */
	String grouped() {
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < LENGTH; i += 4) {
			if (i > 0) {
				grouped.append('-');
			}
			grouped.append(this.value, i, Math.min(LENGTH, i + 4));
		}
		return grouped.toString();
	}

	@Override
	public String toString() {
		return "InvitationCode[***]";
	}

}
