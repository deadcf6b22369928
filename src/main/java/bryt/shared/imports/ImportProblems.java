package bryt.shared.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The problems found in one file. Keeps the first {@value #LIMIT} and counts the rest, so
 * that a broken 100 MB file does not turn into a 100 MB error report.
 */
public final class ImportProblems {

	public static final int LIMIT = 100;

	private final String file;

	private final List<ImportProblem> problems = new ArrayList<>();

	private long total;

	private boolean spreadsheet;

	public ImportProblems(String file) {
		this.file = file;
	}

	public void add(long line, int column, String columnName, String code, String... args) {
		this.total++;
		if (this.problems.size() < LIMIT) {
			this.problems.add(new ImportProblem(line, column, columnName, code, List.of(args)));
		}
	}

	/**
	 * Appends the problems another check of the same file found, after these: the first
	 * {@value #LIMIT} in all are kept and every one is counted.
	 */
	public void addAll(ImportProblems other) {
		this.spreadsheet |= other.spreadsheet;
		for (ImportProblem problem : other.problems) {
			if (this.problems.size() < LIMIT) {
				this.problems.add(problem);
			}
		}
		this.total += other.total;
	}

	/**
	 * Whether the file is a spreadsheet, whose problems are shown by row and column
	 * letter ("row 14, column C") rather than by line and column number.
	 */
	public boolean isSpreadsheet() {
		return this.spreadsheet;
	}

	void spreadsheet(boolean spreadsheet) {
		this.spreadsheet = spreadsheet;
	}

	public String file() {
		return this.file;
	}

	public boolean any() {
		return this.total > 0;
	}

	/** The first {@value #LIMIT} problems, in the order they were found. */
	public List<ImportProblem> list() {
		return Collections.unmodifiableList(this.problems);
	}

	public long total() {
		return this.total;
	}

	/** Refuses the import if anything was found. */
	public void refuseIfAny() {
		if (any()) {
			throw new ImportRefusedException(this);
		}
	}

}
