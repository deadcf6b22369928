package bryt.shared.tables;

import java.util.Locale;
import java.util.Optional;

/**
 * What a page's address asks of its long table: the sort key and direction and the page
 * number, as given. Nothing here is trusted: a key the table does not offer gives the
 * table's own order, a direction other than {@code desc} ascending, a page that is not a
 * number the first page, one past the end the last. None of them is an error.
 *
 * @param sort the {@code sort} parameter, or {@code null}
 * @param dir the {@code dir} parameter, or {@code null}
 * @param page the {@code page} parameter, or {@code null}
 */
public record TableRequest(String sort, String dir, String page) {

	/** Rows on one page of a long table. */
	public static final int PAGE_SIZE = 50;

	public static final TableRequest NONE = new TableRequest(null, null, null);

	public boolean descending() {
		return "desc".equals(this.dir);
	}

	/** The page asked for, from 1, or 1 when it is missing or not a number. */
	public int pageNumber() {
		if (this.page == null || !this.page.matches("[0-9]{1,9}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(this.page));
	}

	/** The table in the order asked for, all rows. */
	public FigureTable sorted(FigureTable table, Locale locale) {
		Optional<Column> column = (this.sort != null) ? table.sortableColumn(this.sort) : Optional.empty();
		return column.map((c) -> table.sortedBy(c, descending(), locale)).orElse(table);
	}

}
