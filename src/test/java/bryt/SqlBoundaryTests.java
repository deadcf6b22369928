package bryt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries in SQL, which Modulith cannot see: it checks Java types, not the
 * tables a query names. Each module owns the tables its migrations create; its code (the
 * strings and text blocks of its Java sources) names no other module's table, and its
 * migrations name another module's table only as the target of a foreign key, and only of
 * a module it may depend on. Data of another module is read through that module's API.
 */
class SqlBoundaryTests {

	private static final Path JAVA = Path.of("src/main/java/bryt");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/**
	 * Tables whose owner is not the module whose migration created them. {@code shedlock}
	 * was created by voice's first migration, before scheduled jobs belonged to shared
	 * (issue 10, item 3); a migration cannot be moved once it has run, so shared's V16
	 * creates it again "if not exists".
	 */
	private static final Map<String, String> MOVED = Map.of("shedlock", "shared");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	/**
	 * Where SQL names a table: after {@code from}, {@code join}, {@code into},
	 * {@code update}, {@code table}, {@code references} or {@code truncate}. A column
	 * called like a table ({@code unit} in a CSV header) is not a table name.
	 */
	private static final Pattern TABLE_NAME = Pattern.compile(
			"(?i)\\b(from|join|into|update|table|references|truncate)\\s+(?:only\\s+)?(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	@Test
	void everyModuleOwnsTheTablesItsMigrationsCreate() {
		Map<String, String> owners = owners();
		assertThat(owners).containsEntry("unit", "organisation")
			.containsEntry("staff", "organisation")
			.containsEntry("case_file", "workload")
			.containsEntry("voice_report", "voice")
			.containsEntry("spring_session", "shared")
			.containsEntry("shedlock", "shared");
	}

	@Test
	void noModuleNamesAnotherModulesTableInItsCode() {
		Map<String, String> owners = owners();
		List<String> crossings = new ArrayList<>();
		for (String module : modules()) {
			for (Path source : files(JAVA.resolve(module), ".java")) {
				for (String literal : stringLiterals(read(source))) {
					for (Reference reference : references(literal)) {
						String owner = owners.get(reference.table());
						if (owner != null && !owner.equals(module)) {
							crossings.add(module + ": " + source + " names " + owner + "'s table " + reference.table()
									+ " in \"" + abbreviated(literal) + "\"");
						}
					}
				}
			}
		}
		assertThat(crossings).as("SQL that names another module's table; use that module's API instead").isEmpty();
	}

	@Test
	void migrationsNameOtherModulesTablesOnlyAsForeignKeysDownTheModuleGraph() {
		Map<String, String> owners = owners();
		Map<String, String> creators = creators();
		List<String> crossings = new ArrayList<>();
		for (String module : modules()) {
			Set<String> allowed = allowedDependencies(module);
			for (Path migration : files(MIGRATIONS.resolve(module), ".sql")) {
				for (Reference reference : references(withoutComments(read(migration)))) {
					String owner = owners.get(reference.table());
					if (owner == null || owner.equals(module) || module.equals(creators.get(reference.table()))) {
						continue;
					}
					if (!(reference.keyword().equals("references") && allowed.contains(owner))) {
						crossings.add(module + ": " + migration + " names " + owner + "'s table " + reference.table()
								+ " after '" + reference.keyword() + "'");
					}
				}
			}
		}
		assertThat(crossings).isEmpty();
	}

	@Test
	void theCheckFindsACrossingInATextBlock() {
		String source = "class X {\n String sql = \"\"\"\n\t\tselect code, id from unit where organisation_id = :org\n"
				+ "\t\t\"\"\"; // from staff\n char quote = '\"'; String column = \"unit\"; }";
		assertThat(stringLiterals(source)).hasSize(2);
		assertThat(stringLiterals(source).stream().flatMap((literal) -> references(literal).stream()))
			.containsExactly(new Reference("from", "unit"));
	}

	/**
	 * Table name → owning module: the module that created it unless it {@link #MOVED}.
	 */
	static Map<String, String> owners() {
		Map<String, String> owners = creators();
		owners.putAll(MOVED);
		return owners;
	}

	/** Table name → the module whose migration folder holds its CREATE TABLE. */
	private static Map<String, String> creators() {
		Map<String, String> owners = new TreeMap<>();
		for (String module : modules()) {
			for (Path migration : files(MIGRATIONS.resolve(module), ".sql")) {
				Matcher create = CREATE_TABLE.matcher(withoutComments(read(migration)));
				while (create.find()) {
					String table = create.group(1).toLowerCase(java.util.Locale.ROOT);
					String previous = owners.put(table, module);
					if (previous != null) {
						// Only a moved table, which its new owner creates "if not
						// exists".
						assertThat(MOVED.get(table)).as("table %s created by %s and by %s", table, previous, module)
							.isIn(previous, module);
					}
				}
			}
		}
		return owners;
	}

	private static List<String> modules() {
		try (Stream<Path> dirs = Files.list(MIGRATIONS)) {
			return dirs.filter(Files::isDirectory).map((dir) -> dir.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> allowedDependencies(String module) {
		try {
			Package pkg = Class.forName("bryt." + module + ".package-info").getPackage();
			ApplicationModule declared = pkg.getAnnotation(ApplicationModule.class);
			return (declared != null) ? Set.of(declared.allowedDependencies()) : Set.of();
		}
		catch (ClassNotFoundException ex) {
			return Set.of();
		}
	}

	private static List<Reference> references(String sql) {
		List<Reference> references = new ArrayList<>();
		Matcher matcher = TABLE_NAME.matcher(sql);
		while (matcher.find()) {
			references.add(new Reference(matcher.group(1).toLowerCase(java.util.Locale.ROOT),
					matcher.group(2).toLowerCase(java.util.Locale.ROOT)));
		}
		return references;
	}

	/**
	 * The contents of a Java source's string literals and text blocks, without its
	 * comments and character literals.
	 */
	static List<String> stringLiterals(String source) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("//", i)) {
				i = end(source.indexOf('\n', i), source);
			}
			else if (source.startsWith("/*", i)) {
				i = end(source.indexOf("*/", i + 2), source) + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int close = source.indexOf("\"\"\"", i + 3);
				while (close > 0 && source.charAt(close - 1) == '\\') {
					close = source.indexOf("\"\"\"", close + 1);
				}
				close = end(close, source);
				literals.add(source.substring(i + 3, close));
				i = close + 3;
			}
			else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
				char quote = source.charAt(i);
				StringBuilder literal = new StringBuilder();
				i++;
				while (i < source.length() && source.charAt(i) != quote) {
					if (source.charAt(i) == '\\') {
						i++;
					}
					if (i < source.length()) {
						literal.append(source.charAt(i));
					}
					i++;
				}
				i++;
				if (quote == '"') {
					literals.add(literal.toString());
				}
			}
			else {
				i++;
			}
		}
		return literals;
	}

	private static int end(int index, String source) {
		return (index < 0) ? source.length() : index;
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
	}

	private static String abbreviated(String literal) {
		String line = literal.strip().replaceAll("\\s+", " ");
		return (line.length() > 80) ? line.substring(0, 80) + "…" : line;
	}

	private static List<Path> files(Path dir, String suffix) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Reference(String keyword, String table) {
	}

}
