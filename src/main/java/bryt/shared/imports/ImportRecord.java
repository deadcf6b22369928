package bryt.shared.imports;

import java.time.Instant;

/**
 * One import in an organisation's history. Holds no value from the file: a refused import
 * is known by the code of its first problem only.
 *
 * @param finishedAt when it was accepted or refused
 * @param kind the kind's name, e.g. {@code staff}
 * @param actor who ran it; {@code null} for imports from before the history was kept
 * @param fileName the file's name, {@code null} for imports from before the history
 * @param rowsChanged rows created or changed; {@code null} when refused or unknown
 * @param refusal the first problem's code when refused, {@code null} when accepted
 */
public record ImportRecord(Instant finishedAt, String kind, Actor actor, String fileName, Integer rowsChanged,
		String refusal) {

	public boolean accepted() {
		return this.refusal == null;
	}

	/** The message key of the first problem's kind, e.g. {@code import.problem.share}. */
	public String refusalMessageKey() {
		return "import.problem." + this.refusal;
	}

}
