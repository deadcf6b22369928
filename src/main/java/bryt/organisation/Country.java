package bryt.organisation;

import bryt.shared.web.Language;

/**
 * The countries whose social services Bryt knows: their laws set deadlines and defaults.
 */
public enum Country {

	SE(Language.SV), DK(Language.DA);

	private final Language language;

	Country(Language language) {
		this.language = language;
	}

	/** The language of the country's social services: Swedish or Danish. */
	public Language language() {
		return this.language;
	}

}
