package bryt.overview;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.ImportTemplates;
import bryt.shared.imports.Imports;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code absence} import and the sick-leave figures made from it, counted by hand.
 *
 * <pre>
 * D (department) over A, B and C; E a top unit of its own. 2025-Q3 as of 2025-09-30:
 *   A 2025-07: 10 employees, 1600 possible hours, short 48, long 80
 *   A 2025-08: 10, 1600, short 32, long 80
 *   B 2025-07: 6, 960, given as shares 5 % and 0,1 → short 48, long 96
 *   C 2025-07: 3, 480, short 10, long 0
 *   A: short 80 / 3200 = 2.5 %, long 160 / 3200 = 5 %
 *   B: 48 / 960 = 5 %, 96 / 960 = 10 % — but hidden: C (3 employees) is the only hidden
 *      unit below D, and B (6) is the smallest shown beside it
 *   C: too few (3 employees)
 *   D and the organisation: short (48 + 32 + 48 + 10) / 4640 = 138 / 4640,
 *      long (80 + 80 + 96) / 4640 = 256 / 4640; D's fewest employees in a month 10
 *   E: no data
 * </pre>
 */
@BrytTest
class AbsenceTests {

	private static final Quarter Q3 = new Quarter(2025, 3);

	private static final String HEADER = "unit,month,employees,possible_hours,short_hours,long_hours,short_share,long_share\n";

	@Autowired
	private Imports imports;

	@Autowired
	private ImportTemplates templates;

	@Autowired
	private AbsenceContribution contribution;

	@Autowired
	private Overview overview;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	private Organisation organisation;

	private long d;

	private long a;

	private long b;

	private long c;

	private long e;

	@BeforeEach
	void organisation() {
		this.organisation = this.organisations.create("abs-" + System.nanoTime(), "Absence test", Country.SE);
		this.d = unit("D", null);
		this.a = unit("A", this.d);
		this.b = unit("B", this.d);
		this.c = unit("C", this.d);
		this.e = unit("E", null);
	}

	@Test
	void aGoodFileGivesEachUnitsShareWithTheMinimumGroupAndItsComplement() {
		int rows = run(HEADER + """
				A,2025-07,10,1600,48,80,,
				A,2025-08,10,1600,32,80,,
				B,2025-07,6,960,,,5 %,"0,1"
				C,2025-07,3,480,10,0,,
				""");
		assertThat(rows).isEqualTo(4);

		List<OverviewFigure> figures = this.contribution.figures(this.organisation, Q3, Q3.last());
		assertThat(value(figures, AbsenceContribution.SHORT, this.a)).isCloseTo(0.025, within(1e-12));
		assertThat(value(figures, AbsenceContribution.LONG, this.a)).isCloseTo(0.05, within(1e-12));
		assertThat(hidden(figures, AbsenceContribution.SHORT, this.b)).isEqualTo(Hidden.TOO_FEW);
		assertThat(hidden(figures, AbsenceContribution.LONG, this.c)).isEqualTo(Hidden.TOO_FEW);
		for (long unit : new long[] { 0, this.d }) {
			assertThat(value(figures, AbsenceContribution.SHORT, unit)).isCloseTo(138 / 4640.0, within(1e-12));
			assertThat(value(figures, AbsenceContribution.LONG, unit)).isCloseTo(256 / 4640.0, within(1e-12));
		}
		assertThat(hidden(figures, AbsenceContribution.SHORT, this.e)).isEqualTo(Hidden.NO_DATA);
		assertThat(figures).hasSize(2 * 6);
		// B's shares were stored as hours of its possible hours
		assertThat(this.jdbc.sql("select short_hours, long_hours from overview_absence where unit_id = :b")
			.param("b", this.b)
			.query((rs, row) -> List.of(rs.getBigDecimal(1).doubleValue(), rs.getBigDecimal(2).doubleValue()))
			.single()).containsExactly(48.0, 96.0);
		// the overview collects it with the other sources
		assertThat(this.overview.definitions()).extracting(FigureDefinition::key)
			.contains(AbsenceContribution.SHORT, AbsenceContribution.LONG);
	}

	@Test
	void aNewImportOfAUnitsMonthReplacesIt() {
		run(HEADER + "A,2025-07,10,1600,48,80,,\nA,2025-08,10,1600,32,80,,\n");
		run(HEADER + "A,2025-08,10,1600,0,0,,\n");
		List<OverviewFigure> figures = this.contribution.figures(this.organisation, Q3, Q3.last());
		// July's 48 and 80 hours stay; August's are now 0
		assertThat(value(figures, AbsenceContribution.SHORT, this.a)).isCloseTo(48 / 3200.0, within(1e-12));
		assertThat(value(figures, AbsenceContribution.LONG, this.a)).isCloseTo(80 / 3200.0, within(1e-12));
		assertThat(this.jdbc.sql("select count(*) from overview_absence where organisation_id = :org")
			.param("org", this.organisation.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	/** Months after the day the figures describe are not counted. */
	@Test
	void aRunningQuarterCountsItsMonthsUpToTheDay() {
		run(HEADER + "A,2025-07,10,1600,48,80,,\nA,2025-08,10,1600,32,80,,\n");
		List<OverviewFigure> july = this.contribution.figures(this.organisation, Q3, LocalDate.of(2025, 7, 31));
		assertThat(value(july, AbsenceContribution.SHORT, this.a)).isCloseTo(48 / 1600.0, within(1e-12));
	}

	@Test
	void aMalformedFileIsRefusedWholeWithLineColumnAndWhatWasExpected() {
		List<ImportProblem> problems = refused(HEADER + """
				A,2025-07,10,1600,48,80,,
				X,2025-13,10,abc,1,1,,
				B,2025-07,6,960,10,,,
				C,2025-08,6,960,10,10,5 %,
				E,2025-07,20,100,60,60,,
				D,2025-07,20,1000,60,60,,
				""");
		assertThat(problems).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactlyInAnyOrder(tuple(3L, 1, "absence.unknownUnit"), tuple(3L, 2, "absence.month"),
					tuple(3L, 4, "decimal"), tuple(4L, 6, "required"), tuple(5L, 7, "absence.hoursOrShares"),
					tuple(6L, 6, "absence.moreThanPossible"),
					// A (line 2) and D above it (line 7) in the same month: one level
					// only
					tuple(2L, 1, "absence.overlap"));
		assertThat(stored()).isZero();
	}

	/**
	 * A month stored for a unit refuses the same month for a unit above or below it in a
	 * later file: the overview would count it twice.
	 */
	@Test
	void aMonthAtAnotherLevelFromAnEarlierImportIsRefused() {
		run(HEADER + "A,2025-07,10,1600,48,80,,\nD,2025-08,20,3200,10,10,,\n");
		assertThat(refused(HEADER + "E,2025-07,6,960,1,1,,\nD,2025-07,20,3200,10,10,,\n"))
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code, ImportProblem::args)
			.containsExactly(tuple(3L, 1, "absence.overlapStored", List.of("A")));
		assertThat(refused(HEADER + "A,2025-08,10,1600,1,1,,\n"))
			.extracting(ImportProblem::line, ImportProblem::code, ImportProblem::args)
			.containsExactly(tuple(2L, "absence.overlapStored", List.of("D")));
		assertThat(stored()).isEqualTo(2);
	}

	@Test
	void aColumnThatNamesOrNumbersAPersonRefusesTheFile() {
		List<ImportProblem> problems = refused(
				"unit;month;Anställningsnummer;employees;possible_hours;short_hours;long_hours;Namn\n"
						+ "A;2025-07;E123;10;1600;48;80;Anna\n");
		assertThat(problems).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple(1L, 3, "absence.personColumn"), tuple(1L, 8, "absence.personColumn"));
		assertThat(stored()).isZero();
	}

	@Test
	void anIdentityNumberIsRefusedWithoutEchoingIt() {
		ImportRefusedException refused = refusedException(
				HEADER.strip() + ",note\nA,2025-07,10,1600,48,80,,,19121212-1212\n");
		assertThat(refused.problems().list())
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple(2L, 9, "personalIdentityNumber"));
		assertThat(refused.getMessage()).doesNotContain("1212");
		assertThat(refused.problems().list().toString()).doesNotContain("1212");
		assertThat(stored()).isZero();
	}

	/**
	 * The template's headers in each language are the file's columns: a file made from
	 * the downloaded template is taken.
	 */
	@Test
	void theTemplatesHeadersInEveryLanguageAreTaken() {
		for (Locale locale : List.of(Locale.ENGLISH, Locale.of("sv"), Locale.of("da"))) {
			List<String> headers = this.templates.headers(this.imports.kind("absence"), locale);
			assertThat(headers).as("%s", locale).hasSize(8).doesNotContainNull();
			String csv = String.join(";", headers) + "\nA;2025-07;10;1600;48;80;;\n";
			assertThat(run(csv)).as("%s", locale).isEqualTo(1);
		}
	}

	private int stored() {
		return this.jdbc.sql("select count(*) from overview_absence where organisation_id = :org")
			.param("org", this.organisation.id())
			.query(Integer.class)
			.single();
	}

	private int run(String csv) {
		return this.imports.run(this.organisation.id(), this.imports.kind("absence"), "absence.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	private List<ImportProblem> refused(String csv) {
		return refusedException(csv).problems().list();
	}

	private ImportRefusedException refusedException(String csv) {
		ImportRefusedException[] caught = new ImportRefusedException[1];
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> run(csv))
			.satisfies((ex) -> caught[0] = ex);
		return caught[0];
	}

	private long unit(String code, Long parent) {
		return this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level, parent_id)
				values (:org, :code, :code, 'UNIT', :parent) returning id
				""")
			.param("org", this.organisation.id())
			.param("code", code)
			.param("parent", parent)
			.query(Long.class)
			.single();
	}

	private static Double value(List<OverviewFigure> figures, String key, long unit) {
		OverviewFigure figure = find(figures, key, unit);
		assertThat(figure.hidden()).as("%s of %d is shown", key, unit).isNull();
		return figure.value();
	}

	private static Hidden hidden(List<OverviewFigure> figures, String key, long unit) {
		return find(figures, key, unit).hidden();
	}

	private static OverviewFigure find(List<OverviewFigure> figures, String key, long unit) {
		return figures.stream().filter((f) -> f.key().equals(key) && f.unitId() == unit).findFirst().orElseThrow();
	}

}
