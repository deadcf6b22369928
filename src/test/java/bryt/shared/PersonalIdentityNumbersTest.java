package bryt.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check digits worked out by hand with the Luhn rule over YYMMDDNNN: every other digit
 * from the first doubled (digits of products above 9 summed), the check digit makes the
 * total a multiple of ten. For 811218-987?: 16→7, 1, 2, 2, 2, 8, 18→9, 8, 14→5 = 44, plus
 * 6 = 50, so the check digit is 6.
 */
class PersonalIdentityNumbersTest {

	@ParameterizedTest
	@ValueSource(strings = { "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876",
			// samordningsnummer: day 18 + 60 = 78; 16→7,1,2,2,14→5,8,18→9,8,14→5 = 47,
			// check 3
			"811278-9873",
			// Danish CPR, valid date 1 January 1990; no check digit since 2007
			"010190-1234", "311299-0001",
			// inside other text
			"Ärende om 811218-9876 i dag", "cpr:010190-1234;",
			// issue 12: shaped like a personnummer with a valid date, wrong check digit
			// (the right one is 6, see above): a mistyped number is still someone's
			"811218-9875", "19811218-9871", "811218+9875", "198112189871",
			// samordningsnummer 32-01-30 (day 90 - 60) with a wrong check digit (Luhn
			// sum 32)
			"320190-1234",
			// found by the outsider's review: typed with a space, an en dash or a
			// no-break
			// space (as Word and Excel autocorrect), or a CPR without its hyphen
			"811218 9876", "811218\u20139876", "811218\u00A09876", "19811218 9876", "010190 1234", "010190\u20131234",
			"0101901234", "2512891235",
			// ten bare digits beginning with a valid day and month read as a CPR: 7
			// January
			// (a Swedish mobile number is refused with it, on purpose)
			"0701234567",
			// found by the safety module's outsider review (issue 14): separators around
			// and inside the date, other separators, invisible characters, full-width
			// digits, a percent-encoded hyphen in a link, a CPR written with dots
			"811218 - 9876", "1981-12-18-9876", "81 12 18-9876", "811218/9876", "811218.9876", "811218_9876",
			"811218\n9876", "8112\u200B18-9876", "811218\u00AD-9876",
			"\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16", "https://example.org/?q=811218%2D9876",
			"01.01.90-1234", "01 01 90 1234", "19 811218 - 9871" })
	void recognisesPersonalIdentityNumbers(String text) {
		assertThat(PersonalIdentityNumbers.containsOne(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// ten bare digits with a wrong Swedish check digit and no Danish day (81)
			"8112189875",
			// six and four digits apart, neither beginning with a date: month 34, day 12
			"123456 7890", "Tel. 08-123 456 78",
			// Luhn-valid but month 13 (sum without check 45, check 5); day 81 is no
			// Danish date either
			"811318-9875",
			// not a Danish date (day 32), nor a Swedish one (day 99 - 60 = 39)
			"320199-1234",
			// 12 digits with an impossible date: 30 February 1981
			"19810230-9876",
			// longer digit runs are other numbers, not identity numbers
			"1198112189876", "81121898761",
			// ordinary values
			"BOF-UTR-1", "2024-01-15", "070-123 45 67", "Anna Berg", "case 12345",
			// a date and a time of day, written as people write them
			"Möte 2024-01-15 kl. 14:30", "2024-01-15 14.30", "100 % 2025 99 12 31 77" })
	void leavesOtherValuesAlone(String text) {
		assertThat(PersonalIdentityNumbers.containsOne(text)).isFalse();
	}

	/**
	 * ovtrust (issue 15, the outsider review): 811218-9876 (check digit 6, see above) and
	 * the CPR 010190-1234 written in other scripts' decimal digits, which NFKC leaves as
	 * they are: Arabic-Indic (U+0660), Extended Arabic-Indic (U+06F0, Persian and Urdu),
	 * Devanagari (U+0966), a mix with ASCII, and mathematical bold digits (U+1D7CE,
	 * outside the first plane).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
			"\u06F8\u06F1\u06F1\u06F2\u06F1\u06F8-\u06F9\u06F8\u06F7\u06F6",
			"\u096E\u0967\u0967\u0968\u0967\u096E\u096F\u096E\u096D\u096C",
			"Om 81\u0661\u0662\u0661\u0668-98\u0667\u0666 i dag", "\u0660\u0661\u0660\u0661\u0669\u0660-1234",
			"\uD835\uDFD6\uD835\uDFCF\uD835\uDFCF\uD835\uDFD0\uD835\uDFCF\uD835\uDFD6-9876" })
	void recognisesNumbersWrittenInOtherScriptsDigits(String text) {
		assertThat(PersonalIdentityNumbers.containsOne(text)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void acceptsNothing(String text) {
		assertThat(PersonalIdentityNumbers.containsOne(text)).isFalse();
	}

}
