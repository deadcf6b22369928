package bryt.shared.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import bryt.shared.PersonalIdentityNumbers;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import org.dhatim.fastexcel.reader.ExcelReaderException;

/**
 * Streams the rows of a CSV export: UTF-8 or Windows-1252, comma or semicolon, canonical
 * or Swedish/Danish column names. Every header and every cell of every column, known or
 * not, passes the personal identity number guard; a hit is reported by line and column,
 * never by value or header name. A NUL character is refused the same way. Columns the
 * import does not know are otherwise ignored.
 */
public final class CsvImportReader {

	private CsvImportReader() {
	}

	/**
	 * Reads a file and hands each data row to {@code rows}. Problems are recorded in
	 * {@code problems}; a file without a header or without a required column is not read
	 * any further.
	 * @param in the file's bytes; closed when done
	 * @param columns the columns the import understands
	 * @param problems where problems are recorded
	 * @param rows receives each data row
	 * @return the header, or {@code null} if the file has none that can be used
	 */
	public static CsvHeader read(InputStream in, List<Column> columns, ImportProblems problems, Consumer<CsvRow> rows) {
		try (BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024)) {
			FileType type = FileType.of(buffered);
			if (type == FileType.EMPTY) {
				problems.add(0, 0, "", "empty");
				return null;
			}
			if (type.problem != null) {
				problems.add(0, 0, "", type.problem);
				return null;
			}
			if (type == FileType.XLSX) {
				problems.spreadsheet(true);
				try (SpreadsheetFile sheet = SpreadsheetFile.open(buffered)) {
					Iterator<SpreadsheetFile.Line> lines = sheet.lines();
					if (!lines.hasNext()) {
						problems.add(0, 0, "", "empty");
						return null;
					}
					return read(lines, columns, problems, rows);
				}
			}
			return readCsv(buffered, columns, problems, rows);
		}
		catch (SpreadsheetFile.Refused ex) {
			problems.add(0, 0, "", ex.code, ex.args);
		}
		catch (SpreadsheetFile.Unreadable ex) {
			// Never the cause's message: an XML parser quotes what it choked on.
			problems.add(ex.row, 0, "", "unreadable");
		}
		catch (CsvParseException ex) {
			problems.add(0, 0, "", "malformed");
		}
		catch (UncheckedIOException ex) {
			problems.add(0, 0, "", (ex.getCause() instanceof CharacterCodingException) ? "encoding" : "unreadable");
		}
		catch (CharacterCodingException ex) {
			problems.add(0, 0, "", "encoding");
		}
		catch (IOException | ExcelReaderException ex) {
			problems.add(0, 0, "", "unreadable");
		}
		return null;
	}

	private static CsvHeader readCsv(InputStream in, List<Column> columns, ImportProblems problems,
			Consumer<CsvRow> rows) throws IOException {
		try (BufferedReader reader = new BufferedReader(new CharsetDetectingReader(in), 64 * 1024)) {
			reader.mark(64 * 1024);
			String firstLine = reader.readLine();
			if (firstLine == null || firstLine.isBlank()) {
				problems.add(0, 0, "", "empty");
				return null;
			}
			reader.reset();
			char separator = separator(firstLine);
			try (CsvReader<CsvRecord> csv = CsvReader.builder()
				.fieldSeparator(separator)
				.skipEmptyLines(true)
				.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
				.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
				.ofCsvRecord(reader)) {
				Iterator<CsvRecord> records = csv.iterator();
				Iterator<SpreadsheetFile.Line> lines = new Iterator<>() {

					@Override
					public boolean hasNext() {
						return records.hasNext();
					}

					@Override
					public SpreadsheetFile.Line next() {
						CsvRecord record = records.next();
						return new SpreadsheetFile.Line(record.getStartingLineNumber(),
								record.getFields().toArray(String[]::new));
					}

				};
				return read(lines, columns, problems, rows);
			}
		}
	}

	/**
	 * The checks every file passes, CSV or spreadsheet alike: the header, the guard on
	 * every cell, the width of each row.
	 */
	private static CsvHeader read(Iterator<SpreadsheetFile.Line> records, List<Column> columns, ImportProblems problems,
			Consumer<CsvRow> rows) {
		SpreadsheetFile.Line first = records.next();
		String[] header = first.values();
		Map<String, Integer> positions = new HashMap<>();
		Map<String, String> headers = new HashMap<>();
		if (!mapHeader(first.line(), header, columns, positions, headers, problems)) {
			return null;
		}
		int width = header.length;
		boolean any = false;
		while (records.hasNext()) {
			SpreadsheetFile.Line record = records.next();
			long line = record.line();
			String[] values = record.values();
			if (problems.isSpreadsheet() && record.width() > width) {
				// Named by its last non-empty cell, the one beyond the header.
				problems.add(line, record.width(), "", "fieldCount", String.valueOf(width),
						String.valueOf(record.width()));
				continue;
			}
			if (problems.isSpreadsheet() && values.length < width) {
				// A sheet leaves empty cells at the end of a row out.
				values = java.util.Arrays.copyOf(values, width);
				java.util.Arrays.fill(values, record.values().length, width, "");
			}
			if (values.length != width) {
				problems.add(line, 0, "", "fieldCount", String.valueOf(width), String.valueOf(values.length));
				continue;
			}
			boolean clean = record.refusals().isEmpty();
			for (int column : record.refusals()) {
				problems.add(line, column, header[column - 1].strip(), "spreadsheet.dateOutOfRange");
			}
			for (int i = 0; i < values.length; i++) {
				String refusal = refusal(values[i]);
				if (refusal != null) {
					// The header passed the same check, so its name may be shown.
					problems.add(line, i + 1, header[i].strip(), refusal);
					clean = false;
				}
			}
			any = true;
			if (clean) {
				rows.accept(new CsvRow(line, values, positions, headers, problems));
			}
		}
		if (!any) {
			problems.add(0, 0, "", "noRows");
		}
		return new CsvHeader(positions, headers);
	}

	/**
	 * The first rows of a file (the header included), read the way an import reads them.
	 * Show it only for a file that passed an import: before that it may hold values that
	 * must not be shown.
	 */
	public static List<List<String>> preview(InputStream in, int rows) {
		List<List<String>> preview = new java.util.ArrayList<>();
		BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
		try {
			if (FileType.of(buffered) == FileType.XLSX) {
				try (SpreadsheetFile sheet = SpreadsheetFile.open(buffered)) {
					Iterator<SpreadsheetFile.Line> lines = sheet.lines();
					while (lines.hasNext() && preview.size() < rows) {
						preview.add(List.of(lines.next().values()));
					}
				}
				return preview;
			}
		}
		catch (IOException | RuntimeException ex) {
			return preview;
		}
		try (BufferedReader reader = new BufferedReader(new CharsetDetectingReader(buffered), 64 * 1024)) {
			reader.mark(64 * 1024);
			String firstLine = reader.readLine();
			if (firstLine == null) {
				return preview;
			}
			reader.reset();
			try (CsvReader<CsvRecord> csv = CsvReader.builder()
				.fieldSeparator(separator(firstLine))
				.skipEmptyLines(true)
				.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
				.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
				.ofCsvRecord(reader)) {
				for (CsvRecord record : csv) {
					preview.add(record.getFields());
					if (preview.size() >= rows) {
						break;
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// A preview is a convenience: show what could be read.
		}
		return preview;
	}

	private static boolean mapHeader(long line, String[] header, List<Column> columns, Map<String, Integer> positions,
			Map<String, String> headers, ImportProblems problems) {
		for (int i = 0; i < header.length; i++) {
			String name = header[i];
			String refusal = refusal(name);
			if (refusal != null) {
				// A refused header is named by its position only, never by its text.
				problems.add(line, i + 1, "", refusal);
				continue;
			}
			for (Column column : columns) {
				if (column.matches(name)) {
					if (positions.containsKey(column.name())) {
						problems.add(line, i + 1, name.strip(), "duplicateColumn", column.name());
					}
					positions.put(column.name(), i);
					headers.put(column.name(), name.strip());
				}
			}
		}
		for (Column column : columns) {
			if (column.required() && !positions.containsKey(column.name())) {
				// Named by ImportProblem.heading as the template names it; the message
				// lists
				// every header the column is known by.
				problems.add(line, 0, column.name(), "missingColumn", column.name(), column.headers());
			}
		}
		return !problems.any();
	}

	/**
	 * Why a cell or header cannot be taken, as a problem code, or {@code null}. A NUL
	 * character is no text (PostgreSQL refuses it in any text column); a personal
	 * identity number must not be stored.
	 */
	private static String refusal(String value) {
		if (value.indexOf('\u0000') >= 0) {
			return "nulCharacter";
		}
		return PersonalIdentityNumbers.containsOne(value) ? "personalIdentityNumber" : null;
	}

	/**
	 * Semicolon when the header has more semicolons than commas (Excel in Swedish and
	 * Danish).
	 */
	static char separator(String headerLine) {
		long semicolons = headerLine.chars().filter((c) -> c == ';').count();
		long commas = headerLine.chars().filter((c) -> c == ',').count();
		return (semicolons > commas) ? ';' : ',';
	}

}
