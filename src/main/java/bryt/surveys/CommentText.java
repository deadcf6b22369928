package bryt.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's text under review, in parts: what the respondent wrote and, where a
 * reviewer removed something, the label put in its place ("[name removed]", "[place
 * removed]", …) with the words it replaced. The reviewed text (V23's
 * {@code survey_comment.redacted}) keeps each removal between two private-use characters,
 * its label and its original words split by a third, so that until the release both sides
 * see what went and either may undo it (F2); the release keeps the labels only
 * ({@link #released}), so the released text is plain and holds no removed word. Words a
 * reviewer put back (an undone removal) stay marked with the side that put them back,
 * until the release, so that the other side sees that the comment changed and does not
 * approve it blind (brief surveys2, item 2).
 */
final class CommentText {

	/** Opens a removal. */
	static final char OPEN = '\uE000';

	/** Closes a removal. */
	static final char CLOSE = '\uE001';

	/** Splits a removal's label from the words it replaced. */
	static final char WAS = '\uE002';

	/**
	 * Opens words put back: the side that put them back ({@link CommentSide#name()}),
	 * {@link #WAS}, the words, {@link #CLOSE}.
	 */
	static final char PUT_BACK = '\uE003';

	/**
	 * The longest run of words one removal takes, in characters: a full name with a
	 * title, a street address or a workplace's name fit (the longest in the demo's
	 * organisation is 43), a sentence does not. A removal is for what points someone out;
	 * a longer one would let a reviewer take out what a comment says, which the review is
	 * not for (the second outside review, F2).
	 */
	static final int MAX_WORDS = 60;

	/** A letter or digit: what a word is made of, for whole-word matching. */
	private static final String WORD_CHARACTER = "[\\p{L}\\p{N}\\p{M}]";

	private CommentText() {
	}

	/**
	 * The text's parts. A text no reviewer changed is one plain part (a mark a respondent
	 * typed is dropped, so it cannot pass for a removal).
	 */
	static List<Part> parts(String text, boolean reviewed) {
		if (!reviewed) {
			return List.of(new Part(plain(text), false, null));
		}
		List<Part> parts = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int open = nextMark(text, at);
			int close = (open < 0) ? -1 : text.indexOf(CLOSE, open);
			if (open < 0 || close < 0) {
				parts.add(new Part(plain(text.substring(at)), false, null));
				break;
			}
			if (open > at) {
				parts.add(new Part(text.substring(at, open), false, null));
			}
			String marked = text.substring(open + 1, close);
			int was = marked.indexOf(WAS);
			if (text.charAt(open) == PUT_BACK) {
				parts.add(new Part(marked.substring(was + 1), false, null,
						(was < 0) ? null : side(marked.substring(0, was))));
			}
			else {
				parts.add((was < 0) ? new Part(marked, true, null)
						: new Part(marked.substring(0, was), true, marked.substring(was + 1)));
			}
			at = close + 1;
		}
		return parts;
	}

	private static int nextMark(String text, int from) {
		int removal = text.indexOf(OPEN, from);
		int putBack = text.indexOf(PUT_BACK, from);
		if (removal < 0 || putBack < 0) {
			return Math.max(removal, putBack);
		}
		return Math.min(removal, putBack);
	}

	private static CommentSide side(String name) {
		return java.util.Arrays.stream(CommentSide.values())
			.filter((side) -> side.name().equals(name))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Replaces every whole-word occurrence of the words (case ignored; not inside a
	 * longer word) in the respondent's parts of the text with the marked label, keeping
	 * the words replaced for the other side; removals already made are left alone.
	 * @return the new text, empty if the words occur as whole words in no part the
	 * respondent wrote
	 */
	static Optional<String> remove(String text, boolean reviewed, String words, String label) {
		Pattern pattern = Pattern.compile(
				"(?<!" + WORD_CHARACTER + ")" + Pattern.quote(words) + "(?!" + WORD_CHARACTER + ")",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		StringBuilder result = new StringBuilder();
		boolean found = false;
		for (Part part : parts(text, reviewed)) {
			if (part.removed()) {
				result.append(stored(part));
				continue;
			}
			Matcher matcher = pattern.matcher(part.text());
			int at = 0;
			while (matcher.find()) {
				found = true;
				result.append(stored(part.piece(at, matcher.start())));
				result.append(stored(new Part(label, true, matcher.group())));
				at = matcher.end();
			}
			result.append(stored(part.piece(at, part.text().length())));
		}
		return found ? Optional.of(result.toString()) : Optional.empty();
	}

	/** Whether the words occur as whole words in a part the respondent wrote. */
	static boolean contains(String text, boolean reviewed, String words) {
		return remove(text, reviewed, words, "").isPresent();
	}

	/**
	 * Puts the words of the text's removal number {@code index} (counted from 0 among its
	 * removals) back in place of its label.
	 * @param original the words the reviewer saw there, so that a page shown before
	 * another change cannot undo the wrong removal
	 * @param by the side that puts them back: the words stay marked as put back by it
	 * until the release
	 * @return the new text, empty if there is no such removal with those words
	 */
	static Optional<String> undo(String text, int index, String original, CommentSide by) {
		StringBuilder result = new StringBuilder();
		int removal = 0;
		boolean undone = false;
		for (Part part : parts(text, true)) {
			if (!part.removed()) {
				result.append(stored(part));
				continue;
			}
			if (removal++ == index && part.original() != null && part.original().equals(original)) {
				result.append(stored(new Part(part.original(), false, null, by)));
				undone = true;
			}
			else {
				result.append(stored(part));
			}
		}
		return undone ? Optional.of(result.toString()) : Optional.empty();
	}

	/**
	 * The text as released: each removal's label, without marks and without the words it
	 * replaced.
	 */
	static String released(String text, boolean reviewed) {
		StringBuilder result = new StringBuilder();
		parts(text, reviewed).forEach((part) -> result.append(part.text()));
		return result.toString();
	}

	/** Whether a removal of these words may be made at all (not too long). */
	static boolean tooLong(String words) {
		return words.codePointCount(0, words.length()) > MAX_WORDS;
	}

	private static String stored(Part part) {
		if (part.removed()) {
			return OPEN + part.text() + ((part.original() != null) ? WAS + part.original() : "") + CLOSE;
		}
		if (part.putBackBy() != null && !part.text().isEmpty()) {
			return PUT_BACK + part.putBackBy().name() + WAS + part.text() + CLOSE;
		}
		return part.text();
	}

	private static String plain(String text) {
		return text.replace(String.valueOf(OPEN), "")
			.replace(String.valueOf(CLOSE), "")
			.replace(String.valueOf(WAS), "")
			.replace(String.valueOf(PUT_BACK), "");
	}

	/**
	 * A part of a comment.
	 *
	 * @param text what the respondent wrote, or the label of what a reviewer removed
	 * @param removed whether this is a removal's label
	 * @param original the words a removal replaced (null for the respondent's text, and
	 * for removals made before the originals were kept)
	 * @param putBackBy for words a reviewer put back (an undone removal), the side that
	 * did; null otherwise
	 */
	record Part(String text, boolean removed, String original, CommentSide putBackBy) {

		Part(String text, boolean removed, String original) {
			this(text, removed, original, null);
		}

		/** Whether these are words a reviewer put back. */
		public boolean putBack() {
			return this.putBackBy != null;
		}

		/** For templates: the key of the side that put the words back. */
		public String putBackSide() {
			return (this.putBackBy != null) ? this.putBackBy.key() : null;
		}

		/** A piece of the respondent's text, still marked as put back if this was. */
		private Part piece(int from, int to) {
			return new Part(this.text.substring(from, to), false, null, this.putBackBy);
		}

	}

}
