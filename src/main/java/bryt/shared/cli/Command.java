package bryt.shared.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.core.annotation.AnnotationUtils;

/**
 * A command of {@code java -jar bryt.jar <name> ...}. Modules declare theirs as beans
 * named by {@link CommandName} on the class; the command runs against the configured
 * database without starting the web server.
 */
public interface Command {

	/** The first word on the command line: the class's {@link CommandName}. */
	default String name() {
		CommandName name = AnnotationUtils.findAnnotation(getClass(), CommandName.class);
		if (name == null) {
			throw new IllegalStateException(getClass().getName() + " has no @CommandName");
		}
		return name.value();
	}

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
