package bryt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts the packaged jar in a JVM of its own, as an operator does, for
 * the tests that need a real process (kill -9, the command line).
 */
public final class PackagedJar {

	private PackagedJar() {
	}

	/**
	 * {@code java … -jar bryt.jar} with the test's home and temporary directories. The
	 * tests start the jar a dozen times, each a short life spent loading classes: a
	 * class-data archive (made by the first start, used by the others) and the quick
	 * compiler alone take about a third off each start. Neither changes what Bryt does.
	 * Each test class has an archive of its own ({@code test}): a JVM writes its archive
	 * when it exits, and one class's last start should not rewrite another's. The JVM's
	 * own warnings go to standard error: by default they go to standard output, where a
	 * command prints its result, and an archive made for an older jar (after
	 * {@code mvn package} ran again) or the writing of one adds such lines.
	 */
	public static List<String> command(Class<?> test, String... args) {
		Path jar = Path.of(System.getProperty("bryt.test.jar", "target/bryt.jar"));
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive", "-Xlog:disable", "-Xlog:all=warning:stderr",
						"-XX:SharedArchiveFile=" + jar.resolveSibling("bryt-" + test.getSimpleName() + ".jsa"),
						"-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
						"-Duser.home=" + System.getProperty("user.home"), "-jar", jar.toString()));
		command.addAll(List.of(args));
		return command;
	}

}
