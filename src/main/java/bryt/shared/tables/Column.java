package bryt.shared.tables;

/**
 * A column of a {@link FigureTable}.
 *
 * @param key the column's name in a sort link ({@code ?sort=key}), stable across
 * languages
 * @param header the header in the reader's language
 * @param numeric whether the column holds figures (right-aligned)
 * @param sortable whether the header links to sorting by it
 */
public record Column(String key, String header, boolean numeric, boolean sortable) {

	public static Column text(String key, String header) {
		return new Column(key, header, false, false);
	}

	public static Column number(String key, String header) {
		return new Column(key, header, true, false);
	}

	/** The same column with a sort link on its header. */
	public Column withSortLink() {
		return new Column(this.key, this.header, this.numeric, true);
	}

}
