package bryt.workload;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.cli.Command;
import bryt.shared.cli.CommandName;
import bryt.shared.cli.Options;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code workload --org <org> [--at yyyy-mm-dd]}: prints the same JSON as the API; with
 * {@code trend} the weekly trend, and {@code workload national} every organisation's
 * totals.
 */
@Component
@CommandName("workload")
class WorkloadCommand implements Command {

	private final Workload workload;

	private final Organisations organisations;

	private final JsonMapper json;

	WorkloadCommand(Workload workload, Organisations organisations, JsonMapper json) {
		this.workload = workload;
		this.organisations = organisations;
		this.json = json;
	}

	@Override
	public String usage() {
		return "workload --org <org> [--at yyyy-mm-dd] | workload trend --org <org> [--at yyyy-mm-dd]"
				+ " | workload national [--at yyyy-mm-dd]";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options options = Options.parse(args);
		LocalDate at;
		try {
			at = options.get("at").map(LocalDate::parse).orElse(this.workload.today());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--at must be a date as yyyy-mm-dd");
		}
		if (options.positional().equals(List.of("national"))) {
			long started = System.nanoTime();
			List<Workload.NationalRow> rows = this.workload.national(at);
			out.println(this.json.writeValueAsString(new National(at, rows)));
			err.printf(Locale.ROOT, "National roll-up of %d organisations in %d ms%n", rows.size(),
					(System.nanoTime() - started) / 1_000_000);
			return 0;
		}
		if (!options.positional().isEmpty() && !options.positional().equals(List.of("trend"))) {
			throw new IllegalArgumentException("Unknown argument " + String.join(" ", options.positional()));
		}
		Organisation organisation = this.organisations.findByCode(options.require("org"))
			.orElseThrow(() -> new IllegalArgumentException("No organisation with the code " + options.require("org")));
		if (options.positional().equals(List.of("trend"))) {
			out.println(this.json.writeValueAsString(WorkloadJson.weekly(organisation.code(),
					this.workload.trend(organisation, at), Viewer.EVERYTHING)));
			return 0;
		}
		out.println(this.json
			.writeValueAsString(WorkloadJson.of(this.workload.figures(organisation, at), Viewer.EVERYTHING)));
		return 0;
	}

	/** The national roll-up as printed: the date, then one row per organisation. */
	record National(LocalDate at, List<Workload.NationalRow> organisations) {
	}

}
