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

}
