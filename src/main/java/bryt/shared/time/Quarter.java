package bryt.shared.time;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, the period of the safety figures: {@code 2026-Q3} is July to
 * September 2026.
 *
 * @param year the year
 * @param number 1 to 4
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {

	private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-Q([1-4])");

	public Quarter {
		if (number < 1 || number > 4) {
			throw new IllegalArgumentException("A quarter is 1 to 4, not " + number + ".");
		}
	}

	/** The quarter a day lies in. */
	public static Quarter of(LocalDate day) {
		return new Quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
	}

	/** A quarter written as {@code yyyy-Qn}, e.g. {@code 2026-Q3}. */
	public static Quarter parse(String text) {
		Matcher matcher = FORMAT.matcher((text != null) ? text.strip() : "");
		if (!matcher.matches()) {
			throw new DateTimeParseException("A quarter is written yyyy-Qn, e.g. 2026-Q3.", String.valueOf(text), 0);
		}
		return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	/**
	 * The quarter a visitor asked for: {@code latest} when the text is empty;
	 * {@code null} when it is no quarter, before 2000 or after {@code latest}. For the
	 * quarter pickers and the figures APIs, which show the visitor's choice or say it is
	 * wrong.
	 */
	public static Quarter asked(String text, Quarter latest) {
		if (text == null || text.isBlank()) {
			return latest;
		}
		try {
			Quarter parsed = parse(text);
			return (parsed.year() < 2000 || parsed.compareTo(latest) > 0) ? null : parsed;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The {@code count} quarters that end with this one, oldest first. */
	public List<Quarter> endingHere(int count) {
		Quarter first = this;
		for (int i = 1; i < count; i++) {
			first = first.previous();
		}
		return first.through(this);
	}

	/** The quarter's first day. */
	public LocalDate first() {
		return LocalDate.of(this.year, (this.number - 1) * 3 + 1, 1);
	}

	/** The quarter's last day. */
	public LocalDate last() {
		return first().plusMonths(3).minusDays(1);
	}

	public Quarter next() {
		return (this.number == 4) ? new Quarter(this.year + 1, 1) : new Quarter(this.year, this.number + 1);
	}

	public Quarter previous() {
		return (this.number == 1) ? new Quarter(this.year - 1, 4) : new Quarter(this.year, this.number - 1);
	}

	/** The quarters from this one to {@code last}, both included, oldest first. */
	public List<Quarter> through(Quarter last) {
		List<Quarter> quarters = new ArrayList<>();
		for (Quarter quarter = this; quarter.compareTo(last) <= 0; quarter = quarter.next()) {
			quarters.add(quarter);
		}
		return quarters;
	}

	@Override
	public int compareTo(Quarter other) {
		return (this.year != other.year) ? Integer.compare(this.year, other.year)
				: Integer.compare(this.number, other.number);
	}

	@Override
	public String toString() {
		return this.year + "-Q" + this.number;
	}

}
