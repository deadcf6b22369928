package bryt.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kolada's key figures beside Bryt's own: for each key figure imported, its newest year
 * for the municipality, its group and the country, and the Bryt figure it is compared
 * with, with the difference in definitions in words.
 */
@Service
public class Benchmarks {

	/**
	 * The Kolada key figures Bryt has a figure to compare with, by Kolada's id. Kolada
	 * itself is out of reach from here; N00090 (sick leave of the municipality's
	 * employees) is confirmed by two public uses of Kolada's API, the other ids the issue
	 * names were not found (docs/overview/report.md, "The key figure ids"). An id here is
	 * a claim the administrator can see in the table, beside Kolada's own title from the
	 * file. Each maps to the Bryt figures whose sum is compared: N00090 is all sick
	 * leave, Bryt's short-term (days 1–14) and long-term (from day 15) shares of the same
	 * possible hours.
	 */
	static final Map<String, List<String>> COMPARED = Map.of("N00090",
			List.of(AbsenceContribution.SHORT, AbsenceContribution.LONG));

	private final BenchmarkRepository repository;

	private final MessageSource messages;

	Benchmarks(BenchmarkRepository repository, MessageSource messages) {
		this.repository = repository;
		this.messages = messages;
	}

	/** Every value stored for the organisation. */
	@Transactional(readOnly = true)
	public List<Benchmark> all(long organisationId) {
		return this.repository.all(organisationId);
	}

	/**
	 * The benchmarks table: one row per key figure, its newest year, the three areas'
	 * values, Bryt's figure for the whole organisation from the snapshot (if the snapshot
	 * holds the figure it is compared with), and how the definitions differ.
	 * @param snapshot the snapshot whose figures stand beside Kolada's, or {@code null}
	 */
	@Transactional(readOnly = true)
	public FigureTable table(long organisationId, Snapshot snapshot, Locale locale) {
		FigureTable.Builder table = FigureTable.builder("benchmarks", text("overview.benchmarks.caption", locale))
			.column(Column.text("kpi", text("overview.benchmarks.kpi", locale)))
			.column(Column.number("year", text("overview.benchmarks.year", locale)))
			.column(Column.number("municipality", text("overview.benchmarks.municipality", locale)))
			.column(Column.number("group", text("overview.benchmarks.group", locale)))
			.column(Column.number("country", text("overview.benchmarks.country", locale)))
			.column(Column.number("bryt", text("overview.benchmarks.bryt", locale)))
			.column(Column.text("difference", text("overview.benchmarks.difference", locale)))
			.column(Column.text("retrieved", text("overview.benchmarks.retrieved", locale)));
		Map<String, List<Benchmark>> byKpi = new LinkedHashMap<>();
		for (Benchmark benchmark : this.repository.all(organisationId)) {
			byKpi.computeIfAbsent(benchmark.kpi(), (k) -> new ArrayList<>()).add(benchmark);
		}
		for (Map.Entry<String, List<Benchmark>> entry : byKpi.entrySet()) {
			List<Benchmark> values = entry.getValue();
			int year = values.stream().mapToInt(Benchmark::period).max().orElseThrow();
			List<Benchmark> newest = values.stream().filter((b) -> b.period() == year).toList();
			String title = newest.stream().map(Benchmark::title).filter((t) -> t != null).findFirst().orElse(null);
			String kpi = entry.getKey();
			List<String> figureKeys = COMPARED.get(kpi);
			table.row(List.of(Cell.text((title != null) ? kpi + " " + title : kpi), Cell.text(Integer.toString(year)),
					area(newest, Benchmark.AreaKind.MUNICIPALITY, locale),
					area(newest, Benchmark.AreaKind.GROUP, locale), area(newest, Benchmark.AreaKind.COUNTRY, locale),
					bryt(snapshot, figureKeys, locale),
					Cell.text((figureKeys != null)
							? text("overview.benchmarks." + kpi + ".difference", locale) + " ("
									+ names(figureKeys, locale) + ")"
							: text("overview.benchmarks.notCompared", locale)),
					Cell.date(newest.stream()
						.map(Benchmark::retrievedOn)
						.max(java.util.Comparator.naturalOrder())
						.orElse(null))));
		}
		return table.build();
	}

	private static Cell area(List<Benchmark> values, Benchmark.AreaKind kind, Locale locale) {
		Optional<Benchmark> value = values.stream().filter((b) -> b.kind() == kind).findFirst();
		return value.map((b) -> Cell.decimal(b.value().doubleValue(), 1, locale)).orElse(Cell.text(Cell.NONE));
	}

	/**
	 * Bryt's figure for the organisation: the sum of the figures compared, all of one
	 * format; nothing when there is no snapshot or any of them is hidden or missing.
	 */
	private static Cell bryt(Snapshot snapshot, List<String> keys, Locale locale) {
		if (snapshot == null || keys == null) {
			return Cell.text(Cell.NONE);
		}
		FigureDefinition.Format format = null;
		double sum = 0;
		for (String key : keys) {
			Optional<FigureDefinition> definition = snapshot.definitions()
				.stream()
				.filter((d) -> d.key().equals(key))
				.findFirst();
			Optional<OverviewFigure> figure = snapshot.figure(key, OverviewFigure.ORGANISATION);
			if (definition.isEmpty() || figure.isEmpty() || figure.get().value() == null) {
				return Cell.text(Cell.NONE);
			}
			format = definition.get().format();
			sum += figure.get().value();
		}
		return CommitteeReports.cell(format, sum, locale);
	}

	private String names(List<String> keys, Locale locale) {
		return keys.stream()
			.map((key) -> this.messages.getMessage("overview." + key + ".name", null, key, locale))
			.collect(java.util.stream.Collectors.joining(" + "));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
