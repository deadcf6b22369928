package bryt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conventions of docs/development.md that the compiler and Modulith do not check.
 */
class ConventionsTests {

	/**
	 * {@code rs.getLong(1)}, {@code rs.getObject(3, LocalDate.class)}: a column by
	 * position.
	 */
	private static final Pattern BY_POSITION = Pattern.compile("\\b(?:rs|result|resultSet)\\.get\\w+\\(\\s*\\d");

	/**
	 * Rows are mapped by column name: a column by position breaks silently when a query
	 * gains or reorders a column.
	 */
	@Test
	void rowsAreMappedByColumnName() {
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles(Path.of("src/main/java"))) {
			List<String> lines = read(file);
			for (int i = 0; i < lines.size(); i++) {
				Matcher matcher = BY_POSITION.matcher(lines.get(i));
				if (matcher.find()) {
					found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(found).as("columns read by position").isEmpty();
	}

	@Test
	void theCheckFindsAColumnReadByPosition() {
		assertThat(BY_POSITION.matcher(".query((rs, n) -> new Row(rs.getLong(1), rs.getString(\"name\")))").find())
			.isTrue();
		assertThat(BY_POSITION.matcher(".query((rs, n) -> new Row(rs.getLong(\"id\"), rs.getString(\"name\")))").find())
			.isFalse();
	}

	/**
	 * {@code LocalDate.now()}, {@code YearMonth.now()}: a day in the JVM's zone.
	 */
	private static final Pattern BARE_NOW = Pattern.compile(
			"\\b(?:LocalDate|LocalDateTime|LocalTime|YearMonth|Year|ZonedDateTime|OffsetDateTime)\\.now\\(\\s*\\)");

	/**
	 * The server's day is in the deployment's zone ({@code bryt.time-zone}): the code
	 * asks the {@code Clock}, the tests {@code ServerDay}. The JVM's zone is UTC on CI,
	 * and a test's bare "today" was the server's yesterday for two hours each night.
	 */
	@Test
	void noDayIsTakenInTheJvmsZone() {
		List<String> found = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
			for (Path file : javaFiles(root)) {
				if (file.endsWith("ConventionsTests.java")) {
					continue; // this check's own examples
				}
				List<String> lines = read(file);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					if (BARE_NOW.matcher(line).find() && !line.strip().startsWith("*")) {
						found.add(file + ":" + (i + 1) + ": " + line.strip());
					}
				}
			}
		}
		assertThat(found).as("a day taken in the JVM's zone").isEmpty();
	}

	@Test
	void theCheckFindsADayInTheJvmsZone() {
		assertThat(BARE_NOW.matcher("LocalDate today = java.time.LocalDate.now();").find()).isTrue();
		assertThat(BARE_NOW.matcher("YearMonth.now( )").find()).isTrue();
		assertThat(BARE_NOW.matcher("LocalDate.now(this.clock)").find()).isFalse();
		assertThat(BARE_NOW.matcher("Instant.now()").find()).isFalse();
	}

	private static List<Path> javaFiles(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
