package bryt.shared.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
 * since the zip must be held in memory to be read. The parts FastExcel holds in memory
 * whole, the shared strings and the styles, may unpack to at most
 * {@link #MAX_UNPACKED_IN_MEMORY} each: a string costs far more on the heap than its
 * {@code <si><t>a</t></si>} in the file, so 850 MB of them would exhaust the heap long
 * before the overall limit is reached.
 *
 * <p>
 * Whatever FastExcel or its XML parser throws while reading rows (an entity, a DOCTYPE, a
 * broken cell) becomes {@link Unreadable}, with the row when known and never with a
 * cell's content.
 */
final class SpreadsheetFile implements AutoCloseable {

	/** The most an .xlsx may weigh: far more than the 1,000,000 rows Excel holds. */
	static final long MAX_PACKED = 100L << 20;

	/** The most its entries may unpack to together. */
	static final long MAX_UNPACKED = 1L << 30;

	/**
	 * The most the shared strings (and the styles) may unpack to. A real export of
	 * 300,000 cases holds about 11 MB of shared strings; 32 MiB leaves room for three
	 * times that, while keeping what FastExcel's table of strings may hold on the heap in
	 * the low hundreds of megabytes even for one-letter strings.
	 */
	static final long MAX_UNPACKED_IN_MEMORY = 32L << 20;

	/**
	 * The part FastExcel reads the shared strings from when the content types name none.
	 */
	private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

	private static final Set<String> IN_MEMORY_TYPES = Set.of(
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");

	/**
	 * The first and last serial numbers Excel shows as a date: 1900-01-01 and 9999-12-31,
	 * the years a CSV date ({@code yyyy}) can hold too.
	 */
	private static final BigDecimal FIRST_DATE = BigDecimal.ONE;

	private static final BigDecimal AFTER_LAST_DATE = BigDecimal.valueOf(2_958_466);

	private final ReadableWorkbook workbook;

	private final Stream<Row> rows;

	/**
	 * The header's width once read: cells beyond it are only looked at to refuse the row.
	 */
	private int width = Integer.MAX_VALUE;

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
		checkUnpackedSize(bytes, MAX_UNPACKED, MAX_UNPACKED_IN_MEMORY);
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
	 * real bytes pass {@code limit}, or once a part FastExcel holds in memory whole (the
	 * shared strings, the styles: found by their content type, as FastExcel finds them)
	 * passes {@code inMemoryLimit}.
	 */
	static void checkUnpackedSize(byte[] bytes, long limit, long inMemoryLimit) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			Set<String> inMemory = inMemoryParts(zip, inMemoryLimit);
			Enumeration<ZipArchiveEntry> entries = zip.getEntries();
			while (entries.hasMoreElements()) {
				ZipArchiveEntry next = entries.nextElement();
				boolean held = inMemory.contains(next.getName());
				long size = 0;
				try (InputStream entry = zip.getInputStream(next)) {
					int read;
					while ((read = entry.read(buffer)) > 0) {
						total += read;
						size += read;
						if (total > limit) {
							throw new Refused("spreadsheet.unpacksTooLarge", String.valueOf(limit >> 20));
						}
						if (held && size > inMemoryLimit) {
							throw new Refused("spreadsheet.stringsTooLarge", String.valueOf(inMemoryLimit >> 20));
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException | XMLStreamException ex) {
			if (ex instanceof Refused refused) {
				throw refused;
			}
			throw new Refused("spreadsheet.notWorkbook");
		}
	}

	/**
	 * The entries FastExcel reads whole: those {@code [Content_Types].xml} gives the
	 * shared strings' or the styles' type, and the usual shared strings part.
	 */
	private static Set<String> inMemoryParts(ZipFile zip, long limit) throws IOException, XMLStreamException {
		Set<String> parts = new HashSet<>();
		parts.add(SHARED_STRINGS);
		ZipArchiveEntry types = zip.getEntry("[Content_Types].xml");
		if (types == null) {
			return parts;
		}
		byte[] xml;
		try (InputStream in = zip.getInputStream(types)) {
			xml = in.readNBytes((int) limit + 1);
		}
		if (xml.length > limit) {
			throw new Refused("spreadsheet.stringsTooLarge", String.valueOf(limit >> 20));
		}
		// The JDK's own parser, without DTDs or external entities: this file is anyone's.
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
		try {
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT
						&& IN_MEMORY_TYPES.contains(String.valueOf(reader.getAttributeValue(null, "ContentType")))) {
					String name = reader.getAttributeValue(null, "PartName");
					if (name != null) {
						parts.add(name.startsWith("/") ? name.substring(1) : name);
					}
				}
			}
		}
		finally {
			reader.close();
		}
		return parts;
	}

	/**
	 * The sheet's rows that hold anything, each as its row number and cell texts.
	 * @throws Unreadable from the iterator when the sheet cannot be read on
	 */
	Iterator<Line> lines() {
		Iterator<Line> lines = this.rows.map(this::line)
			.filter((line) -> line.width() > 0 || !line.refusals().isEmpty())
			.iterator();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				try {
					return lines.hasNext();
				}
				catch (Unreadable ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					throw new Unreadable(0, ex);
				}
			}

			@Override
			public Line next() {
				try {
					Line line = lines.next();
					if (SpreadsheetFile.this.width == Integer.MAX_VALUE) {
						SpreadsheetFile.this.width = line.values().length;
					}
					return line;
				}
				catch (Unreadable ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					throw new Unreadable(0, ex);
				}
			}

		};
	}

	/**
	 * A row's cells up to the header's width. Beyond it, a row from Excel may name a cell
	 * as far out as column XFD, and FastExcel fills the gap with nothing: rather than
	 * looking at each of 16,000 gaps, the row is walked back from its last cell only
	 * until every cell it really has is seen; the first one that holds anything makes the
	 * row too wide.
	 */
	private Line line(Row row) {
		try {
			int count = row.getCellCount();
			int physical = row.getPhysicalCellCount();
			int within = Math.min(count, this.width);
			String[] values = new String[within];
			List<Integer> refusals = new ArrayList<>();
			int seen = 0;
			int last = 0;
			for (int i = 0; i < within; i++) {
				Cell cell = row.getCell(i);
				seen += (cell != null) ? 1 : 0;
				if (isDate(cell) && !inDateRange(cell)) {
					refusals.add(i + 1);
					values[i] = "";
					continue;
				}
				values[i] = text(cell);
				// Cells a user once touched and emptied again count as nothing.
				last = values[i].isBlank() ? last : i + 1;
			}
			int width = last;
			for (int i = count - 1; i >= within && seen < physical; i--) {
				Cell cell = row.getCell(i);
				if (cell != null) {
					seen++;
					if (cell.getType() != CellType.EMPTY && !text(cell).isBlank()) {
						width = i + 1;
						break;
					}
				}
			}
			return new Line(row.getRowNum(), Arrays.copyOf(values, Math.min(width, within)), width,
					List.copyOf(refusals));
		}
		catch (RuntimeException ex) {
			throw new Unreadable(row.getRowNum(), ex);
		}
	}

	private static boolean isDate(Cell cell) {
		return cell != null && cell.getType() == CellType.NUMBER && isDateFormat(cell);
	}

	/**
	 * Whether a date cell lies in the years Excel and a CSV date can show (1900–9999).
	 */
	private static boolean inDateRange(Cell cell) {
		BigDecimal serial = cell.asNumber();
		return serial.compareTo(FIRST_DATE) >= 0 && serial.compareTo(AFTER_LAST_DATE) < 0;
	}

	static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			if (isDateFormat(cell)) {
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
	private static boolean isDateFormat(Cell cell) {
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

	/**
	 * A row of the file: its number as the user sees it, and its cells.
	 *
	 * @param width how many cells the row really has up to its last non-empty one, which
	 * may be more than {@code values} holds (a spreadsheet row is cut at the header's
	 * width)
	 * @param refusals the 1-based columns of date cells outside the years a date can have
	 */
	record Line(long line, String[] values, int width, List<Integer> refusals) {

		Line(long line, String[] values) {
			this(line, values, values.length, List.of());
		}

	}

	/**
	 * The sheet could not be read on: its XML broken, an entity or DOCTYPE in it, a cell
	 * FastExcel cannot take. Carries the row when known (0 otherwise), never the content.
	 */
	static final class Unreadable extends RuntimeException {

		final long row;

		Unreadable(long row, Throwable cause) {
			super("unreadable spreadsheet row " + row, cause);
			this.row = row;
		}

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
