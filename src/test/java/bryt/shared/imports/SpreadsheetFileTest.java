package bryt.shared.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The zip-bomb guard, at a small scale: a zip whose entries inflate to more than the
 * limit is refused before any XML is read, however small the zip and whatever sizes its
 * headers claim; one under the limit passes. Then what an outsider tried on hand-made
 * workbooks read as an import reads them: a table of strings too large to hold, XML
 * entities and a DOCTYPE, a cell at column XFD, dates no calendar of Excel's shows.
 */
class SpreadsheetFileTest {

	private static final long ONE_MIB = 1L << 20;

	@Test
	void aZipThatUnpacksToMoreThanTheLimitIsRefused() throws IOException {
		// 3 MiB of zeros in two entries deflate to a few kilobytes.
		byte[] bomb = zip(2 * ONE_MIB, ONE_MIB);
		assertThat(bomb.length).isLessThan(20_000);
		SpreadsheetFile.Refused refused = catchThrowableOfType(SpreadsheetFile.Refused.class,
				() -> SpreadsheetFile.checkUnpackedSize(bomb, 2 * ONE_MIB, ONE_MIB));
		assertThat(refused.code).isEqualTo("spreadsheet.unpacksTooLarge");
		assertThat(refused.args).containsExactly("2");
		SpreadsheetFile.checkUnpackedSize(bomb, 3 * ONE_MIB, ONE_MIB);
	}

	@Test
	void aZipThatIsNoWorkbookIsSaidToBeNone() {
		SpreadsheetFile.Refused refused = catchThrowableOfType(SpreadsheetFile.Refused.class,
				() -> SpreadsheetFile.checkUnpackedSize(new byte[] { 'P', 'K', 3, 4, 0, 0, 0 }, ONE_MIB, ONE_MIB));
		assertThat(refused.code).isEqualTo("spreadsheet.notWorkbook");
	}

	@Test
	void sharedStringsThatUnpackToMoreThanTheirOwnLimitAreRefusedWhateverTheirName() throws IOException {
		// 40 MiB of one-letter strings (2.5 million <si>) deflate to well under a
		// megabyte,
		// far under the overall limit: FastExcel would hold every one of them.
		String strings = sharedStrings(40 * ONE_MIB);
		byte[] usual = workbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), strings, null);
		assertThat(usual.length).isLessThan(1_000_000);
		assertThat(problems(usual)).containsExactly(tuple(0L, 0, "spreadsheet.stringsTooLarge", List.of("32")));
		// The content types may name another part; FastExcel follows them, so must the
		// guard.
		byte[] renamed = workbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), strings,
				"xl/words.xml");
		assertThat(problems(renamed)).containsExactly(tuple(0L, 0, "spreadsheet.stringsTooLarge", List.of("32")));
		// A sheet as large is no table of strings.
		SpreadsheetFile.checkUnpackedSize(zip(2 * ONE_MIB), 3 * ONE_MIB, ONE_MIB);
	}

	@Test
	void anEntityOrADoctypeInTheXmlIsAFileThatCouldNotBeReadNeverItsContent() throws IOException {
		byte[] inline = workbook(
				sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>employee_number</t></is></c></row>"
						+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Anna&nbsp;Berg</t></is></c></row>"),
				null, null);
		byte[] shared = workbook(sheet(
				"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>"),
				"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>employee_number</t></si>"
						+ "<si><t>Anna&nbsp;Berg</t></si></sst>",
				null);
		byte[] doctype = workbook(
				"<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY name \"Anna Berg\">]>"
						+ sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>employee_number</t></is></c></row>"
								+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&name;</t></is></c></row>"),
				null, null);
		for (byte[] file : List.of(inline, shared, doctype)) {
			List<ImportProblem> problems = read(file);
			assertThat(problems).singleElement().satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo("unreadable");
				assertThat(problem.toString()).doesNotContain("Anna").doesNotContain("Berg").doesNotContain("nbsp");
			});
		}
	}

	@Test
	void aCellAtColumnXfdRefusesItsRowByRowAndColumnLetter() throws IOException {
		StringBuilder rows = new StringBuilder(
				"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>employee_number</t></is></c></row>");
		// The outsider's file had 100,000 such rows; the cost per row is what changed.
		int count = 10_000;
		for (int r = 2; r <= count + 1; r++) {
			rows.append("<row r=\"")
				.append(r)
				.append("\"><c r=\"A")
				.append(r)
				.append("\"><v>")
				.append(r)
				.append("</v></c><c r=\"XFD")
				.append(r)
				.append("\"><v>1</v></c></row>");
		}
		byte[] file = workbook(sheet(rows.toString()), null, null);
		ImportProblems problems = new ImportProblems("wide.xlsx");
		CsvImportReader.read(new ByteArrayInputStream(file), List.of(Column.required("employee_number")), problems,
				(row) -> {
				});
		// Every row refused, then the file has no rows to import.
		assertThat(problems.total()).isEqualTo(count + 1);
		assertThat(problems.list().getFirst()).extracting(ImportProblem::line, ImportProblem::code, ImportProblem::args)
			.containsExactly(2L, "fieldCount", List.of("1", "16384"));
		assertThat(problems.list().getFirst().columnLabel(true)).isEqualTo("XFD");
	}

	@Test
	void anEmptiedCellBeyondTheHeaderCountsAsNothingAndAFilledOneWithinIsRead() throws IOException {
		byte[] file = workbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>employee_number</t></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"A2\"><v>7</v></c><c r=\"XFD2\" s=\"0\"/></row>"
				+ "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>Anna</t></is></c></row>"), null, null);
		ImportProblems problems = new ImportProblems("touched.xlsx");
		List<String> read = new ArrayList<>();
		CsvImportReader.read(new ByteArrayInputStream(file),
				List.of(Column.required("employee_number"), Column.optional("name")), problems,
				(row) -> read.add(row.line() + ":" + row.text("employee_number") + "/" + row.text("name")));
		assertThat(problems.list()).isEmpty();
		assertThat(read).containsExactly("2:7/null", "3:null/Anna");
	}

	@Test
	void aDateOutsideTheYearsADateCanHaveIsRefusedByRowAndColumn() throws IOException {
		// Style 1 applies Excel's built-in date format 14 (m/d/yyyy).
		String rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>employee_number</t></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>start</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>99999999</v></c></row>"
				+ "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" s=\"1\"><v>-5</v></c></row>"
				+ "<row r=\"4\"><c r=\"A4\"><v>3</v></c><c r=\"B4\" s=\"1\"><v>46356</v></c></row>"
				+ "<row r=\"5\"><c r=\"A5\"><v>4</v></c><c r=\"B5\" s=\"1\"><v>2958465</v></c></row>"
				+ "<row r=\"6\"><c r=\"A6\"><v>5</v></c><c r=\"B6\" s=\"1\"><v>1</v></c></row>";
		byte[] file = workbook(sheet(rows), null, null);
		ImportProblems problems = new ImportProblems("dates.xlsx");
		List<String> read = new ArrayList<>();
		CsvImportReader.read(new ByteArrayInputStream(file),
				List.of(Column.required("employee_number"), Column.optional("start")), problems,
				(row) -> read.add(row.text("employee_number") + ":" + row.date("start", false)));
		assertThat(problems.list())
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code)
			.containsExactly(tuple(2L, 2, "start", "spreadsheet.dateOutOfRange"),
					tuple(3L, 2, "start", "spreadsheet.dateOutOfRange"));
		// 45658 is 2025-01-01 (Excel's own count), so 46356 = 45658 + 365 + 333 is
		// 2026-11-30;
		// 2958465 is Excel's last day, 1 its first.
		assertThat(read).containsExactly("3:2026-11-30", "4:9999-12-31", "5:1900-01-01");
	}

	private static List<org.assertj.core.groups.Tuple> problems(byte[] file) {
		return read(file).stream()
			.map((problem) -> tuple(problem.line(), problem.column(), problem.code(), problem.args()))
			.toList();
	}

	private static List<ImportProblem> read(byte[] file) {
		ImportProblems problems = new ImportProblems("test.xlsx");
		CsvImportReader.read(new ByteArrayInputStream(file), List.of(Column.required("employee_number")), problems,
				(row) -> {
				});
		return problems.list();
	}

	private static String sharedStrings(long bytes) {
		String one = "<si><t>a</t></si>";
		StringBuilder xml = new StringBuilder(
				"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
		while (xml.length() < bytes) {
			xml.append(one);
		}
		return xml.append("</sst>").toString();
	}

	private static String sheet(String rows) {
		return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
				+ "</sheetData></worksheet>";
	}

	/**
	 * A minimal workbook by hand: one sheet, a style with the built-in date format, and
	 * shared strings when given, under {@code xl/sharedStrings.xml} or the given name.
	 */
	private static byte[] workbook(String sheet, String sharedStrings, String sharedStringsName) throws IOException {
		String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
		String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
		String stringsName = (sharedStringsName != null) ? sharedStringsName : "xl/sharedStrings.xml";
		Map<String, String> parts = new LinkedHashMap<>();
		parts
			.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
					+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
					+ ((sharedStrings != null) ? "<Override PartName=\"/" + stringsName
							+ "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
							: "")
					+ "</Types>");
		parts.put("_rels/.rels",
				"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
						+ "</Relationships>");
		parts.put("xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>"
				+ "<sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
		parts.put("xl/_rels/workbook.xml.rels",
				"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
						+ "<Relationship Id=\"rId2\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/>"
						+ "</Relationships>");
		parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + main + "\"><cellXfs count=\"2\">"
				+ "<xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
		parts.put("xl/worksheets/sheet1.xml", sheet);
		if (sharedStrings != null) {
			parts.put(stringsName, sharedStrings);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static byte[] zip(long... sizes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			byte[] zeros = new byte[64 * 1024];
			for (int i = 0; i < sizes.length; i++) {
				zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i + ".xml"));
				for (long written = 0; written < sizes[i]; written += zeros.length) {
					zip.write(zeros);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
