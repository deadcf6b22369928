package bryt.shared.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A {@link FigureTable} as one page shows it: sorted and cut to a page as the address
 * asks, with the links of its sortable headers, its pagination and its downloads, all
 * built from the page's own address so that every other parameter (the date above all) is
 * kept. Links work without JavaScript.
 *
 * @param table the rows of this page, in the order asked for
 * @param sortedBy the key the rows are sorted by, or {@code null} for the table's own
 * order
 * @param descending whether sorted from the largest
 * @param total rows in the whole table
 * @param pagination the page links, or {@code null} when the table fits on one page
 * @param sortLinks each sortable column's header link, by key
 * @param csv the address of the CSV download of the whole table
 * @param xlsx the address of the Excel download of the whole table
 */
public record TableView(FigureTable table, String sortedBy, boolean descending, int total, Pagination pagination,
		Map<String, String> sortLinks, String csv, String xlsx) {

	/**
	 * The view of a table on the page the request is for.
	 * @param paged whether the table is cut into pages of {@link TableRequest#PAGE_SIZE}
	 */
	public static TableView of(FigureTable table, TableRequest asked, boolean paged, HttpServletRequest request,
			Locale locale) {
		FigureTable sorted = asked.sorted(table, locale);
		String sortedBy = (sorted != table) ? asked.sort() : null;
		boolean descending = sortedBy != null && asked.descending();
		Map<String, String> sortLinks = new java.util.LinkedHashMap<>();
		for (Column column : table.columns()) {
			if (column.sortable()) {
				// The sorted column's link turns the order round; another starts
				// ascending.
				boolean reverse = column.key().equals(sortedBy) && !descending;
				sortLinks.put(column.key(), link(request, Map.of("sort", column.key(), "dir", reverse ? "desc" : "asc"),
						List.of("page", "export", "format")));
			}
		}
		int total = sorted.rows().size();
		Pagination pagination = null;
		FigureTable shown = sorted;
		if (paged && total > TableRequest.PAGE_SIZE) {
			int pages = (total + TableRequest.PAGE_SIZE - 1) / TableRequest.PAGE_SIZE;
			int number = Math.min(asked.pageNumber(), pages);
			shown = sorted.slice((number - 1) * TableRequest.PAGE_SIZE,
					Math.min(total, number * TableRequest.PAGE_SIZE));
			pagination = Pagination.of(number, pages, request);
		}
		String csv = link(request, Map.of("export", table.name(), "format", "csv"), List.of("page"));
		String xlsx = link(request, Map.of("export", table.name(), "format", "xlsx"), List.of("page"));
		return new TableView(shown, sortedBy, descending, total, pagination, Map.copyOf(sortLinks), csv, xlsx);
	}

	/** {@code aria-sort} of a column's header: only on the sorted one. */
	public String ariaSort(Column column) {
		if (!column.key().equals(this.sortedBy)) {
			return null;
		}
		return this.descending ? "descending" : "ascending";
	}

	public String sortLink(Column column) {
		return this.sortLinks.get(column.key());
	}

	/**
	 * The page's own address (path and query, without scheme and host, without the
	 * context path) with some parameters set and some removed.
	 */
	public static String link(HttpServletRequest request, Map<String, String> set, List<String> remove) {
		// Without the context path: the page puts the link through @{…}, which adds it.
		UriComponentsBuilder builder = UriComponentsBuilder
			.fromPath(request.getRequestURI().substring(request.getContextPath().length()));
		request.getParameterMap().forEach((name, values) -> {
			if (!set.containsKey(name) && !remove.contains(name)) {
				builder.queryParam(name, (Object[]) values);
			}
		});
		// In a fixed order, so that links are stable.
		new java.util.TreeMap<>(set).forEach(builder::queryParam);
		return builder.encode().build().toUriString();
	}

	/**
	 * The design system's pagination: previous, numbered pages (the first, the last and
	 * those next to the current, with gaps between), next.
	 *
	 * @param items numbered links and gaps ({@code number} 0)
	 */
	public record Pagination(int current, int pages, String previous, String next, List<Item> items) {

		static Pagination of(int current, int pages, HttpServletRequest request) {
			List<Item> items = new ArrayList<>();
			int last = 0;
			for (int number = 1; number <= pages; number++) {
				if (number == 1 || number == pages || Math.abs(number - current) <= 1) {
					if (number > last + 1) {
						items.add(new Item(0, null, false));
					}
					items.add(new Item(number, page(request, number), number == current));
					last = number;
				}
			}
			return new Pagination(current, pages, (current > 1) ? page(request, current - 1) : null,
					(current < pages) ? page(request, current + 1) : null, List.copyOf(items));
		}

		private static String page(HttpServletRequest request, int number) {
			return link(request, Map.of("page", Integer.toString(number)), List.of("export", "format"));
		}

	}

	/** A numbered page link, or with {@code number} 0 a gap ({@code …}). */
	public record Item(int number, String href, boolean current) {

	}

}
