package bryt.shared.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One cell of a {@link FigureTable}: the text the page shows and the CSV holds, and for a
 * figure the number behind that text, rounded exactly as the text is, which the Excel
 * download writes as a numeric cell in {@code excelFormat}.
 *
 * @param text what the page shows
 * @param number the figure, rounded as shown, or {@code null} for text
 * @param excelFormat Excel's number format for {@code number}, e.g. {@code 0.0} or
 * {@code 0%}
 * @param href where the cell links to on the page, or {@code null}
 * @param tag the design system's tag modifier the page draws the text in (e.g.
 * {@code govuk-tag--red}), or {@code null}
 * @param css a class the page adds to the cell (e.g. the indentation of a unit's level),
 * or {@code null}
 */
public record Cell(String text, BigDecimal number, String excelFormat, String href, String tag, String css) {

	/** An empty figure ({@code –} on the page, an empty cell in Excel). */
	public static final String NONE = "–";

	/** The class of a cell whose text is a code ({@link #code}). */
	public static final String CODE = "bryt-code";

	public static Cell text(String text) {
		return new Cell((text != null) ? text : "", null, null, null, null, null);
	}

	public static Cell date(LocalDate date) {
		return text((date != null) ? date.toString() : NONE);
	}

	/** A code or reference, set in {@code <code>} on the page. */
	public static Cell code(String text) {
		return text(text).withClass(CODE);
	}

	public static Cell link(String text, String href) {
		return new Cell(text, null, null, href, null, null);
	}

	public static Cell tag(String text, String tag) {
		return new Cell(text, null, null, null, tag, null);
	}

	public static Cell integer(long value) {
		// Counts are shown without grouping, as th:text shows an int.
		return new Cell(Long.toString(value), BigDecimal.valueOf(value), "0", null, null, null);
	}

	/**
	 * A decimal with a fixed number of fraction digits, as Thymeleaf's
	 * {@code #numbers.formatDecimal(value, 1, 'DEFAULT', digits, 'DEFAULT')} shows it.
	 */
	public static Cell decimal(Double value, int digits, Locale locale) {
		if (value == null) {
			return text(NONE);
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		// Rounded once, from the double's exact value as DecimalFormat does; the text is
		// the rounded number, so text and number cannot differ.
		BigDecimal rounded = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN);
		return new Cell(format.format(rounded), rounded, (digits == 0) ? "#,##0" : "#,##0." + "0".repeat(digits), null,
				null, null);
	}

	/**
	 * A share as a percentage with a fixed number of fraction digits, as Thymeleaf's
	 * {@code #numbers.formatPercent(value, 1, digits)} shows it.
	 */
	public static Cell percent(double share, int digits, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		BigDecimal rounded = new BigDecimal(share).setScale(digits + 2, RoundingMode.HALF_EVEN);
		return new Cell(format.format(rounded), rounded, (digits == 0) ? "0%" : "0." + "0".repeat(digits) + "%", null,
				null, null);
	}

	/** The same cell, linking to {@code href} on the page. */
	public Cell linkedTo(String href) {
		return new Cell(this.text, this.number, this.excelFormat, href, this.tag, this.css);
	}

	/** The same cell with a class on the page. */
	public Cell withClass(String css) {
		return new Cell(this.text, this.number, this.excelFormat, this.href, this.tag, css);
	}

}
