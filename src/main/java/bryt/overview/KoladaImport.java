package bryt.overview;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import bryt.organisation.Role;
import bryt.shared.imports.Column;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.ImportProblems;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports key figures exported from Kolada ({@code kolada}): one row per key figure, area
 * and year, as Kolada's values come ({@code kpi, municipality_id, period, gender, value},
 * the columns of its API's values and of rKolada's tables, and the key figure's
 * {@code title} if the file has it; Swedish names accepted). Only the total ({@code T},
 * or no gender column) is kept: the overview compares whole organisations. A row without
 * a value is a gap in Kolada's series and is skipped; any other bad cell refuses the
 * whole file, with its line and column. The day the file was retrieved is its
 * {@code retrieved} column, or the day of the import. Bryt never calls Kolada itself.
 */
@Component
class KoladaImport implements ImportKind {

	static final List<Column> COLUMNS = List.of(Column.required("kpi", "kpi_id", "nyckeltal_id", "nogletal_id"),
			Column.optional("title", "kpi_title", "nyckeltal", "titel"),
			Column.required("municipality_id", "municipality", "kommun_id", "kommun", "kommune_id", "kommune", "area",
					"omrade", "omrade_id"),
			Column.required("period", "year", "ar"), Column.optional("gender", "kon", "koen"),
			Column.required("value", "varde", "vardi"),
			Column.optional("retrieved", "hamtad", "hamtat", "hentet", "retrieved_on"));

	private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

	private final BenchmarkRepository repository;

	private final Clock clock;

	KoladaImport(BenchmarkRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "kolada";
	}

	/** An administrator's: public statistics for the whole organisation. */
	@Override
	public Set<String> roles() {
		return Set.of(Role.ADMINISTRATOR.name());
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	/** Last: nothing refers to it. */
	@Override
	public int order() {
		return 100;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int importFile(long organisationId, String fileName, InputStream csv) {
		ImportProblems problems = new ImportProblems(fileName);
		LocalDate today = LocalDate.now(this.clock);
		List<Benchmark> rows = new ArrayList<>();
		Map<String, Long> lines = new HashMap<>();
		CsvImportReader.read(csv, COLUMNS, problems, (row) -> {
			String gender = row.text("gender");
			if (gender != null && !gender.equalsIgnoreCase("T")) {
				if (!gender.equalsIgnoreCase("K") && !gender.equalsIgnoreCase("M")) {
					row.problem("gender", "oneOf", "T, K, M");
				}
				return;
			}
			String kpi = row.requiredText("kpi", 20);
			if (kpi != null) {
				kpi = kpi.toUpperCase(Locale.ROOT);
				if (!kpi.matches("[A-Z][0-9]{5}")) {
					row.problem("kpi", "koladaKpi");
				}
			}
			String area = row.requiredText("municipality_id", 20);
			if (area != null) {
				area = area.toUpperCase(Locale.ROOT);
				if (!area.matches("[0-9]{4}|G[0-9]{1,10}")) {
					row.problem("municipality_id", "koladaArea");
				}
			}
			String title = row.optionalText("title", 500);
			Integer period = row.integer("period", true, 1990, 2100);
			LocalDate retrieved = row.date("retrieved", false);
			if (retrieved != null && retrieved.isAfter(today)) {
				row.problem("retrieved", "koladaRetrievedFuture");
			}
			if (row.text("value") == null) {
				return;
			}
			BigDecimal value = row.decimal("value", true, LIMIT.negate(), LIMIT);
			String key = kpi + "/" + area + "/" + period;
			if (kpi != null && area != null && period != null && lines.putIfAbsent(key, row.line()) != null) {
				row.problem("kpi", "duplicate", String.valueOf(lines.get(key)));
			}
			if (kpi != null && area != null && period != null && value != null) {
				rows.add(new Benchmark(kpi, title, area, Benchmark.AreaKind.of(area), period, value,
						(retrieved != null) ? retrieved : today));
			}
		});
		problems.refuseIfAny();
		for (Benchmark benchmark : rows) {
			this.repository.upsert(organisationId, benchmark, this.clock.instant());
		}
		return rows.size();
	}

}
