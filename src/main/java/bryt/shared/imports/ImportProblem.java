package bryt.shared.imports;

import java.util.List;

/**
 * One thing wrong in an import file. Never holds the offending value when it could be
 * personal data; {@code args} say what was expected.
 *
 * @param line physical line in the file, the header being line 1; 0 for the file as a
 * whole
 * @param column 1-based column position; 0 when the problem is not in one column
 * @param columnName the column's name as in the file's header, or the canonical name
 * @param code message key suffix: the message is {@code import.problem.<code>}
 * @param args message arguments
 */
public record ImportProblem(long line, int column, String columnName, String code, List<String> args) {

	public String messageKey() {
		return "import.problem." + this.code;
	}

	/**
	 * The column as the user finds it: its letter in a spreadsheet ({@code C}), its
	 * number in a CSV file, a dash when the problem is not in one column.
	 */
	public String columnLabel(boolean spreadsheet) {
		if (this.column <= 0) {
			return "–";
		}
		return spreadsheet ? letter(this.column) : String.valueOf(this.column);
	}

	/** Excel's name of a 1-based column: 1 → A, 26 → Z, 27 → AA. */
	public static String letter(int column) {
		StringBuilder letters = new StringBuilder();
		for (int n = column; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

}
