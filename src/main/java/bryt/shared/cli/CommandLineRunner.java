package bryt.shared.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a command instead of the web application when the first argument names one. Logs
 * go to standard error so that standard output holds only the command's result.
 */
public final class CommandLineRunner {

	/** The first words that start a command rather than the server. */
	public static final Set<String> COMMANDS = Set.of("organisation", "import", "workload", "generate");

	private CommandLineRunner() {
	}

	/** Whether the first word that is not a {@code --property} names a command. */
	public static boolean isCommand(String[] args) {
		return words(args).stream().findFirst().filter(COMMANDS::contains).isPresent();
	}

	/**
	 * The arguments without Spring Boot properties such as {@code --bryt.db.url=...}:
	 * {@code --name=value} where the name has a dot. Command options have none.
	 */
	private static List<String> words(String[] args) {
		return Arrays.stream(args).filter((arg) -> !isProperty(arg)).toList();
	}

	private static boolean isProperty(String arg) {
		int equals = arg.indexOf('=');
		return arg.startsWith("--") && equals > 0 && arg.substring(0, equals).contains(".");
	}

	public static int run(Class<?> application, String[] args) {
		PrintStream out = System.out;
		System.setOut(System.err);
		List<String> words = words(args);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "bryt.demo.enabled=false", "logging.level.root=WARN",
					"spring.session.jdbc.cleanup-cron=-")
			.run(args)) {
			Command command = context.getBeansOfType(Command.class)
				.values()
				.stream()
				.filter((candidate) -> candidate.name().equals(words.get(0)))
				.findFirst()
				.orElseThrow();
			try {
				return command.run(words.subList(1, words.size()), out, System.err);
			}
			catch (IllegalArgumentException ex) {
				System.err.println(ex.getMessage());
				System.err.println("Usage: java -jar bryt.jar " + command.usage());
				return 2;
			}
		}
		finally {
			System.setOut(out);
		}
	}

}
