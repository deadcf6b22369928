package bryt.shared.imports;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One thing wrong in an import file. Never holds the offending value when it could be
 * personal data; {@code args} say what was expected.
 *
 * @param line physical line in the file, the header being line 1; 0 for the file as a
 * whole
 * @param column 1-based column position; 0 when the problem is not in one column
 * @param columnName the column's name as in the file's header when the file has the
 * column ({@code column > 0}); the canonical name of a column the file lacks (a missing
 * required column, or an optional one another value needs); empty when the problem is in
 * no column or the header itself was refused
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

	/**
	 * The column's name as the user should look for it, to be resolved in the user's
	 * language: as the file's own header names it when the file has the column, and for a
	 * column the file lacks, which the user cannot find in the file, as Bryt's template
	 * names it in their language with Bryt's key after it ("Anställningsnummer
	 * (employee_number)"). The import page, the API and the command line all show this
	 * one, so they cannot differ.
	 */
	public MessageSourceResolvable heading() {
		if (this.column > 0 || this.columnName.isEmpty()) {
			return new Verbatim(this.columnName);
		}
		MessageSourceResolvable template = new DefaultMessageSourceResolvable(
				new String[] { "import.column." + this.columnName }, this.columnName);
		return new DefaultMessageSourceResolvable(new String[] { "import.heading.notInFile" },
				new Object[] { template, this.columnName }, this.columnName);
	}

	/** Excel's name of a 1-based column: 1 → A, 26 → Z, 27 → AA. */
	public static String letter(int column) {
		StringBuilder letters = new StringBuilder();
		for (int n = column; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

	/**
	 * Text shown as it is: a header from the file is never read as a message pattern (an
	 * apostrophe or a brace in it stays).
	 */
	private static final class Verbatim extends DefaultMessageSourceResolvable {

		private static final long serialVersionUID = 1L;

		Verbatim(String text) {
			super(null, text);
		}

		@Override
		public boolean shouldRenderDefaultMessage() {
			return false;
		}

	}

}
