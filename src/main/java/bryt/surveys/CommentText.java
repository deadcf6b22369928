package bryt.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's text under review, in parts: what the respondent wrote and, where a
 * reviewer removed something, the label put in its place ("[name removed]", "[place
 * removed]", …). The reviewed text (V23's {@code survey_comment.redacted}) keeps each
 * label between two private-use characters, so that the other side sees which parts went
 * before approving; the release strips them ({@link CommentRepository#release}), so the
 * released text is plain.
 */
final class CommentText {

	/** Opens a removal's label. */
	static final char OPEN = '\uE000';

	/** Closes a removal's label. */
	static final char CLOSE = '\uE001';

	/** Both marks, as SQL's {@code translate} takes them. */
	static final String MARKS = String.valueOf(OPEN) + CLOSE;

	private CommentText() {
	}

	/**
	 * The text's parts. A text no reviewer changed is one plain part (a mark a respondent
	 * typed is dropped, so it cannot pass for a removal).
	 */
	static List<Part> parts(String text, boolean reviewed) {
		if (!reviewed) {
			return List.of(new Part(plain(text), false));
		}
		List<Part> parts = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf(OPEN, at);
			int close = (open < 0) ? -1 : text.indexOf(CLOSE, open);
			if (open < 0 || close < 0) {
				parts.add(new Part(plain(text.substring(at)), false));
				break;
			}
			if (open > at) {
				parts.add(new Part(text.substring(at, open), false));
			}
			parts.add(new Part(text.substring(open + 1, close), true));
			at = close + 1;
		}
		return parts;
	}

	/**
	 * Replaces every occurrence of the words (case ignored) in the respondent's parts of
	 * the text with the marked label; labels already put in are left alone.
	 * @return the new text, empty if the words occur in no part the respondent wrote
	 */
	static Optional<String> remove(String text, boolean reviewed, String words, String label) {
		Pattern pattern = Pattern.compile(Pattern.quote(words), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		String marked = OPEN + label + CLOSE;
		StringBuilder result = new StringBuilder();
		boolean found = false;
		for (Part part : parts(text, reviewed)) {
			if (part.removed()) {
				result.append(marked(part.text()));
				continue;
			}
			Matcher matcher = pattern.matcher(part.text());
			if (matcher.find()) {
				found = true;
				result.append(matcher.replaceAll(Matcher.quoteReplacement(marked)));
			}
			else {
				result.append(part.text());
			}
		}
		return found ? Optional.of(result.toString()) : Optional.empty();
	}

	private static String marked(String label) {
		return OPEN + label + CLOSE;
	}

	private static String plain(String text) {
		return text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
	}

	/**
	 * A part of a comment.
	 *
	 * @param text what the respondent wrote, or the label of what a reviewer removed
	 * @param removed whether this is a removal's label
	 */
	record Part(String text, boolean removed) {
	}

}
