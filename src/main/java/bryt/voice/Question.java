package bryt.voice;

import java.util.List;

/**
 * One question of a channel's questionnaire (frågeformulär, spørgeskema), in the order
 * the reporter sees it.
 *
 * @param id the question's id; the form field is {@code q.<id>}
 * @param position its place in the questionnaire, lowest first
 * @param type how it is asked and what an answer must look like
 * @param required whether a report needs an answer
 * @param label the question in Swedish, Danish and English
 * @param options the choices of a {@link Type#SINGLE_CHOICE} question, empty for the
 * others
 */
record Question(long id, long channelId, int position, Type type, boolean required, Labels label,
		List<Labels> options) {

	/** The longest answer to a long-text question, and the longest message. */
	static final int MAX_LENGTH = 20_000;

	/** The longest answer to a short-text question. */
	static final int MAX_SHORT_LENGTH = 1_000;

	Question {
		options = List.copyOf(options);
	}

	/** The answer's form field. Public for the templates. */
	public String field() {
		return "q." + this.id;
	}

	enum Type {

		/** One line of text. */
		TEXT,
		/** Free text. */
		LONG_TEXT,
		/** Yes or no. */
		YES_NO,
		/** One of a list of choices. */
		SINGLE_CHOICE,
		/** A day, as yyyy-mm-dd. */
		DATE

	}

}
