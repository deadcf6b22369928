package bryt.shared.imports;

import java.time.Instant;
import java.util.List;

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
 * @param refusalArgs the first problem's message arguments (what was expected, never a
 * value from the file), {@code null} when accepted or for refusals from before they were
 * kept
 */
public record ImportRecord(Instant finishedAt, String kind, Actor actor, String fileName, Integer rowsChanged,
		String refusal, List<String> refusalArgs) {

	/** Shown for each argument a refusal from before V35 did not keep. */
	private static final String UNKNOWN = "…";

	public boolean accepted() {
		return this.refusal == null;
	}

	/** The message key of the first problem's kind, e.g. {@code import.problem.share}. */
	public String refusalMessageKey() {
		return "import.problem." + this.refusal;
	}

	/**
	 * The arguments to format the refusal's message with, so that it never shows a raw
	 * {@code {0}}: the kept ones, or "…" for each when they were not kept (the messages
	 * take at most two).
	 */
	public Object[] refusalMessageArgs() {
		return (this.refusalArgs != null) ? this.refusalArgs.toArray() : new Object[] { UNKNOWN, UNKNOWN };
	}

}
