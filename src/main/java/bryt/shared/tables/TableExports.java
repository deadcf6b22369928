package bryt.shared.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes a {@link FigureTable} as a download: CSV (RFC 4180) or Excel (.xlsx), with the
 * headers of the page and every row of the table in the page's order.
 * <ul>
 * <li>CSV holds each cell's text exactly as the page shows it (in the reader's language,
 * e.g. {@code 1,5} and {@code 62 %} in Swedish), separated as a spreadsheet in that
 * language expects (a semicolon where the decimal mark is a comma, as in Swedish and
 * Danish, whose Excel otherwise opens the file in one column; a comma elsewhere), fields
 * quoted where they need it, lines ended by CRLF, in UTF-8 with a byte order mark:
 * without the mark Excel reads the file as the Windows code page and garbles å, ä, ö and
 * ø.</li>
 * <li>Excel holds figures as numeric cells, rounded as the page rounds them and shown in
 * the same number of decimals (a share as a percentage), text as text.</li>
 * <li>CSV injection (OWASP): a text cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is written with a leading apostrophe,
 * so a spreadsheet shows it as text instead of running it as a formula. Figures are
 * Bryt's own formatted numbers and are written as they are. In Excel the question does
 * not arise: text is written as a string cell, never as a formula.</li>
 * </ul>
 * The response is never cached: the figures are not public.
 */
public final class TableExports {

	/** The formats a page offers, by the {@code format} parameter. */
	public enum Format {

		CSV("csv", "text/csv;charset=UTF-8"),
		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		private final String extension;

		private final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		/** The file name's extension, and the {@code format} parameter's value. */
		public String extension() {
			return this.extension;
		}

		/** The response's content type. */
		public String mediaType() {
			return this.mediaType;
		}

		/** The format of a {@code format} parameter, if it names one. */
		public static Optional<Format> of(String parameter) {
			for (Format format : values()) {
				if (format.extension.equals(parameter)) {
					return Optional.of(format);
				}
			}
			return Optional.empty();
		}

	}

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private TableExports() {
	}

	/**
	 * The table as a file to download, named after the table and the date of its figures
	 * (e.g. {@code workers-2026-03-16.csv}).
	 */
	public static ResponseEntity<byte[]> download(FigureTable table, Format format, LocalDate at, Locale locale) {
		byte[] body = (format == Format.CSV) ? csv(table, locale) : xlsx(table);
		String name = table.name() + ((at != null) ? "-" + at : "") + "." + format.extension;
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	/** The table as CSV, see the class comment. */
	public static byte[] csv(FigureTable table, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(BOM);
		char separator = (DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',') ? ';' : ',';
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CsvWriter csv = CsvWriter.builder()
					.fieldSeparator(separator)
					.lineDelimiter(LineDelimiter.CRLF)
					.build(writer)) {
			csv.writeRecord(table.columns().stream().map((column) -> escaped(column.header())).toList());
			for (List<Cell> row : table.rows()) {
				List<String> fields = new ArrayList<>(row.size());
				for (Cell cell : row) {
					fields.add((cell.number() != null) ? cell.text() : escaped(cell.text()));
				}
				csv.writeRecord(fields);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The table as an Excel workbook of one sheet, see the class comment. */
	public static byte[] xlsx(FigureTable table) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			// The version must be digits and dots: Excel refuses the file otherwise.
			Workbook workbook = new Workbook(out, "Bryt", "1.0");
			Worksheet sheet = workbook.newWorksheet(sheetName(table.name()));
			for (int c = 0; c < table.columns().size(); c++) {
				sheet.value(0, c, table.columns().get(c).header());
				sheet.style(0, c).bold().set();
			}
			sheet.freezePane(0, 1);
			for (int r = 0; r < table.rows().size(); r++) {
				List<Cell> row = table.rows().get(r);
				for (int c = 0; c < row.size(); c++) {
					Cell cell = row.get(c);
					if (cell.number() != null) {
						sheet.value(r + 1, c, cell.number());
						sheet.style(r + 1, c).format(cell.excelFormat()).set();
					}
					else if (!cell.text().isEmpty() && !Cell.NONE.equals(cell.text())) {
						sheet.value(r + 1, c, cell.text());
					}
				}
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A cell's text made safe from being read as a formula (OWASP's CSV injection). */
	static String escaped(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	/** Excel's sheet names: at most 31 characters, none of {@code []:*?/\}. */
	private static String sheetName(String name) {
		String safe = name.replaceAll("[\\[\\]:*?/\\\\]", "-");
		return (safe.length() > 31) ? safe.substring(0, 31) : safe;
	}

}
