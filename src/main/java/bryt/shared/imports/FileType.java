package bryt.shared.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * What an uploaded file is, read from its first bytes (its magic number), whatever its
 * name says: an import reads CSV and XLSX, and names anything else it recognises (a PDF,
 * an old Excel workbook, Excel's "Unicode text") instead of failing on line 1 as CSV.
 */
enum FileType {

	/** No bytes at all. */
	EMPTY(null),
	/** A zip: an Office Open XML workbook if it holds one (checked when it is opened). */
	XLSX(null),
	/** Text: CSV, or something the CSV reader will describe. */
	CSV(null), PDF("fileType.pdf"),
	/**
	 * An OLE2 compound file: Excel 97–2003 (.xls), also Word 97–2003; neither is read.
	 */
	LEGACY_EXCEL("fileType.legacyExcel"),
	/** UTF-16, as Excel's "Unicode text" saves it. */
	UTF16("fileType.utf16"),
	/** An image, an archive or another binary format. */
	BINARY("fileType.binary");

	/** The problem code that names the type, {@code null} for a type an import reads. */
	final String problem;

	FileType(String problem) {
		this.problem = problem;
	}

	private static final byte[][] BINARY_SIGNATURES = { { (byte) 0x89, 'P', 'N', 'G' }, { (byte) 0xFF, (byte) 0xD8 },
			{ 'G', 'I', 'F', '8' }, { 0x1F, (byte) 0x8B }, { 'R', 'a', 'r', '!' },
			{ '7', 'z', (byte) 0xBC, (byte) 0xAF }, { '{', '\\', 'r', 't', 'f' } };

	/** Reads the first bytes and steps back, so that the file is read whole after. */
	static FileType of(BufferedInputStream in) throws IOException {
		in.mark(16);
		byte[] head = in.readNBytes(8);
		in.reset();
		if (head.length == 0) {
			return EMPTY;
		}
		if (startsWith(head, 'P', 'K', 3, 4)) {
			return XLSX;
		}
		if (startsWith(head, '%', 'P', 'D', 'F')) {
			return PDF;
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
			return LEGACY_EXCEL;
		}
		if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
			return UTF16;
		}
		for (byte[] signature : BINARY_SIGNATURES) {
			if (head.length >= signature.length && Arrays.equals(Arrays.copyOf(head, signature.length), signature)) {
				return BINARY;
			}
		}
		return CSV;
	}

	private static boolean startsWith(byte[] head, int... bytes) {
		if (head.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((head[i] & 0xFF) != (bytes[i] & 0xFF)) {
				return false;
			}
		}
		return true;
	}

}
