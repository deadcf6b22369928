package bryt.shared.tables;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table of figures as the page shows it: caption, columns and rows of {@link Cell}s.
 * The page renders it ({@code fragments/tables :: table}) and {@link TableExports} writes
 * it as CSV and Excel, so the two cannot drift apart. The first cell of each row is the
 * row's header.
 *
 * @param name the table's name in an export link ({@code ?export=name}) and in the file
 * name
 * @param caption the caption in the reader's language
 */
public record FigureTable(String name, String caption, List<Column> columns, List<List<Cell>> rows) {

	public FigureTable {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	public static Builder builder(String name, String caption) {
		return new Builder(name, caption);
	}

	/** The column of a sort key, if the table can be sorted by it. */
	public Optional<Column> sortableColumn(String key) {
		return this.columns.stream().filter((column) -> column.sortable() && column.key().equals(key)).findFirst();
	}

	/**
	 * The rows ordered by a column: figures by their value, text in the reader's
	 * alphabet; ties keep the table's own order (the sort is stable).
	 */
	public FigureTable sortedBy(Column column, boolean descending, Locale locale) {
		int index = this.columns.indexOf(column);
		Collator collator = Collator.getInstance(locale);
		int sign = descending ? -1 : 1;
		Comparator<List<Cell>> order = (a, b) -> compare(a.get(index), b.get(index), collator, sign);
		List<List<Cell>> sorted = new ArrayList<>(this.rows);
		sorted.sort(order);
		return new FigureTable(this.name, this.caption, this.columns, sorted);
	}

	/** Rows {@code from} (inclusive) to {@code to} (exclusive). */
	public FigureTable slice(int from, int to) {
		return new FigureTable(this.name, this.caption, this.columns, this.rows.subList(from, to));
	}

	/** Figures before empty cells, empty cells ({@code –}) last either way. */
	private static int compare(Cell a, Cell b, Collator collator, int sign) {
		BigDecimal x = a.number();
		BigDecimal y = b.number();
		if (x != null || y != null) {
			if (x == null) {
				return 1;
			}
			if (y == null) {
				return -1;
			}
			return sign * x.compareTo(y);
		}
		return sign * collator.compare(a.text(), b.text());
	}

	/** Collects columns and rows in order. */
	public static final class Builder {

		private final String name;

		private final String caption;

		private final List<Column> columns = new ArrayList<>();

		private final List<List<Cell>> rows = new ArrayList<>();

		private Builder(String name, String caption) {
			this.name = name;
			this.caption = caption;
		}

		public Builder column(Column column) {
			this.columns.add(column);
			return this;
		}

		public Builder row(List<Cell> cells) {
			if (cells.size() != this.columns.size()) {
				throw new IllegalArgumentException(
						"A row of " + cells.size() + " cells in a table of " + this.columns.size() + " columns");
			}
			this.rows.add(List.copyOf(cells));
			return this;
		}

		public FigureTable build() {
			return new FigureTable(this.name, this.caption, this.columns, this.rows);
		}

	}

}
