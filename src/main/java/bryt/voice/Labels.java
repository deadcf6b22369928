package bryt.voice;

import java.util.Locale;

import bryt.shared.web.Language;

/**
 * One text in each of Bryt's languages: a question, or one of its choices, as an
 * administrator wrote it.
 */
record Labels(String sv, String da, String en) {

	/**
	 * The text in the language of {@code locale}; English for any other language. Public
	 * for the templates.
	 */
	public String in(Locale locale) {
		Language language = (locale != null) ? Language.ofCode(locale.getLanguage()).orElse(Language.DEFAULT)
				: Language.DEFAULT;
		return switch (language) {
			case SV -> this.sv;
			case DA -> this.da;
			case EN -> this.en;
		};
	}

	/** The same text in every language: an answer the reporter typed. */
	static Labels same(String text) {
		return new Labels(text, text, text);
	}

}
