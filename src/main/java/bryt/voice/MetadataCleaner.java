package bryt.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Removes what a file says about its author before it is encrypted and stored: EXIF
 * (including GPS) and XMP from JPEG, every metadata chunk from PNG (by writing the pixels
 * anew), author, producer, dates and XMP from PDF, properties and the authors of changes
 * and comments from Office Open XML and OpenDocument files ({@link OfficeDocuments}).
 * Other types, and the binary Office formats of 1997–2003, are stored as they are, and
 * the reporter is told so.
 */
final class MetadataCleaner {

	/** Office and OpenDocument file names; such a file that cannot be read is said so. */
	private static final List<String> OFFICE_EXTENSIONS = List.of(".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".xltx",
			".pptx", ".pptm", ".potx", ".odt", ".ott", ".ods", ".ots", ".odp", ".otp", ".odg", ".doc", ".dot", ".xls",
			".xlt", ".ppt", ".pot");

	private MetadataCleaner() {
	}

	static Cleaned clean(String name, byte[] bytes) {
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		try {
			if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
				ByteArrayOutputStream withoutExif = new ByteArrayOutputStream();
				new ExifRewriter().removeExifMetadata(bytes, withoutExif);
				ByteArrayOutputStream withoutXmp = new ByteArrayOutputStream();
				new JpegXmpRewriter().removeXmpXml(withoutExif.toByteArray(), withoutXmp);
				return new Cleaned(withoutXmp.toByteArray(), "image/jpeg", Result.IMAGE_CLEANED);
			}
			if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
				ByteArrayOutputStream png = new ByteArrayOutputStream();
				Imaging.writeImage(Imaging.getBufferedImage(bytes), png, ImageFormats.PNG);
				return new Cleaned(png.toByteArray(), "image/png", Result.IMAGE_CLEANED);
			}
			if (startsWith(bytes, '%', 'P', 'D', 'F')) {
				try (PDDocument pdf = Loader.loadPDF(bytes)) {
					pdf.setDocumentInformation(new PDDocumentInformation());
					pdf.getDocumentCatalog().setMetadata(null);
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					pdf.save(out);
					return new Cleaned(out.toByteArray(), "application/pdf", Result.PDF_CLEANED);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return new Cleaned(bytes, "application/octet-stream", Result.COULD_NOT_CLEAN);
		}
		boolean office = OFFICE_EXTENSIONS.stream().anyMatch(lower::endsWith);
		if (startsWith(bytes, 'P', 'K', 3, 4)) {
			try {
				Optional<OfficeDocuments.Format> format = OfficeDocuments.format(bytes);
				if (format.isPresent()) {
					return new Cleaned(OfficeDocuments.clean(bytes, format.get()), "application/octet-stream",
							(format.get() == OfficeDocuments.Format.OPEN_DOCUMENT) ? Result.OPENDOCUMENT_CLEANED
									: Result.OFFICE_AUTHORS_CLEANED);
				}
			}
			catch (IOException | RuntimeException ex) {
				return new Cleaned(bytes, "application/octet-stream", Result.COULD_NOT_CLEAN);
			}
		}
		// Word, Excel and PowerPoint 97–2003, and password-protected Office files, are
		// OLE
		// compound files.
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1) && office) {
			return new Cleaned(bytes, "application/octet-stream", Result.BINARY_OFFICE_NOT_CLEANED);
		}
		return new Cleaned(bytes, "application/octet-stream", office ? Result.COULD_NOT_CLEAN : Result.NOT_CLEANED);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What happened to a file's metadata; the message bundle explains each to the
	 * reporter.
	 */
	enum Result {

		IMAGE_CLEANED, PDF_CLEANED,
		/** Office properties only: what files stored before authors were cleaned say. */
		OFFICE_CLEANED,
		/** Office properties, and the authors and dates of changes and comments. */
		OFFICE_AUTHORS_CLEANED, OPENDOCUMENT_CLEANED,
		/** What older Office and OpenDocument files stored before this version say. */
		OFFICE_NOT_CLEANED,
		/** Word, Excel or PowerPoint 97–2003, or a password-protected Office file. */
		BINARY_OFFICE_NOT_CLEANED, NOT_CLEANED, COULD_NOT_CLEAN

	}

	record Cleaned(byte[] bytes, String mediaType, Result result) {

		@Override
		public String toString() {
			return "Cleaned[" + this.result + "]";
		}

	}

}
