package bryt.shared.imports;

/** An import refused as a whole; nothing of it was stored. */
public class ImportRefusedException extends RuntimeException {

	private final transient ImportProblems problems;

	public ImportRefusedException(ImportProblems problems) {
		super("Import of " + problems.file() + " refused: " + problems.total() + " problem(s)");
		this.problems = problems;
	}

	public ImportProblems problems() {
		return this.problems;
	}

}
