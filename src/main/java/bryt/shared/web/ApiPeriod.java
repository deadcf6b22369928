package bryt.shared.web;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

/**
 * The period a figures API is asked for ({@code ?from=&to=}, ISO dates), checked the same
 * way by every module: not backwards, at most {@value #MAX_YEARS} years, between
 * 2000-01-01 and the end of next year. A period that is not gets an
 * {@link IllegalArgumentException} whose message says what was expected, for the API's
 * 400.
 *
 * @param first the first day
 * @param last the last day
 */
public record ApiPeriod(LocalDate first, LocalDate last) {

	/** The longest period one request may ask for. */
	public static final int MAX_YEARS = 5;

	/**
	 * The period asked for.
	 * @param from the first day asked for, or null for {@code defaultFirst}
	 * @param to the last day asked for, or null for today
	 * @param today today, in the organisation's time zone
	 * @param defaultFirst the first day when none is asked for, from the last day
	 */
	public static ApiPeriod of(LocalDate from, LocalDate to, LocalDate today, UnaryOperator<LocalDate> defaultFirst) {
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : defaultFirst.apply(last);
		if (first.isAfter(last)) {
			throw new IllegalArgumentException("'from' (" + first + ") must not be after 'to' (" + last + ").");
		}
		if (first.plusYears(MAX_YEARS).isBefore(last)) {
			throw new IllegalArgumentException(
					"The period from " + first + " to " + last + " is longer than " + MAX_YEARS + " years.");
		}
		if (first.getYear() < 2000 || last.getYear() > today.getYear() + 1) {
			throw new IllegalArgumentException("The period must lie between 2000-01-01 and the end of next year.");
		}
		return new ApiPeriod(first, last);
	}

}
