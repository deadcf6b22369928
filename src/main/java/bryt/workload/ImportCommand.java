package bryt.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.cli.Command;
import bryt.shared.cli.CommandName;
import bryt.shared.cli.Options;
import bryt.shared.imports.Actor;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.Imports;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code import --org <org> --kind case-types|units|staff|cases <file>}: exit 0 when
 * imported; otherwise 1 with every problem on standard error, one a line, as
 * {@code file:line:column (column name): message}. Every kind goes through
 * {@link Imports}, as on the import page and in the API.
 */
@Component
@CommandName("import")
class ImportCommand implements Command {

	private final Imports imports;

	private final Organisations organisations;

	private final MessageSource messages;

	ImportCommand(Imports imports, Organisations organisations, MessageSource messages) {
		this.imports = imports;
		this.organisations = organisations;
		this.messages = messages;
	}

	@Override
	public String usage() {
		return "import --org <org> --kind "
				+ String.join("|", this.imports.kinds().stream().map(ImportKind::name).toList())
				+ " <file> | import --dir <dir of generate>";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options options = Options.parse(args);
		if (options.get("dir").isPresent()) {
			return importDirectory(Path.of(options.require("dir")), out, err);
		}
		if (options.positional().size() != 1) {
			throw new IllegalArgumentException("Name exactly one file");
		}
		Organisation organisation = this.organisations.findByCode(options.require("org"))
			.orElseThrow(() -> new IllegalArgumentException("No organisation with the code " + options.require("org")));
		ImportKind kind = this.imports.kind(options.require("kind"));
		return importFile(organisation, kind, Path.of(options.positional().get(0)), out, err);
	}

	/**
	 * Imports what {@code generate} wrote: creates the organisations that do not exist
	 * yet and imports their units, staff and cases, stopping at the first refused file.
	 */
	private int importDirectory(Path dir, PrintStream out, PrintStream err) {
		long started = System.nanoTime();
		long caseNanos = 0;
		long caseRows = 0;
		List<String> lines;
		try {
			lines = Files.readAllLines(dir.resolve("organisations.csv"));
		}
		catch (IOException ex) {
			err.println("No organisations.csv in " + dir);
			return 1;
		}
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split(",");
			Organisation organisation = this.organisations.findByCode(fields[0])
				.orElseGet(() -> this.organisations.create(fields[0], fields[1], Country.valueOf(fields[2])));
			for (ImportKind kind : List.of(this.imports.kind("units"), this.imports.kind("staff"),
					this.imports.kind("cases"))) {
				Path file = dir.resolve(fields[0]).resolve(kind.name() + ".csv");
				long before = System.nanoTime();
				int code = importFile(organisation, kind, file, out, err);
				if (code != 0) {
					return code;
				}
				if (kind.name().equals("cases")) {
					caseNanos += System.nanoTime() - before;
					caseRows += lineCount(file) - 1;
				}
			}
		}
		out.printf(Locale.ROOT, "Imported %d organisations in %.1f s; %d cases in %.1f s: %.0f rows/s%n",
				lines.size() - 1, (System.nanoTime() - started) / 1e9, caseRows, caseNanos / 1e9,
				caseRows / (caseNanos / 1e9));
		return 0;
	}

	private static long lineCount(Path file) {
		try (var lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private int importFile(Organisation organisation, ImportKind kind, Path file, PrintStream out, PrintStream err) {
		try (InputStream in = Files.newInputStream(file)) {
			long started = System.nanoTime();
			String name = Imports.fileName(file.getFileName().toString(), kind.name() + ".csv");
			int changed = this.imports.run(organisation.id(), kind, name, in, Actor.COMMAND_LINE);
			out.printf(Locale.ROOT, "Imported %s into %s: %d changed (%.1f s)%n", name, organisation.code(), changed,
					(System.nanoTime() - started) / 1e9);
			return 0;
		}
		catch (ImportRefusedException refused) {
			for (ImportProblem problem : refused.problems().list()) {
				// A spreadsheet's column by its letter, as Excel shows it.
				err.printf("%s:%d:%s (%s): %s%n", refused.problems().file(), problem.line(),
						(problem.column() == 0) ? "0" : problem.columnLabel(refused.problems().isSpreadsheet()),
						this.messages.getMessage(problem.heading(), Locale.ENGLISH),
						this.messages.getMessage(problem.messageKey(), problem.args().toArray(), Locale.ENGLISH));
			}
			err.println(this.messages.getMessage("import.refused.detail",
					new Object[] { refused.problems().file(), refused.problems().total() }, Locale.ENGLISH));
			return 1;
		}
		catch (NoSuchFileException ex) {
			err.println("No such file: " + file);
			return 1;
		}
		catch (IOException ex) {
			err.println("Could not read " + file + ": " + ex.getMessage());
			return 1;
		}
	}

}
