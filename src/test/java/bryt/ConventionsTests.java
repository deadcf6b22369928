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
