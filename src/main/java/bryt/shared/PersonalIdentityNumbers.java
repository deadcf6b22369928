package bryt.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.text.Normalizer;
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
 * The separator may be any of the ways a number is typed, autocorrected or disguised: a
 * hyphen, a minus sign, an en or em dash, a space, a no-break space, a slash, a dot, an
 * underscore or a line break, up to three of them (" - "), between the date and the
 * serial number and inside the date ({@code 1981-12-18-9876}, {@code 81 12 18-9876},
 * {@code 01.01.90-1234}); {@code +} for Swedish numbers, which marks a centenarian. The
 * text is read as the eye reads it: full-width and other compatibility digits as digits
 * (NFKC), every script's decimal digits (Arabic-Indic, Devanagari, …) as ASCII digits,
 * invisible characters (zero-width spaces and joiners, soft hyphens) left out, and a
 * percent-encoded character in a link decoded.
 */
public final class PersonalIdentityNumbers {

	/**
	 * Hyphen, the Unicode hyphens and dashes, minus, slash, dot, underscore, white space.
	 */
	private static final String SEPARATOR = "[\\-\u2010\u2011\u2012\u2013\u2014\u2212/._\\s\u00A0\u202F]";

	/** Up to three separators between two groups of digits, or none. */
	private static final String GAP = SEPARATOR + "{0,3}";

	private static final Pattern SWEDISH = Pattern.compile("(?<!\\d)(?:(\\d{2})(" + GAP + "))?(\\d{2})(" + GAP
			+ ")(\\d{2})(" + GAP + ")(\\d{2})(" + GAP + "\\+?" + GAP + ")(\\d{3})(\\d)(?!\\d)");

	private static final Pattern DANISH = Pattern
		.compile("(?<!\\d)(\\d{2})" + GAP + "(\\d{2})" + GAP + "(\\d{2})" + GAP + "\\d{4}(?!\\d)");

	/** Characters that do not show: zero-width spaces and joiners, soft hyphen, BOM. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u180E\\u200B-\\u200D\\u2060\\uFEFF]");

	private static final Pattern PERCENT_ENCODED = Pattern.compile("%([0-9A-Fa-f]{2})");

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
		String read = asRead(text);
		return containsSwedish(read) || containsDanish(read);
	}

	/**
	 * The text as the eye reads it: compatibility forms folded (full-width digits,
	 * no-break spaces), invisible characters removed, percent-encoded characters decoded.
	 */
	private static String asRead(CharSequence text) {
		String folded = asciiDigits(INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(""));
		return PERCENT_ENCODED.matcher(folded)
			.replaceAll(
					(found) -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(found.group(1), 16))));
	}

	/**
	 * Every decimal digit of another script (Arabic-Indic ٠١٢, Extended Arabic-Indic,
	 * Devanagari, Bengali, Thai, …) as its ASCII digit: NFKC folds full-width and
	 * mathematical digits but leaves these, and the patterns' {@code \d} reads ASCII
	 * only.
	 */
	private static String asciiDigits(String text) {
		StringBuilder ascii = null;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			int codePoint = text.codePointAt(i);
			boolean other = codePoint > '9' && Character.isDigit(codePoint);
			if (other && ascii == null) {
				ascii = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (ascii != null) {
				if (other) {
					ascii.append((char) ('0' + Character.digit(codePoint, 10)));
				}
				else {
					ascii.appendCodePoint(codePoint);
				}
			}
		}
		return (ascii != null) ? ascii.toString() : text;
	}

	/**
	 * Both kinds of number have ten digits or more; counting them first spares the
	 * patterns the dates and codes that fill import files (any script's digits count:
	 * full-width and other scripts' digits are folded later; by code point, so that the
	 * mathematical digits outside the first plane count too).
	 */
	private static boolean hasTenDigits(CharSequence text) {
		return text.codePoints().filter(Character::isDigit).limit(10).count() == 10;
	}

	/**
	 * Each place a number could start is tried in turn (not only after the end of a
	 * candidate that was no date), so that a false start does not hide a real number.
	 */
	private static boolean containsSwedish(String text) {
		Matcher matcher = SWEDISH.matcher(text);
		int from = 0;
		while (from < text.length() && matcher.find(from)) {
			String century = matcher.group(1);
			int year = Integer.parseInt(matcher.group(3));
			int month = Integer.parseInt(matcher.group(5));
			int day = Integer.parseInt(matcher.group(7));
			if (day > 60) {
				day -= 60;
			}
			boolean validDate = (century != null) ? isDate(Integer.parseInt(century) * 100 + year, month, day)
					: isMonthDay(month, day);
			String tenDigits = matcher.group(3) + matcher.group(5) + matcher.group(7) + matcher.group(9)
					+ matcher.group(10);
			boolean separated = !matcher.group(4).isEmpty() || !matcher.group(6).isEmpty()
					|| !matcher.group(8).isEmpty();
			boolean writtenAsOne = century != null || separated;
			if (validDate && (writtenAsOne || luhnValid(tenDigits))) {
				return true;
			}
			from = matcher.start() + 1;
		}
		return false;
	}

	private static boolean containsDanish(String text) {
		Matcher matcher = DANISH.matcher(text);
		int from = 0;
		while (from < text.length() && matcher.find(from)) {
			if (isMonthDay(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)))) {
				return true;
			}
			from = matcher.start() + 1;
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
