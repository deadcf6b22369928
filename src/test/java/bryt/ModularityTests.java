package bryt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries are code: this test fails when a module reaches into another's
 * internals or uses a module it does not declare. It also writes the module docs to
 * {@code target/spring-modulith-docs}, and keeps the module diagram in the README and
 * {@code docs/modules.md} true.
 */
class ModularityTests {

	/** Where the module diagram is shown. */
	private static final List<Path> DIAGRAMS = List.of(Path.of("README.md"), Path.of("docs/modules.md"));

	private static final String BEGIN = "```mermaid\n";

	private static final String END = "```\n";

	private final ApplicationModules modules = ApplicationModules.of(BrytApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

	/**
	 * The diagram in the README and {@code docs/modules.md} is drawn from the code: a
	 * module that gains or loses a dependency fails this test until the docs say so.
	 * {@code -Dbryt.update-docs=true} rewrites the diagrams.
	 */
	@Test
	void theModuleDiagramInTheDocsIsTheCodes() throws IOException {
		String actual = mermaid();
		for (Path file : DIAGRAMS) {
			String doc = Files.readString(file);
			int begin = doc.indexOf(BEGIN);
			assertThat(begin).as("a mermaid block in " + file).isNotNegative();
			int end = doc.indexOf(END, begin + BEGIN.length());
			String drawn = doc.substring(begin + BEGIN.length(), end);
			if (Boolean.getBoolean("bryt.update-docs")) {
				Files.writeString(file, doc.substring(0, begin + BEGIN.length()) + actual + doc.substring(end));
			}
			else {
				assertThat(drawn)
					.as("the module diagram in %s is out of date; rerun this test with -Dbryt.update-docs=true", file)
					.isEqualTo(actual);
			}
		}
	}

	/**
	 * One arrow per pair of modules, labelled with how the first depends on the second:
	 * "uses" (calls its API types), "listens" (reacts to its events), or both.
	 */
	private String mermaid() {
		Map<String, Set<String>> arrows = new TreeMap<>();
		for (ApplicationModule module : this.modules.stream()
			.sorted(Comparator.comparing(ApplicationModule::getIdentifier))
			.toList()) {
			module.getDirectDependencies(this.modules)
				.stream()
				.forEach((dependency) -> arrows
					.computeIfAbsent(module.getIdentifier() + " --> " + dependency.getTargetModule().getIdentifier(),
							(key) -> new TreeSet<>())
					.add(kind(dependency)));
		}
		StringBuilder diagram = new StringBuilder("flowchart LR\n");
		arrows.forEach((arrow, kinds) -> {
			String[] ends = arrow.split(" --> ");
			diagram.append("  ")
				.append(ends[0])
				.append(" -- ")
				.append(kinds.stream().collect(Collectors.joining(", ")))
				.append(" --> ")
				.append(ends[1])
				.append('\n');
		});
		return diagram.toString();
	}

	private static String kind(ApplicationModuleDependency dependency) {
		return (dependency.getDependencyType() == DependencyType.EVENT_LISTENER) ? "listens" : "uses";
	}

}
