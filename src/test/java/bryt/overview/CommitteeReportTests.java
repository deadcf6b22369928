package bryt.overview;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.CommitteeReportRenderer.Format;
import bryt.shared.tables.Cell;
import bryt.shared.tables.FigureTable;
import bryt.shared.time.Quarter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committee report: every format from one model, so the same numbers; the PDF passes
 * veraPDF for PDF/UA-1 and PDF/A-2u; both comments printed; a hidden figure is never a
 * number.
 *
 * <pre>
 * Organisation with units A and B (no parent). A: four social workers and one first-line
 * lead from 2024-01-01, nobody left. B: nobody. 2025-Q4, as of 2025-12-31, in Swedish:
 *   workload.staffPerLead   A 4 / 1 = "4,0"; B no data ("uppgift saknas")
 *   workload.turnover       A 0 of 5 = "0,0 %"; B no data
 *   workload.load           A no open cases = "0 %"; B no capacity: no data
 * B has no staff: every figure of B is "uppgift saknas", no digit anywhere in its row.
 * </pre>
 */
@BrytTest
class CommitteeReportTests {

	private static final Quarter Q4 = new Quarter(2025, 4);

	private static final String EMPLOYER_COMMENT = "Arbetsgivaren ser ljusare på våren.";

	private static final String UNION_COMMENT = "Facket oroas av personalomsättningen.";

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private Organisations organisations;

	@Autowired
	private CommitteeReports reports;

	@Autowired
	private CommitteeReportRenderer renderer;

	@Autowired
	private JdbcClient jdbc;

	private Organisation organisation;

	private OverviewFixture fixture;

	private long a;

	private long b;

	@BeforeAll
	static void veraPdf() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	@BeforeEach
	void organisation() {
		this.fixture = new OverviewFixture(this.organisations, this.jdbc, "Rapportby");
		this.organisation = this.fixture.organisation;
		this.a = this.fixture.unit("A");
		this.b = this.fixture.unit("B");
		for (int i = 0; i < 4; i++) {
			this.fixture.staff(this.a, "SOCIAL_WORKER");
		}
		this.fixture.staff(this.a, "FIRST_LINE_LEAD");
	}

	@Test
	void everyFormatCarriesTheSameNumbersAndHiddenFiguresAreNeverANumber() throws Exception {
		Snapshot snapshot = this.snapshots.take(this.organisation, Q4, null, null);
		comment(snapshot, "EMPLOYER", EMPLOYER_COMMENT);
		comment(snapshot, "UNION", UNION_COMMENT);
		review(snapshot, "EMPLOYER", "2026-01-20");
		CommitteeReport report = this.reports.report(this.organisation.id(), snapshot.id(), Locale.forLanguageTag("sv"))
			.orElseThrow();

		String html = normalised(
				Jsoup.parse(new String(this.renderer.render(report, Format.HTML), StandardCharsets.UTF_8)).text());
		String pdf = normalised(pdfText(this.renderer.render(report, Format.PDF)));
		String csv = normalised(new String(this.renderer.render(report, Format.CSV), StandardCharsets.UTF_8));
		List<List<String>> xlsx = xlsx(this.renderer.render(report, Format.XLSX));

		// Counted by hand (see the class comment), in Swedish.
		assertThat(cellOf(report, "workload.staffPerLead", "Unit A")).isEqualTo("4,0");
		assertThat(cellOf(report, "workload.turnover", "Unit A")).isEqualTo("0,0 %");
		assertThat(cellOf(report, "workload.load", "Unit A")).isEqualTo("0 %");

		// Every figure of every unit: the same text in the HTML, the PDF and the CSV (the
		// CSV's row of the figure and unit), the same number in Excel.
		for (CommitteeReport.Section section : report.sections()) {
			for (List<Cell> row : section.tables().stream().flatMap((table) -> table.rows().stream()).toList()) {
				String line = normalised(String.join(" ", row.stream().map(Cell::text).toList()));
				assertThat(html).as("HTML row of %s", section.source()).contains(line);
				assertThat(pdf).as("PDF row of %s", section.source()).contains(line);
			}
		}
		List<List<Cell>> all = report.figures().rows();
		assertThat(all).hasSize(snapshot.definitions().size() * snapshot.units().size());
		for (int r = 0; r < all.size(); r++) {
			List<Cell> row = all.get(r);
			assertThat(csv).contains(normalised(String.join(";", row.stream().map(Cell::text).toList())));
			Cell value = row.get(3);
			String excel = xlsx.get(r + 1).get(3);
			if (value.number() != null) {
				assertThat(new java.math.BigDecimal(excel)).isEqualByComparingTo(value.number());
			}
			else {
				assertThat(value.text()).as("a hidden figure").doesNotContainPattern("[0-9]");
				assertThat(excel).isEqualTo(value.text());
			}
		}
		// Unit B has no staff: its workload figures are words only, in every format (the
		// rows of the model are in the HTML and the PDF as checked above; the workload's
		// nine figures in two tables of at most six).
		for (String text : List.of(html, pdf)) {
			assertThat(Pattern.compile("Unit B( uppgift saknas){6}").matcher(text).find()).isTrue();
			assertThat(Pattern.compile("Unit B( uppgift saknas){3}").matcher(text).find()).isTrue();
		}
		List<String> workloadNames = report.sections()
			.stream()
			.filter((section) -> section.source().equals("workload"))
			.flatMap((section) -> section.tables().stream())
			.flatMap((table) -> table.columns().stream().skip(1))
			.map((column) -> column.header())
			.toList();
		assertThat(workloadNames).hasSize(9);
		List<String> workloadRowsOfB = new String(this.renderer.render(report, Format.CSV), StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> line.contains(";Unit B;"))
			.filter((line) -> workloadNames.stream()
				.anyMatch((name) -> line.replace("\uFEFF", "").startsWith(name + ";")))
			.toList();
		assertThat(workloadRowsOfB).hasSize(9)
			.allSatisfy((line) -> assertThat(line).doesNotContainPattern(";Unit B;[^;]*[0-9]"));

		// Both comments, the review and the missing review, in every readable format.
		for (String text : List.of(html, pdf)) {
			assertThat(text).contains(EMPLOYER_COMMENT)
				.contains(UNION_COMMENT)
				.contains("Granskad av arbetsgivaren den 2026-01-20.")
				.contains("Ännu inte granskad av de fackliga organisationerna.")
				.contains("Version 1, kvartalets första uttag")
				.contains("2025-Q4 (2025-10-01 till 2025-12-31)");
		}
	}

	@Test
	void thePdfPassesVeraPdfForPdfUa1AndPdfA2u() throws Exception {
		Snapshot snapshot = this.snapshots.take(this.organisation, Q4, null, null);
		comment(snapshot, "UNION", UNION_COMMENT);
		byte[] pdf = this.renderer.render(
				this.reports.report(this.organisation.id(), snapshot.id(), Locale.ENGLISH).orElseThrow(), Format.PDF);

		assertThat(failures(pdf, PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isEmpty();
		assertThat(failures(pdf, PDFAFlavour.PDFA_2_U)).as("PDF/A-2u").isEmpty();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(document.getDocumentInformation().getTitle()).startsWith("Committee report: Rapportby, 2025-Q4");
		}
		assertThat(normalised(pdfText(pdf))).contains("No comment.").contains(UNION_COMMENT);
	}

	private static List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
			ValidationResult result = validator.validate(parser);
			List<String> failures = new ArrayList<>();
			for (TestAssertion assertion : result.getTestAssertions()) {
				if (assertion.getStatus() != TestAssertion.Status.PASSED) {
					failures.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
							+ assertion.getMessage());
				}
			}
			if (!result.isCompliant() && failures.isEmpty()) {
				failures.add("not compliant");
			}
			return failures.stream().distinct().toList();
		}
	}

	static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** One space for every run of white space, the non-breaking ones too. */
	static String normalised(String text) {
		return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
	}

	private static String cellOf(CommitteeReport report, String key, String unit) {
		CommitteeReport.Section section = report.sections()
			.stream()
			.filter((s) -> s.source().equals(key.substring(0, key.indexOf('.'))))
			.findFirst()
			.orElseThrow();
		FigureTable table = section.tables()
			.stream()
			.filter((t) -> t.columns().stream().anyMatch((c) -> c.key().equals(key)))
			.findFirst()
			.orElseThrow();
		int column = table.columns().stream().map((c) -> c.key()).toList().indexOf(key);
		return normalised(table.rows()
			.stream()
			.filter((row) -> row.get(0).text().equals(unit))
			.findFirst()
			.orElseThrow()
			.get(column)
			.text());
	}

	static List<List<String>> xlsx(byte[] bytes) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			for (Row row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					cells.add(row.getOptionalCell(c).map(org.dhatim.fastexcel.reader.Cell::getText).orElse(""));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private void comment(Snapshot snapshot, String side, String body) {
		this.jdbc.sql("""
				insert into overview_comment (snapshot_id, side, body, written_by, written_at)
				values (:snapshot, :side, :body, (select min(id) from account), now())
				""").param("snapshot", snapshot.id()).param("side", side).param("body", body).update();
	}

	private void review(Snapshot snapshot, String side, String day) {
		this.jdbc.sql("""
				insert into overview_review (snapshot_id, side, reviewed_by, reviewed_on)
				values (:snapshot, :side, (select min(id) from account), cast(:day as date))
				""").param("snapshot", snapshot.id()).param("side", side).param("day", day).update();
	}

}
