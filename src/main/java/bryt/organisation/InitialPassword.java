package bryt.organisation;

import java.security.SecureRandom;

/** A random password for an account that the command line creates. */
final class InitialPassword {

	/** No 0/O or 1/l/I, so that it can be read off a terminal and typed. */
	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int LENGTH = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private InitialPassword() {
	}

	/** About 117 bits. */
	static String generate() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
