package bryt.shared.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.util.Locale;

import org.springframework.format.Formatter;

/**
 * Decimals in forms, such as a staff member's FTE: Swedish and Danish write a decimal
 * comma ({@code 0,75}), English a point, and the hints say so; both are read in every
 * language (people paste numbers from spreadsheets in either form). A value is shown back
 * with the separator of the page's language.
 */
final class DecimalFormatter implements Formatter<BigDecimal> {

	@Override
	public BigDecimal parse(String text, Locale locale) throws ParseException {
		String trimmed = text.strip();
		// One comma and no point is a decimal comma; anything else is read as it is.
		String normalised = (trimmed.indexOf(',') == trimmed.lastIndexOf(',') && trimmed.indexOf('.') < 0)
				? trimmed.replace(',', '.') : trimmed;
		try {
			return new BigDecimal(normalised);
		}
		catch (NumberFormatException ex) {
			throw new ParseException(text, 0);
		}
	}

	@Override
	public String print(BigDecimal value, Locale locale) {
		String plain = value.toPlainString();
		char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
		return (separator == '.') ? plain : plain.replace('.', separator);
	}

}
