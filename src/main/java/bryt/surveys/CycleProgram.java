package bryt.surveys;

import java.util.Arrays;

/** The programs a cycle runs (survey_cycle.program). */
enum CycleProgram {

	ANNUAL("annual"), PULSE("pulse"), EXIT_FIRST("exit_first"), EXIT_SECOND("exit_second");

	private final String key;

	CycleProgram(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

	boolean exit() {
		return this == EXIT_FIRST || this == EXIT_SECOND;
	}

	static CycleProgram of(String key) {
		return Arrays.stream(values())
			.filter((program) -> program.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No program " + key));
	}

}
