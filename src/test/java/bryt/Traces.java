package bryt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Where a marker sent with a report could have been kept: the database as a dump would
 * hold it, and every file under a directory (the data directory: tables, the write-ahead
 * log, logs). For the tests that show that a text, a user agent or an address is kept
 * nowhere (Voice's reports, Safety's anonymous incidents).
 */
public final class Traces {

	private Traces() {
	}

	/** Every table of every schema but the system's, as {@code schema.table}. */
	public static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rs = connection.createStatement().executeQuery("""
						select format('%I.%I', schemaname, tablename) from pg_tables
						where schemaname not in ('pg_catalog', 'information_schema') order by 1
						""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	/**
	 * What {@code pg_dump} writes for the data: {@code COPY … TO STDOUT} of every table
	 * of every schema (Debian's pg_dump 15 cannot dump the embedded PostgreSQL 17), and
	 * large objects. The text format holds bytea hex-encoded, so its hex is decoded too;
	 * the binary format holds the bytes as they are.
	 */
	public static String dump(DataSource dataSource) throws Exception {
		StringBuilder all = new StringBuilder();
		List<String> tables = tables(dataSource);
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tables) {
				StringWriter text = new StringWriter();
				copy.copyOut("copy " + table + " to stdout", text);
				all.append(text).append(decodeHex(text.toString())).append('\n');
				ByteArrayOutputStream binary = new ByteArrayOutputStream();
				copy.copyOut("copy " + table + " to stdout (format binary)", binary);
				all.append(binary.toString(StandardCharsets.ISO_8859_1)).append('\n');
			}
			try (ResultSet rs = connection.createStatement()
				.executeQuery("select lo_get(oid) from pg_largeobject_metadata")) {
				while (rs.next()) {
					all.append(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).append('\n');
				}
			}
		}
		return all.toString();
	}

	/** The files under the directory holding any of the markers, with the marker. */
	public static List<String> filesContaining(Path directory, String... markers) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] bytes;
				try {
					bytes = Files.readAllBytes(file);
				}
				catch (IOException ex) {
					continue;
				}
				String content = new String(bytes, StandardCharsets.ISO_8859_1);
				for (String marker : markers) {
					if (content.contains(marker)) {
						found.add(file + ": " + marker);
					}
				}
			}
		}
		return found;
	}

	/** The bytea values of COPY's text format, {@code \\x0a1b…}, decoded. */
	private static String decodeHex(String copied) {
		StringBuilder decoded = new StringBuilder();
		Matcher hex = Pattern.compile("\\\\x([0-9a-f]+)").matcher(copied);
		while (hex.find()) {
			decoded.append(new String(java.util.HexFormat.of().parseHex(hex.group(1)), StandardCharsets.ISO_8859_1))
				.append('\n');
		}
		return decoded.toString();
	}

}
