package bryt.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises citizens' personal identity numbers so that Bryt can refuse them: Bryt holds
 * no client data, and a staff system that exports one by mistake must not get it stored
 * or logged. Callers report only where such a number was found, never the value.
 *
 * <ul>
 * <li>Swedish personnummer and samordningsnummer: {@code YYMMDD-NNNC},
 * {@code YYMMDD+NNNC}, {@code YYYYMMDD-NNNC}, with or without separator; a valid date, or
 * a valid date with 60 added to the day (samordningsnummer). Written as people write
 * personnummer, with a separator or with the century, the number is refused whatever its
 * check digit: a mistyped number is still someone's number. Ten bare digits in Swedish
 * order are refused with a valid Luhn check digit.</li>
 * <li>Danish CPR numbers: {@code DDMMYY-NNNN} or {@code DDMMYYNNNN} with a valid date.
 * The modulus-11 check was dropped in 2007, so any four digits pass, and Danes often
 * write the number without its hyphen: ten bare digits that begin with a valid day and
 * month are refused. That also refuses some phone and reference numbers (a Swedish mobile
 * number 0701234567 begins with 7 January); a file or report is better without those
 * too.</li>
 * </ul>
 * The separator may be any of the ways a number is typed or autocorrected: a hyphen, a
 * minus sign, an en or em dash, a space or a no-break space ({@code +} for Swedish
 * numbers, which marks a centenarian).
 */
public final class PersonalIdentityNumbers {

	/** Hyphen, the Unicode hyphens and dashes, minus, space, no-break spaces. */
	private static final String DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212 \u00A0\u202F";

	private static final Pattern SWEDISH = Pattern
		.compile("(?<!\\d)(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([" + DASHES + "+]?)(\\d{3})(\\d)(?!\\d)");

	private static final Pattern DANISH = Pattern
		.compile("(?<!\\d)(\\d{2})(\\d{2})(\\d{2})[" + DASHES + "]?\\d{4}(?!\\d)");

	private PersonalIdentityNumbers() {
	}

	/**
	 * Whether {@code text} contains anything that looks like a Swedish or Danish personal
	 * identity number.
	 * @param text any value, possibly {@code null}
	 * @return {@code true} if the text must be refused
	 */
	public static boolean containsOne(CharSequence text) {
		if (text == null || text.length() < 10 || !hasTenDigits(text)) {
			return false;
		}
		return containsSwedish(text) || containsDanish(text);
	}

	/**
	 * Both kinds of number have ten digits or more; counting them first spares the
	 * patterns the dates and codes that fill import files.
	 */
	private static boolean hasTenDigits(CharSequence text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9' && ++digits == 10) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsSwedish(CharSequence text) {
		Matcher matcher = SWEDISH.matcher(text);
		while (matcher.find()) {
			String century = matcher.group(1);
			int year = Integer.parseInt(matcher.group(2));
			int month = Integer.parseInt(matcher.group(3));
			int day = Integer.parseInt(matcher.group(4));
			if (day > 60) {
				day -= 60;
			}
			boolean validDate = (century != null) ? isDate(Integer.parseInt(century) * 100 + year, month, day)
					: isMonthDay(month, day);
			String tenDigits = matcher.group(2) + matcher.group(3) + matcher.group(4) + matcher.group(6)
					+ matcher.group(7);
			boolean writtenAsOne = century != null || !matcher.group(5).isEmpty();
			if (validDate && (writtenAsOne || luhnValid(tenDigits))) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsDanish(CharSequence text) {
		Matcher matcher = DANISH.matcher(text);
		while (matcher.find()) {
			if (isMonthDay(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Month and day valid in some year (29 February included: the century is unknown).
	 */
	private static boolean isMonthDay(int month, int day) {
		try {
			MonthDay.of(month, day);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static boolean isDate(int year, int month, int day) {
		try {
			LocalDate.of(year, month, day);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/**
	 * Luhn (mod 10) over the ten digits YYMMDDNNNC, as the Swedish Tax Agency defines it.
	 */
	static boolean luhnValid(String tenDigits) {
		int sum = 0;
		for (int i = 0; i < tenDigits.length(); i++) {
			int digit = tenDigits.charAt(i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
