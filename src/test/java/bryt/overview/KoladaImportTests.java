package bryt.overview;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.imports.Actor;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.Imports;
import bryt.shared.tables.Cell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kolada's CSV through the import plug-in: stored per key figure, area and year with the
 * day it was retrieved; a malformed file refused whole, with line and column.
 */
@BrytTest
class KoladaImportTests {

	/**
	 * Kolada's values as its export has them, semicolons and decimal commas: the total
	 * (T) and the women's (K) row of N00090 for the municipality 0484 in 2024, its group,
	 * the country, the municipality's 2023, and a gap (no value) of another key figure.
	 */
	private static final String FILE = """
			kpi;title;municipality_id;period;gender;value;retrieved
			N00090;Sjukfrånvaro totalt, kommunalt anställda (%);0484;2024;T;8,1;2026-11-02
			N00090;Sjukfrånvaro totalt, kommunalt anställda (%);0484;2024;K;9,4;2026-11-02
			N00090;Sjukfrånvaro totalt, kommunalt anställda (%);G124026;2024;T;7,6;2026-11-02
			N00090;Sjukfrånvaro totalt, kommunalt anställda (%);0000;2024;T;7,9;2026-11-02
			N00090;Sjukfrånvaro totalt, kommunalt anställda (%);0484;2023;T;8,4;2026-11-02
			U00000;Ett nyckeltal utan värde;0484;2024;T;;2026-11-02
			""";

	@Autowired
	private Imports imports;

	@Autowired
	private Benchmarks benchmarks;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private Organisation organisation;

	@BeforeEach
	void organisation() {
		this.organisation = this.organisations.create("kol-" + System.nanoTime(), "Koladaby", Country.SE);
	}

	@Test
	void aKoladaExportIsStoredPerKeyFigureAreaAndYearWithTheDayItWasRetrieved() {
		int stored = run("kolada.csv", FILE);

		// T rows with a value: 0484 2024, G124026 2024, 0000 2024, 0484 2023. The K row
		// and the gap are not stored.
		assertThat(stored).isEqualTo(4);
		assertThat(this.benchmarks.all(this.organisation.id()))
			.extracting(Benchmark::area, Benchmark::kind, Benchmark::period, (b) -> b.value().toPlainString(),
					(b) -> b.retrievedOn().toString())
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("0484", Benchmark.AreaKind.MUNICIPALITY, 2023, "8.4",
							"2026-11-02"),
					org.assertj.core.groups.Tuple.tuple("0484", Benchmark.AreaKind.MUNICIPALITY, 2024, "8.1",
							"2026-11-02"),
					org.assertj.core.groups.Tuple.tuple("G124026", Benchmark.AreaKind.GROUP, 2024, "7.6", "2026-11-02"),
					org.assertj.core.groups.Tuple.tuple("0000", Benchmark.AreaKind.COUNTRY, 2024, "7.9", "2026-11-02"));

		// The table beside Bryt's: the newest year, the three areas; no snapshot, so no
		// Bryt figure.
		List<List<Cell>> rows = this.benchmarks.table(this.organisation.id(), null, Locale.ENGLISH).rows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).extracting(Cell::text)
			.startsWith("N00090 Sjukfrånvaro totalt, kommunalt anställda (%)", "2024", "8.1", "7.6", "7.9", Cell.NONE)
			.endsWith("2026-11-02");
		assertThat(rows.get(0).get(6).text()).startsWith("Kolada: sick leave of all the municipality's employees");

		// Imported again with a new value: the same row, replaced.
		assertThat(run("again.csv", "kpi,municipality_id,period,value\nN00090,0484,2024,8.2\n")).isEqualTo(1);
		assertThat(this.benchmarks.all(this.organisation.id())).hasSize(4)
			.filteredOn((b) -> b.period() == 2024 && b.area().equals("0484"))
			.extracting((b) -> b.value().toPlainString())
			.containsExactly("8.2");
	}

	/**
	 * N00090 is all sick leave; Bryt's figure beside it is the organisation's short-term
	 * plus long-term share of the snapshot's quarter. Two units, 2025-Q3:
	 *
	 * <pre>
	 *   A 2025-07: 10 employees, 1600 possible hours, short 48, long 80
	 *   B 2025-08:  8 employees, 1400 possible hours, short 35, long 112
	 *   organisation: (48 + 80 + 35 + 112) / (1600 + 1400) = 275 / 3000 = 9.1666… % → "9.2%"
	 * </pre>
	 */
	@Test
	void brytsFigureBesideAllSickLeaveIsTheSumOfItsShortAndLongTermShares() {
		unit("A");
		unit("B");
		this.imports.run(this.organisation.id(), this.imports.kind("absence"), "absence.csv",
				new ByteArrayInputStream("""
						unit,month,employees,possible_hours,short_hours,long_hours
						A,2025-07,10,1600,48,80
						B,2025-08,8,1400,35,112
						""".getBytes(StandardCharsets.UTF_8)), Actor.COMMAND_LINE);
		run("kolada.csv", FILE);
		Snapshot snapshot = this.snapshots.take(this.organisation, new bryt.shared.time.Quarter(2025, 3), null, null);

		List<Cell> row = this.benchmarks.table(this.organisation.id(), snapshot, Locale.ENGLISH).rows().get(0);
		assertThat(row.get(5).text()).isEqualTo("9.2%");
		assertThat(row.get(6).text()).endsWith("(Short-term sick leave + Long-term sick leave)");

		// A quarter without absence: nothing beside Kolada's figure.
		Snapshot empty = this.snapshots.take(this.organisation, new bryt.shared.time.Quarter(2025, 1), null, null);
		assertThat(this.benchmarks.table(this.organisation.id(), empty, Locale.ENGLISH).rows().get(0).get(5).text())
			.isEqualTo(Cell.NONE);
	}

	@Test
	void aMalformedFileIsRefusedWholeWithLineAndColumn() {
		String bad = """
				kpi,municipality_id,period,value
				N00090,0484,2024,8.1
				N0009,0484,2024,8.1
				N00090,Stockholm,24,x
				""";
		assertThatThrownBy(() -> run("bad.csv", bad)).isInstanceOfSatisfying(ImportRefusedException.class,
				(ex) -> assertThat(ex.problems().list())
					.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
					.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 1, "koladaKpi"),
							org.assertj.core.groups.Tuple.tuple(4L, 2, "koladaArea"),
							org.assertj.core.groups.Tuple.tuple(4L, 3, "range"),
							org.assertj.core.groups.Tuple.tuple(4L, 4, "decimal")));
		assertThat(this.benchmarks.all(this.organisation.id())).as("nothing stored, not even line 2").isEmpty();
	}

	private void unit(String code) {
		this.jdbc.sql("insert into unit (organisation_id, code, name, level) values (:org, :code, :code, 'UNIT')")
			.param("org", this.organisation.id())
			.param("code", code)
			.update();
	}

	private int run(String name, String content) {
		return this.imports.run(this.organisation.id(), this.imports.kind("kolada"), name,
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), Actor.COMMAND_LINE);
	}

}
