package bryt.shared.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of {@code java -jar bryt.jar <name> ...}. Modules declare theirs as beans;
 * the command runs against the configured database without starting the web server.
 */
public interface Command {

	/** The first word on the command line, e.g. {@code import}. */
	String name();

	/** One line for the usage text. */
	String usage();

	/**
	 * Runs the command.
	 * @param args the words after the name
	 * @param out where results go (standard output)
	 * @param err where errors go (standard error)
	 * @return the exit code: 0 for success
	 */
	int run(List<String> args, PrintStream out, PrintStream err);

}
