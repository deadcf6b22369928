package bryt.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Empties the document properties of an Office Open XML file (docx, xlsx, pptx): the
 * package parts {@code docProps/core.xml} (creator, last modified by, revision, dates),
 * {@code docProps/app.xml} (company, manager, application, editing time) and
 * {@code docProps/custom.xml} are replaced by empty, valid parts; every other part is
 * copied unchanged. Names in tracked changes and comments stay, and the reporter is told
 * so. The JDK's zip support suffices: the parts are replaced whole, never parsed.
 */
final class OfficeProperties {

	/** A zip that unpacks to more than this is not cleaned (and stored as it is). */
	static final long MAX_UNPACKED = 200L * 1024 * 1024;

	private static final Map<String, String> EMPTY_PARTS = Map.of("docProps/core.xml", """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
			xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
			xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
			""", "docProps/app.xml", """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>
			""", "docProps/custom.xml", """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>
			""");

	private OfficeProperties() {
	}

	static byte[] clear(byte[] zip) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
		long unpacked = 0;
		boolean isOoxml = false;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream cleaned = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				isOoxml |= entry.getName().equals("[Content_Types].xml");
				cleaned.putNextEntry(new ZipEntry(entry.getName()));
				String empty = EMPTY_PARTS.get(entry.getName());
				if (empty != null) {
					cleaned.write(empty.getBytes(StandardCharsets.UTF_8));
				}
				else {
					unpacked += copy(in, cleaned, MAX_UNPACKED - unpacked);
				}
				cleaned.closeEntry();
			}
		}
		if (!isOoxml) {
			throw new IOException("Not an Office Open XML package");
		}
		return out.toByteArray();
	}

	private static long copy(InputStream in, ZipOutputStream out, long allowed) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long copied = 0;
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			copied += read;
			if (copied > allowed) {
				throw new IOException("The package unpacks to more than " + MAX_UNPACKED + " bytes");
			}
			out.write(buffer, 0, read);
		}
		return copied;
	}

}
