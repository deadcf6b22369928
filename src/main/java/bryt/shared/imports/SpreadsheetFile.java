package bryt.shared.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * The first visible sheet of an .xlsx workbook, row by row, each cell as the text an
 * import reads: text as it is, a date cell as {@code yyyy-mm-dd}, a number in full
 * ({@code 0.75}, {@code 75}: a cell formatted as 75 % holds 0.75), a formula by its
 * stored result. Row numbers are the sheet's own, so problems point at what the user sees
 * in Excel.
 *
 * <p>
 * An .xlsx is a zip, and a zip can unpack to far more than it weighs. Before FastExcel
 * reads anything, every entry the zip's central directory lists (the directory FastExcel
 * reads too) is inflated once and its real bytes counted: over {@link #MAX_UNPACKED} in
 * all, the file is refused. The workbook itself may weigh at most {@link #MAX_PACKED},
 * since the zip must be held in memory to be read.
 */
final class SpreadsheetFile implements AutoCloseable {

	/** The most an .xlsx may weigh: far more than the 1,000,000 rows Excel holds. */
	static final long MAX_PACKED = 100L << 20;

	/** The most its entries may unpack to together. */
	static final long MAX_UNPACKED = 1L << 30;

	private final ReadableWorkbook workbook;

	private final Stream<Row> rows;

	private SpreadsheetFile(ReadableWorkbook workbook, Stream<Row> rows) {
		this.workbook = workbook;
		this.rows = rows;
	}

	/**
	 * Opens a workbook.
	 * @throws Refused with the problem code when the file is too large, unpacks to too
	 * much, or holds no workbook
	 */
	static SpreadsheetFile open(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes((int) MAX_PACKED + 1);
		if (bytes.length > MAX_PACKED) {
			throw new Refused("spreadsheet.tooLarge", String.valueOf(MAX_PACKED >> 20));
		}
		checkUnpackedSize(bytes, MAX_UNPACKED);
		ReadableWorkbook workbook;
		try {
			workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
		}
		catch (IOException | RuntimeException ex) {
			throw new Refused("spreadsheet.notWorkbook");
		}
		Sheet sheet = workbook.getSheets()
			.filter((candidate) -> candidate.getVisibility() == SheetVisibility.VISIBLE)
			.findFirst()
			.orElse(null);
		if (sheet == null) {
			workbook.close();
			throw new Refused("spreadsheet.notWorkbook");
		}
		return new SpreadsheetFile(workbook, sheet.openStream());
	}

	/**
	 * Inflates every entry the central directory lists and refuses the file once their
	 * real bytes pass {@code limit}.
	 */
	static void checkUnpackedSize(byte[] bytes, long limit) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			Enumeration<ZipArchiveEntry> entries = zip.getEntries();
			while (entries.hasMoreElements()) {
				try (InputStream entry = zip.getInputStream(entries.nextElement())) {
					int read;
					while ((read = entry.read(buffer)) > 0) {
						total += read;
						if (total > limit) {
							throw new Refused("spreadsheet.unpacksTooLarge", String.valueOf(limit >> 20));
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Refused refused) {
				throw refused;
			}
			throw new Refused("spreadsheet.notWorkbook");
		}
	}

	/** The sheet's rows that hold anything, each as its row number and cell texts. */
	Iterator<Line> lines() {
		return this.rows.map(SpreadsheetFile::line).filter((line) -> line.values().length > 0).iterator();
	}

	private static Line line(Row row) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			values.add(text(row.getCell(i)));
		}
		// Cells a user once touched and emptied again count as nothing.
		while (!values.isEmpty() && values.getLast().isBlank()) {
			values.removeLast();
		}
		return new Line(row.getRowNum(), values.toArray(String[]::new));
	}

	static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			if (isDate(cell)) {
				return cell.asDate().toLocalDate().toString();
			}
			BigDecimal number = cell.asNumber();
			return (number.signum() == 0) ? "0" : number.stripTrailingZeros().toPlainString();
		}
		if (cell.getType() == CellType.BOOLEAN) {
			return String.valueOf(cell.asBoolean());
		}
		if (cell.getType() == CellType.FORMULA) {
			return (cell.getRawValue() != null) ? cell.getRawValue() : "";
		}
		String text = cell.getText();
		return (text != null) ? text : "";
	}

	/**
	 * Whether a number is shown as a date: Excel's built-in date formats (14–17, 22) or a
	 * format of its own with a year or a day in it, outside quoted text and brackets.
	 */
	private static boolean isDate(Cell cell) {
		Integer id = cell.getDataFormatId();
		if (id != null && ((id >= 14 && id <= 17) || id == 22)) {
			return true;
		}
		String format = cell.getDataFormatString();
		if (format == null) {
			return false;
		}
		String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
		return bare.contains("y") || bare.contains("d");
	}

	@Override
	public void close() throws IOException {
		this.rows.close();
		this.workbook.close();
	}

	/** A row of the file: its number as the user sees it, and its cells. */
	record Line(long line, String[] values) {
	}

	/** A file that is not read at all, with the problem's code and arguments. */
	static final class Refused extends IOException {

		final String code;

		final String[] args;

		Refused(String code, String... args) {
			super(code);
			this.code = code;
			this.args = args;
		}

	}

}
