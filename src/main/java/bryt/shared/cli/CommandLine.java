package bryt.shared.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Runs a command instead of the web application when the first argument names one. Logs
 * go to standard error so that standard output holds only the command's result.
 *
 * <p>
 * Whether a word names a command has to be known before the application context exists
 * (it decides whether a web server starts), so the names are read from the
 * {@link CommandName} of the {@link Command} classes under the application's package:
 * Spring's class-path scanner reads their class files without loading or instantiating
 * them, and only when there is a first word at all, so starting the server scans nothing.
 * A module adds a command with one class; no list here names it.
 */
public final class CommandLine {

	private CommandLine() {
	}

	/** Whether the first word that is not a {@code --property} names a command. */
	public static boolean isCommand(Class<?> application, String[] args) {
		// A lambda, not a method reference: the scan runs only when there is a first
		// word.
		return words(args).stream().findFirst().filter((word) -> commands(application).contains(word)).isPresent();
	}

	/**
	 * The first words of the commands under the application's package, from their
	 * {@link CommandName}.
	 */
	public static Set<String> commands(Class<?> application) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(CommandName.class));
		Set<String> names = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(application.getPackageName())) {
			Object name = ((AnnotatedBeanDefinition) candidate).getMetadata()
				.getAnnotationAttributes(CommandName.class.getName())
				.get("value");
			names.add((String) name);
		}
		return names;
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

	/**
	 * Commands never create the demo municipality. Among the default properties in
	 * {@link #run}, {@code bryt.demo.enabled=false} lost to
	 * {@code application.properties}' {@code true}, and the first command on a new data
	 * directory created the demo; this source ranks just below what the operator sets
	 * (arguments, system properties, environment). The other defaults stay where they
	 * were: {@code application.properties} does not set them, and the log level is read
	 * before this event reaches here.
	 */
	private static void noDemo(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			MutablePropertySources sources = prepared.getEnvironment().getPropertySources();
			MapPropertySource command = new MapPropertySource("brytCommand", Map.of("bryt.demo.enabled", "false"));
			if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, command);
			}
			else {
				sources.addFirst(command);
			}
		}
	}

	public static int run(Class<?> application, String[] args) {
		PrintStream out = System.out;
		System.setOut(System.err);
		List<String> words = words(args);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN", "spring.session.jdbc.cleanup-cron=-")
			.listeners(CommandLine::noDemo)
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
