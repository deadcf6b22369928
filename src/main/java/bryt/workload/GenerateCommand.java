package bryt.workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import bryt.shared.cli.Command;
import bryt.shared.cli.CommandName;
import bryt.shared.cli.Options;

import org.springframework.stereotype.Component;

/**
 * {@code generate --organisations N --staff N --cases N --out DIR}: writes a synthetic
 * national dataset as importable CSV files, for benchmarks. The first organisation has
 * 2,000 staff (or all, if fewer); the others share the rest. Layout:
 * {@code DIR/organisations.csv} ({@code code,name,country}) and per organisation
 * {@code DIR/<code>/units.csv}, {@code staff.csv}, {@code cases.csv}, against the Swedish
 * default case types. The same arguments give the same files.
 */
@Component
@CommandName("generate")
class GenerateCommand implements Command {

	private static final int BIG_ORGANISATION = 2_000;

	private static final int STAFF_PER_UNIT = 15;

	private static final List<String> TYPES = CaseTypeCatalogue.SWEDEN.stream().map(CaseType::code).toList();

	private final Workload workload;

	GenerateCommand(Workload workload) {
		this.workload = workload;
	}

	@Override
	public String usage() {
		return "generate --organisations <n> --staff <n> --cases <n> --out <dir>";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options options = Options.parse(args);
		int organisations = positive(options, "organisations");
		int staff = positive(options, "staff");
		long cases = positive(options, "cases");
		if (staff < organisations * 4) {
			throw new IllegalArgumentException("Give at least four staff per organisation");
		}
		Path dir = Path.of(options.require("out"));
		try {
			write(dir, organisations, staff, cases, this.workload.today());
		}
		catch (IOException ex) {
			err.println("Could not write to " + dir + ": " + ex.getMessage());
			return 1;
		}
		out.printf(Locale.ROOT, "Wrote %d organisations, %d staff and %d cases to %s%n", organisations, staff, cases,
				dir);
		return 0;
	}

	static void write(Path dir, int organisations, int staff, long cases, LocalDate today) throws IOException {
		Random random = new Random(organisations * 31L + staff);
		int[] sizes = sizes(organisations, staff, random);
		Files.createDirectories(dir);
		try (BufferedWriter index = Files.newBufferedWriter(dir.resolve("organisations.csv"))) {
			index.write("code,name,country\n");
			long written = 0;
			for (int o = 0; o < organisations; o++) {
				String code = String.format(Locale.ROOT, "org-%03d", o + 1);
				index.write(code + ",Kommun " + (o + 1) + ",SE\n");
				long share = (o == organisations - 1) ? cases - written : cases * sizes[o] / staff;
				writeOrganisation(dir.resolve(code), code, sizes[o], share, today, random);
				written += share;
			}
		}
	}

	private static void writeOrganisation(Path dir, String code, int staff, long cases, LocalDate today, Random random)
			throws IOException {
		Files.createDirectories(dir);
		int units = Math.max(1, staff / STAFF_PER_UNIT);
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("units.csv"))) {
			out.write("code,name,parent,level\n");
			for (int d = 1; d <= 3; d++) {
				out.write("D" + d + ",Avdelning " + d + ",,department\n");
			}
			for (int u = 1; u <= units; u++) {
				out.write("U" + u + ",Enhet " + u + ",D" + (1 + u % 3) + ",unit\n");
			}
		}
		List<List<String>> workersByUnit = new ArrayList<>();
		for (int u = 0; u < units; u++) {
			workersByUnit.add(new ArrayList<>());
		}
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("staff.csv"))) {
			out.write("employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason\n");
			for (int s = 1; s <= staff; s++) {
				int unit = (s - 1) % units;
				String role = (s <= units) ? "first_line_lead" : "social_worker";
				LocalDate employed = today.minusDays(30 + random.nextInt(365 * 10));
				boolean left = random.nextInt(8) == 0;
				String end = left ? today.minusDays(random.nextInt(365 * 3)).toString() : "";
				if (left && !LocalDate.parse(end).isAfter(employed)) {
					end = employed.plusDays(1).toString();
				}
				out.write(String.join(",", "E" + s, "Medarbetare " + s, "U" + (unit + 1), role,
						(random.nextInt(6) == 0) ? "0.75" : "1", employed.minusDays(random.nextInt(365 * 5)).toString(),
						employed.toString(), end, left ? "resigned" : "") + "\n");
				if (role.equals("social_worker")) {
					workersByUnit.get(unit).add("E" + s);
				}
			}
		}
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("cases.csv"))) {
			out.write("case_ref,case_type,unit,opened,closed,handler,co_handler,complexity\n");
			for (long c = 1; c <= cases; c++) {
				int unit = random.nextInt(units);
				List<String> workers = workersByUnit.get(unit);
				if (workers.isEmpty()) {
					workers = workersByUnit.get(0);
				}
				String type = TYPES.get(random.nextInt(TYPES.size()));
				LocalDate opened = today.minusDays(random.nextInt(365 * 3));
				LocalDate closed = opened.plusDays(10 + random.nextInt(300));
				String handler = workers.isEmpty() ? "" : workers.get(random.nextInt(workers.size()));
				String coHandler = (workers.size() > 1 && (type.equals("LVU") || type.equals("LVM")))
						? workers.get(random.nextInt(workers.size())) : "";
				if (coHandler.equals(handler)) {
					coHandler = "";
				}
				out.write(code + "-" + c + "," + type + ",U" + (unit + 1) + "," + opened + ","
						+ (closed.isAfter(today) ? "" : closed.toString()) + "," + handler + "," + coHandler + ","
						+ (1 + random.nextInt(3)) + "\n");
			}
		}
	}

	/** The first organisation is big; the others share the rest at random. */
	private static int[] sizes(int organisations, int staff, Random random) {
		int[] sizes = new int[organisations];
		int big = Math.min(BIG_ORGANISATION, staff - 4 * (organisations - 1));
		sizes[0] = big;
		int rest = staff - big;
		double[] weights = new double[organisations];
		double total = 0;
		for (int o = 1; o < organisations; o++) {
			weights[o] = 0.3 + random.nextDouble();
			total += weights[o];
		}
		int assigned = 0;
		for (int o = 1; o < organisations; o++) {
			sizes[o] = (o == organisations - 1) ? rest - assigned : Math.max(4, (int) (rest * weights[o] / total));
			assigned += sizes[o];
		}
		return sizes;
	}

	private static int positive(Options options, String name) {
		try {
			int value = Integer.parseInt(options.require(name));
			if (value < 1) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a positive whole number");
		}
	}

}
