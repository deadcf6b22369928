package bryt.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

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
 * anew), author, producer, dates and XMP from PDF. Other types are stored as they are,
 * and the reporter is told so.
 */
final class MetadataCleaner {

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
		boolean ooxml = lower.endsWith(".docx") || lower.endsWith(".xlsx") || lower.endsWith(".pptx");
		if (ooxml && startsWith(bytes, 'P', 'K', 3, 4)) {
			try {
				return new Cleaned(OfficeProperties.clear(bytes), "application/octet-stream", Result.OFFICE_CLEANED);
			}
			catch (IOException | RuntimeException ex) {
				return new Cleaned(bytes, "application/octet-stream", Result.COULD_NOT_CLEAN);
			}
		}
		if (ooxml || lower.endsWith(".doc") || lower.endsWith(".xls") || lower.endsWith(".ppt")
				|| lower.endsWith(".odt")) {
			return new Cleaned(bytes, "application/octet-stream", Result.OFFICE_NOT_CLEANED);
		}
		return new Cleaned(bytes, "application/octet-stream", Result.NOT_CLEANED);
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

		IMAGE_CLEANED, PDF_CLEANED, OFFICE_CLEANED, OFFICE_NOT_CLEANED, NOT_CLEANED, COULD_NOT_CLEAN

	}

	record Cleaned(byte[] bytes, String mediaType, Result result) {

		@Override
		public String toString() {
			return "Cleaned[" + this.result + "]";
		}

	}

}
