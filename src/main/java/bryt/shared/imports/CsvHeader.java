package bryt.shared.imports;

import java.util.Map;

/**
 * Where each known column stands in a file's header, to point problems found later at it.
 */
public record CsvHeader(Map<String, Integer> positions, Map<String, String> names) {

	/** 1-based position of a column, 0 when the file has no such column. */
	public int column(String name) {
		Integer position = this.positions.get(name);
		return (position != null) ? position + 1 : 0;
	}

	/** The column's name as the file spells it. */
	public String name(String column) {
		return this.names.getOrDefault(column, column);
	}

}
