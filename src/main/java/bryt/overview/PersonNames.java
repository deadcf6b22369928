package bryt.overview;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import bryt.organisation.Organisations;

import org.springframework.stereotype.Component;

/**
 * Finds the name of one of the organisation's people in a text that goes into the
 * committee report, a public document that is never deleted: the parties' comments and a
 * recalculation's reason. A name is a staff member's (current or former) or an account's
 * display name (a disabled account's too), of two words or more (a one-word display name
 * such as "HR" or "Administratör" is an ordinary word), matched as whole words, whatever
 * the case and accents ("Asa Lindstrom" finds "Åsa Lindström"), in its own order or
 * surname first ("Lindström, Åsa"), also with the genitive "s" ("Åsa Lindströms").
 * Callers say that a name was found, never which.
 */
@Component
class PersonNames {

	/** Anything that is neither a letter nor a digit separates words. */
	private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** The longest name, in words, that is looked for. */
	private static final int LONGEST = 6;

	private final Organisations organisations;

	PersonNames(Organisations organisations) {
		this.organisations = organisations;
	}

	/** Whether the text holds the name of one of the organisation's people. */
	boolean containsOne(long organisationId, String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		Set<String> runs = runs(words(text));
		return this.organisations.personNames(organisationId)
			.stream()
			.anyMatch((name) -> name != null && named(runs, words(name)));
	}

	private static boolean named(Set<String> runs, List<String> name) {
		if (name.size() < 2 || name.size() > LONGEST) {
			return false;
		}
		// surname first: "Lindström, Åsa Maria"
		List<String> surnameFirst = new ArrayList<>();
		surnameFirst.add(name.getLast());
		surnameFirst.addAll(name.subList(0, name.size() - 1));
		return withGenitive(runs, name) || withGenitive(runs, surnameFirst);
	}

	/**
	 * The words as they are, or with the Swedish and Danish genitive "s" on the last one
	 * ("Amir Hanssons sjukskrivning"; the outsider review of 2026-11-30, late evening,
	 * got it into the report). "Hansson's" needs nothing: the apostrophe separates words.
	 */
	private static boolean withGenitive(Set<String> runs, List<String> words) {
		String joined = String.join(" ", words);
		return runs.contains(joined) || runs.contains(joined + "s");
	}

	/** Every run of 2 to {@link #LONGEST} consecutive words, joined by one space. */
	private static Set<String> runs(List<String> words) {
		Set<String> runs = new HashSet<>();
		for (int from = 0; from < words.size(); from++) {
			StringBuilder run = new StringBuilder(words.get(from));
			for (int to = from + 1; to < Math.min(words.size(), from + LONGEST); to++) {
				run.append(' ').append(words.get(to));
				runs.add(run.toString());
			}
		}
		return runs;
	}

	/** The words of a text, lower case and without accents. */
	static List<String> words(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		return Arrays.stream(SEPARATOR.split(plain.toLowerCase(Locale.ROOT))).filter((w) -> !w.isEmpty()).toList();
	}

}
