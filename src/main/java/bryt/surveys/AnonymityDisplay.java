package bryt.surveys;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

/**
 * How shown figures are presented without telling more than the engine allows:
 * participation rounded to 10 %, comments in a random order.
 */
public final class AnonymityDisplay {

	private static final SecureRandom SECURE = new SecureRandom();

	private AnonymityDisplay() {
	}

	/**
	 * Participation as a percentage rounded to the nearest 10, half up (45 % shows as 50
	 * %, 44.9 % as 40 %), in exact integer arithmetic; empty when nobody was invited.
	 */
	public static OptionalInt participationPercent(int respondents, int invited) {
		if (respondents < 0 || invited < 0 || respondents > invited) {
			throw new IllegalArgumentException(
					respondents + " respondents of " + invited + " invited: expected 0 ≤ respondents ≤ invited.");
		}
		if (invited == 0) {
			return OptionalInt.empty();
		}
		// tens = floor(10 r / i + 1/2) = floor((20 r + i) / 2 i)
		long tens = (20L * respondents + invited) / (2L * invited);
		return OptionalInt.of((int) tens * 10);
	}

	/**
	 * The comments in a random order from a secure random source, so the order says
	 * nothing about who wrote first. The comments carry no dates: callers pass only text.
	 */
	public static <T> List<T> shuffled(List<T> comments) {
		return shuffled(comments, SECURE);
	}

	/** As {@link #shuffled(List)} with a given source: a seeded one in tests. */
	public static <T> List<T> shuffled(List<T> comments, Random random) {
		List<T> copy = new ArrayList<>(comments);
		Collections.shuffle(copy, random);
		return List.copyOf(copy);
	}

}
