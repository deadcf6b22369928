package bryt.overview;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.cli.Command;
import bryt.shared.cli.CommandName;
import bryt.shared.cli.Options;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * {@code report --org <org> --quarter 2026-Q3 --out <file> [--format pdf|html|csv|xlsx]
 * [--language en] [--take]}: writes the committee report of the quarter's report version
 * ({@link Snapshots#current}: the newest both sides signed, else the newest; a
 * recalculation that waits for both is named on standard error). The format is
 * {@code --format}, else the file's extension, else PDF. A quarter without a snapshot is
 * an error that says how to take one, unless {@code --take} asks the command to take the
 * first version itself (as the quarter-end job would). Like every command it runs on the
 * database of the data directory, whether the server runs on it or not. The file is
 * written whole or not at all.
 */
@Component
@CommandName("report")
class ReportCommand implements Command {

	private final Organisations organisations;

	private final Snapshots snapshots;

	private final CommitteeReports reports;

	private final CommitteeReportRenderer renderer;

	ReportCommand(Organisations organisations, Snapshots snapshots, CommitteeReports reports,
			CommitteeReportRenderer renderer) {
		this.organisations = organisations;
		this.snapshots = snapshots;
		this.reports = reports;
		this.renderer = renderer;
	}

	@Override
	public String usage() {
		return "report --org <org> --quarter yyyy-Qn --out <file> [--format pdf|html|csv|xlsx] [--language en] [--take]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		boolean take = args.contains("--take");
		Options options = Options.parse(args.stream().filter((arg) -> !arg.equals("--take")).toList());
		if (!options.positional().isEmpty()) {
			throw new IllegalArgumentException("Unknown argument " + String.join(" ", options.positional()));
		}
		for (String name : options.named().keySet()) {
			if (!List.of("org", "quarter", "out", "format", "language").contains(name)) {
				throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		String code = options.require("org");
		Quarter quarter;
		try {
			quarter = Quarter.parse(options.require("quarter"));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--quarter: " + ex.getMessage());
		}
		Path file = Path.of(options.require("out"));
		CommitteeReportRenderer.Format format = format(options.get("format"), file);
		String language = options.get("language").orElse(null);
		if (language != null && !language.equals("en")) {
			throw new IllegalArgumentException("--language is en, or left out for the organisation's own");
		}
		Organisation organisation = this.organisations.findByCode(code)
			.orElseThrow(() -> new IllegalArgumentException("No organisation with the code " + code));
		// ovtrust: the version both sides signed, while a recalculation waits for them
		Snapshots.Standing standing = this.snapshots.standing(organisation.id(), quarter);
		Optional<Snapshot> snapshot = standing.current()
			.flatMap((head) -> this.snapshots.find(organisation.id(), head.id()));
		standing.waiting()
			.ifPresent((waiting) -> err.println("A recalculation of " + quarter + " (version " + waiting.version()
					+ ", " + waiting.extractedAt() + ") waits for both sides' review; the report is version "
					+ standing.current().orElseThrow().version() + ", the newest both sides signed."));
		if (snapshot.isEmpty()) {
			if (!take) {
				err.println("No snapshot of " + quarter + " for " + code + ". Take one on the overview page, or run: "
						+ "java -jar bryt.jar report --org " + code + " --quarter " + quarter + " --out " + file
						+ " --take");
				return 1;
			}
			snapshot = Optional.of(this.snapshots.take(organisation, quarter, null, null));
			err.println("Took version 1 of " + quarter + " for " + code + ".");
		}
		long started = System.nanoTime();
		CommitteeReport report = this.reports.report(organisation, snapshot.get(),
				CommitteeReports.language(organisation, language != null));
		byte[] bytes = this.renderer.render(report, format);
		long millis = (System.nanoTime() - started) / 1_000_000;
		try {
			Path absolute = file.toAbsolutePath();
			Path temporary = Files.createTempFile(absolute.getParent(), ".report-", ".part");
			try {
				Files.write(temporary, bytes);
				Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException | RuntimeException ex) {
			// The reason without a stack trace: a missing folder or no permission.
			err.println("Could not write " + file + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
			return 1;
		}
		// The time from the snapshot to the bytes, for the benchmark (bench/overview).
		err.printf(Locale.ROOT, "Wrote the %s report of %s version %d for %s to %s (%d bytes, made in %d ms)%n",
				format.extension, quarter, snapshot.get().version(), code, file, bytes.length, millis);
		return 0;
	}

	private static CommitteeReportRenderer.Format format(Optional<String> given, Path file) {
		if (given.isPresent()) {
			return CommitteeReportRenderer.Format.of(given.get())
				.orElseThrow(() -> new IllegalArgumentException("--format is pdf, html, csv or xlsx"));
		}
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return ((dot >= 0) ? CommitteeReportRenderer.Format.of(name.substring(dot + 1))
				: Optional.<CommitteeReportRenderer.Format>empty())
			.orElse(CommitteeReportRenderer.Format.PDF);
	}

}
