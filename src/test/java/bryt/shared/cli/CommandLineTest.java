package bryt.shared.cli;

import bryt.BrytApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which arguments start a command rather than the server, decided before any context. */
class CommandLineTest {

	@Test
	void theFirstWordThatIsNotAPropertyNamesACommand() {
		assertThat(CommandLine.isCommand(BrytApplication.class, new String[] { "import", "--org", "demo" })).isTrue();
		assertThat(CommandLine.isCommand(BrytApplication.class,
				new String[] { "--bryt.db.data-dir=/tmp/x", "workload", "national" }))
			.isTrue();
		assertThat(CommandLine.isCommand(BrytApplication.class, new String[] { "--server.port=8080" })).isFalse();
		assertThat(CommandLine.isCommand(BrytApplication.class, new String[0])).isFalse();
		assertThat(CommandLine.isCommand(BrytApplication.class, new String[] { "serve" })).isFalse();
	}

	@Test
	void theCommandsAreReadFromTheirClassesWithoutAHandWrittenList() {
		assertThat(CommandLine.commands(BrytApplication.class)).containsExactly("generate", "import", "organisation",
				"overview", "report", "workload");
	}

}
