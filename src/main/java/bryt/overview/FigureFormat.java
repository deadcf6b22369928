package bryt.overview;

import java.util.Locale;

import bryt.shared.tables.Cell;

import org.springframework.context.MessageSource;

/**
 * A figure's value as the reader reads it, by its definition's
 * {@link FigureDefinition.Format} in the reader's language (decimal commas in sv and da),
 * as a table cell so that the page, its CSV and its Excel download carry the same text
 * and number. A hidden figure is text, never a number: "hidden (fewer than the minimum
 * group)" or "no data".
 */
final class FigureFormat {

	private FigureFormat() {
	}

	static Cell cell(OverviewFigure figure, FigureDefinition.Format format, Locale locale, MessageSource messages) {
		if (figure == null) {
			return Cell.text(messages.getMessage("overview.hidden.NO_DATA", null, locale));
		}
		if (figure.value() == null) {
			return Cell.text(messages.getMessage("overview.hidden." + figure.hidden().name(), null, locale));
		}
		double value = figure.value();
		return switch (format) {
			case COUNT -> Cell.integer(Math.round(value));
			case SHARE, RATIO -> Cell.percent(value, 0, locale);
			case DECIMAL -> Cell.decimal(value, 1, locale);
			case DAYS -> {
				Cell days = Cell.integer(Math.round(value));
				yield new Cell(messages.getMessage("overview.days", new Object[] { Math.round(value) }, locale),
						days.number(), days.excelFormat(), null, null, null);
			}
		};
	}

	/**
	 * The value as a chart plots it: a percentage for shares and ratios, else the number;
	 * {@code null} (a gap, never 0) for a hidden figure.
	 */
	static Double plotted(OverviewFigure figure, FigureDefinition.Format format) {
		if (figure == null || figure.value() == null) {
			return null;
		}
		return (format == FigureDefinition.Format.SHARE || format == FigureDefinition.Format.RATIO)
				? figure.value() * 100 : figure.value();
	}

}
