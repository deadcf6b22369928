package bryt.shared.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One data row of an import file. The typed getters return {@code null} for an empty cell
 * and record a problem (with line, column and what was expected) for a value they cannot
 * read.
 */
public final class CsvRow {

	private static final List<DateTimeFormatter> DATES = List
		.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("dd-MM-uuuu"),
				DateTimeFormatter.ofPattern("dd.MM.uuuu"))
		.stream()
		.map((format) -> format.withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private static final Set<String> TRUE = Set.of("yes", "true", "ja", "1", "y", "j");

	private static final Set<String> FALSE = Set.of("no", "false", "nej", "0", "n");

	private final long line;

	private final String[] values;

	private final Map<String, Integer> positions;

	private final Map<String, String> headers;

	private final ImportProblems problems;

	CsvRow(long line, String[] values, Map<String, Integer> positions, Map<String, String> headers,
			ImportProblems problems) {
		this.line = line;
		this.values = values;
		this.positions = positions;
		this.headers = headers;
		this.problems = problems;
	}

	public long line() {
		return this.line;
	}

	/** The trimmed text of a column, {@code null} when empty or absent. */
	public String text(String column) {
		Integer position = this.positions.get(column);
		if (position == null || position >= this.values.length) {
			return null;
		}
		String value = this.values[position].strip();
		return value.isEmpty() ? null : value;
	}

	/** Text that must be present and at most {@code maxLength} characters long. */
	public String requiredText(String column, int maxLength) {
		String value = text(column);
		if (value == null) {
			problem(column, "required");
		}
		else if (value.length() > maxLength) {
			problem(column, "tooLong", String.valueOf(maxLength));
			return null;
		}
		return value;
	}

	public String optionalText(String column, int maxLength) {
		String value = text(column);
		if (value != null && value.length() > maxLength) {
			problem(column, "tooLong", String.valueOf(maxLength));
			return null;
		}
		return value;
	}

	/** A date as yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy. */
	public LocalDate date(String column, boolean required) {
		return parse(column, required, "date", CsvRow::parseDate);
	}

	public Boolean bool(String column, boolean required) {
		return parse(column, required, "boolean", (value) -> {
			String lower = value.toLowerCase(Locale.ROOT);
			if (TRUE.contains(lower)) {
				return Boolean.TRUE;
			}
			if (FALSE.contains(lower)) {
				return Boolean.FALSE;
			}
			throw new IllegalArgumentException();
		});
	}

	/** A decimal number with a point or a comma, between {@code min} and {@code max}. */
	public BigDecimal decimal(String column, boolean required, BigDecimal min, BigDecimal max) {
		BigDecimal value = parse(column, required, "decimal", (text) -> new BigDecimal(text.replace(',', '.')));
		if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
			problem(column, "range", min.toPlainString(), max.toPlainString());
			return null;
		}
		return value;
	}

	public Integer integer(String column, boolean required, int min, int max) {
		Integer value = parse(column, required, "integer", Integer::valueOf);
		if (value != null && (value < min || value > max)) {
			problem(column, "range", String.valueOf(min), String.valueOf(max));
			return null;
		}
		return value;
	}

	/** One of the given codes, compared case-insensitively; returns it in upper case. */
	public String code(String column, boolean required, List<String> allowed) {
		String value = text(column);
		if (value == null) {
			if (required) {
				problem(column, "required");
			}
			return null;
		}
		String upper = value.toUpperCase(Locale.ROOT).replace(' ', '_');
		if (!allowed.contains(upper)) {
			problem(column, "oneOf",
					String.join(", ", allowed.stream().map((a) -> a.toLowerCase(Locale.ROOT)).toList()));
			return null;
		}
		return upper;
	}

	/**
	 * One of the accepted names, compared as column names are (case, accents, spaces and
	 * hyphens aside: "Förste socialsekreterare" is "forste_socialsekreterare"). A value
	 * that is none of them is a problem listing every accepted name.
	 * @param accepted each accepted name with the value it stands for, in the order the
	 * problem lists them
	 */
	public <T> T choice(String column, boolean required, Map<String, T> accepted) {
		String value = text(column);
		if (value == null) {
			if (required) {
				problem(column, "required");
			}
			return null;
		}
		String normalised = Column.normalise(value);
		for (Map.Entry<String, T> entry : accepted.entrySet()) {
			if (Column.normalise(entry.getKey()).equals(normalised)) {
				return entry.getValue();
			}
		}
		problem(column, "oneOf", String.join(", ", accepted.keySet()));
		return null;
	}

	/**
	 * A share of full time, as HR systems write it: {@code 0.75}, {@code 0,75},
	 * {@code 75 %} or {@code 75}. With a per cent sign it is a percentage; without, a
	 * number up to 1 is a share (so {@code 1} is full time) and a number from 10 to 100 a
	 * percentage. A plain number between 1 and 10 (1.5, say) is neither a share nor a
	 * plausible percentage, and is refused, as is anything below 1 % or above 100 %.
	 * @return the share, from 0.01 to 1
	 */
	public BigDecimal share(String column, boolean required) {
		String value = text(column);
		if (value == null) {
			if (required) {
				problem(column, "required");
			}
			return null;
		}
		String compact = value.replaceAll("[\\s\u00A0\u202F]", "").replace(',', '.');
		boolean percent = compact.endsWith("%");
		BigDecimal number;
		try {
			number = new BigDecimal(percent ? compact.substring(0, compact.length() - 1) : compact);
		}
		catch (NumberFormatException ex) {
			problem(column, "share");
			return null;
		}
		BigDecimal hundred = BigDecimal.valueOf(100);
		BigDecimal share;
		if (percent || number.compareTo(BigDecimal.TEN) >= 0) {
			share = number.divide(hundred);
		}
		else if (number.compareTo(BigDecimal.ONE) <= 0) {
			share = number;
		}
		else {
			share = null;
		}
		if (share == null || share.compareTo(new BigDecimal("0.01")) < 0 || share.compareTo(BigDecimal.ONE) > 0) {
			problem(column, "range", "1 %", "100 %");
			return null;
		}
		return share;
	}

	/** Records a problem in the given column of this row. */
	public void problem(String column, String code, String... args) {
		problem(this.problems, column, code, args);
	}

	/**
	 * Records a problem in the given column of this row in another list, for problems an
	 * import reports after those of the rows themselves.
	 */
	public void problem(ImportProblems into, String column, String code, String... args) {
		Integer position = this.positions.get(column);
		into.add(this.line, (position != null) ? position + 1 : 0, this.headers.getOrDefault(column, column), code,
				args);
	}

	private <T> T parse(String column, boolean required, String expected, Function<String, T> parser) {
		String value = text(column);
		if (value == null) {
			if (required) {
				problem(column, "required");
			}
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (RuntimeException ex) {
			problem(column, expected);
			return null;
		}
	}

	private static LocalDate parseDate(String value) {
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		throw new IllegalArgumentException("not a date");
	}

}
