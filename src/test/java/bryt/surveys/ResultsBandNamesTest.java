package bryt.surveys;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's review: the breakdown's columns named age bands by their stored keys (the
 * CSV header read "u30"). Every band is named in words from the bundles: tenure bands by
 * their own words, age bands from keys of the tenure bands' form, any other key by its
 * place.
 */
class ResultsBandNamesTest {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	ResultsBandNamesTest() {
		this.messages.setBasenames("i18n/surveys");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
	}

	@Test
	void ageBandsAreNamedInWordsAndNeverByTheirKeys() {
		assertThat(name("under_30", 0, Locale.ENGLISH)).isEqualTo("Under 30 years old");
		assertThat(name("30_39", 1, Locale.ENGLISH)).isEqualTo("30 to 39 years old");
		assertThat(name("60_plus", 3, Locale.ENGLISH)).isEqualTo("60 years old or more");
		assertThat(name("30_39", 1, Locale.forLanguageTag("sv"))).isEqualTo("30 till 39 år");
		assertThat(name("60_plus", 3, Locale.forLanguageTag("da"))).isEqualTo("60 år eller ældre");
		// keys of another form (ResultsTests' "u30", "o30") are named by their place
		assertThat(name("u30", 0, Locale.ENGLISH)).isEqualTo("Age group 1");
		assertThat(name("o30", 1, Locale.forLanguageTag("sv"))).isEqualTo("Åldersgrupp 2");
		// tenure bands keep their own words
		assertThat(ResultsTables.bandName(this.messages, ResultBreakdown.TENURE_BAND, "1_3", 1, Locale.ENGLISH))
			.isEqualTo("1 to 3 years");
	}

	private String name(String band, int position, Locale locale) {
		return ResultsTables.bandName(this.messages, ResultBreakdown.AGE_BAND, band, position, locale);
	}

}
