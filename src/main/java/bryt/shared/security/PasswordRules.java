package bryt.shared.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * What a password set by a person must be: at least {@link #MIN_LENGTH} characters, not
 * the username nor containing it, and hard to guess by zxcvbn's estimate (score
 * {@link #MIN_SCORE} of 4: about 10⁸ guesses or more, far beyond what the login limits
 * allow online, and costly offline against Argon2id). zxcvbn knows common passwords,
 * names, words, keyboard patterns, repeats and dates, and is given the username and
 * display name, so that variations of them count as easy.
 */
public class PasswordRules {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 200;

	static final int MIN_SCORE = 3;

	/**
	 * A shorter username is not looked for inside the password: a two-letter name would
	 * forbid every word that contains it. Equal is refused all the same.
	 */
	static final int SHORTEST_USERNAME_LOOKED_FOR = 3;

	/** Loading the dictionaries takes a while: one instance, read-only after that. */
	private final Zxcvbn zxcvbn = new Zxcvbn();

	/**
	 * The message code of the rule a new password breaks:
	 * {@code passwordContainsUsername} or {@code weakPassword}; empty when it may be
	 * used. The length is checked by the forms.
	 * @param otherWords words of the account (its display name) that make a password easy
	 */
	public Optional<String> problem(String password, String username, String... otherWords) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.empty();
		}
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		String lower = password.toLowerCase(Locale.ROOT);
		if (!name.isEmpty() && (lower.strip().equals(name)
				|| (name.length() >= SHORTEST_USERNAME_LOOKED_FOR && lower.contains(name)))) {
			return Optional.of("passwordContainsUsername");
		}
		List<String> inputs = new ArrayList<>();
		if (!name.isEmpty()) {
			inputs.add(name);
			inputs.addAll(Arrays.asList(name.split("[._@-]+")));
		}
		Arrays.stream(otherWords)
			.filter(Objects::nonNull)
			.flatMap((words) -> Arrays.stream(words.toLowerCase(Locale.ROOT).split("\\s+")))
			.filter((word) -> !word.isBlank())
			.forEach(inputs::add);
		if (this.zxcvbn.measure(password, inputs).getScore() < MIN_SCORE) {
			return Optional.of("weakPassword");
		}
		return Optional.empty();
	}

}
