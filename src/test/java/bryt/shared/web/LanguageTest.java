package bryt.shared.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", value = { "sv-SE,sv;q=0.9,en;q=0.8 | SV", "da-DK,da;q=0.9 | DA",
			"en-GB | EN", "de-DE,da;q=0.5 | DA", "nb-NO,de;q=0.5 | EN", "null | EN", "'' | EN", ";;;q=x | EN" })
	void picksTheBestOfBrytsLanguages(String acceptLanguage, Language expected) {
		assertThat(Language.bestMatch(acceptLanguage)).isEqualTo(expected);
	}

}
