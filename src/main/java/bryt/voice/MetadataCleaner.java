package bryt.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Removes what a file says about its author, device and place before it is encrypted and
 * stored, and says exactly what it removed ({@link Removed}), from what it found in this
 * file.
 *
 * <ul>
 * <li>JPEG: only the segments needed to decode it are kept, and nothing after its end
 * ({@link JpegSegments}).</li>
 * <li>PNG: only the chunks needed to draw it are kept, and nothing after its end
 * ({@link PngChunks}).</li>
 * <li>PDF: the document information and XMP of the document, of its pages and of its
 * images, applications' private data, the metadata of every JPEG image stream, and the
 * authors (replaced) and dates of comments and mark-up.</li>
 * <li>Office Open XML and OpenDocument: properties, the authors and dates of changes and
 * comments, and the metadata of every JPEG and PNG inside ({@link OfficeDocuments}).</li>
 * </ul>
 *
 * No image is ever decoded: both filters copy bytes, so a small file that would unpack to
 * a gigabyte of pixels costs no more than its size. An image with more pixels than
 * {@link Limits#maxPixels()} and a package that unpacks to more than its limits are
 * refused ({@link Refused}) rather than stored, so that neither reaches a recipient's
 * viewer uncleaned. Other types, and the binary Office formats of 1997–2003, are stored
 * as they are, and the reporter is told so.
 */
final class MetadataCleaner {

	/** Office and OpenDocument file names; such a file that cannot be read is said so. */
	private static final List<String> OFFICE_EXTENSIONS = List.of(".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".xltx",
			".pptx", ".pptm", ".potx", ".odt", ".ott", ".ods", ".ots", ".odp", ".otp", ".odg", ".doc", ".dot", ".xls",
			".xlt", ".ppt", ".pot");

	static final Limits DEFAULT_LIMITS = new Limits(40_000_000L, 10_000, 100L * 1024 * 1024, 100);

	private MetadataCleaner() {
	}

	/** With the default limits. */
	static Cleaned clean(String name, byte[] bytes) throws Refused {
		return clean(name, bytes, DEFAULT_LIMITS);
	}

	/**
	 * @throws Refused when the file is an image with too many pixels or a package that
	 * unpacks to too much
	 */
	static Cleaned clean(String name, byte[] bytes, Limits limits) throws Refused {
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		try {
			if (JpegSegments.isJpeg(bytes)) {
				return image(JpegSegments.clean(bytes), "image/jpeg", limits);
			}
			if (PngChunks.isPng(bytes)) {
				return image(PngChunks.clean(bytes), "image/png", limits);
			}
			if (startsWith(bytes, '%', 'P', 'D', 'F')) {
				return pdf(bytes);
			}
		}
		catch (IOException | RuntimeException ex) {
			return new Cleaned(bytes, "application/octet-stream", Result.COULD_NOT_CLEAN, Set.of());
		}
		boolean office = OFFICE_EXTENSIONS.stream().anyMatch(lower::endsWith);
		if (startsWith(bytes, 'P', 'K', 3, 4)) {
			try {
				Optional<OfficeDocuments.Format> format = OfficeDocuments.format(bytes, limits);
				if (format.isPresent()) {
					Set<Removed> removed = EnumSet.noneOf(Removed.class);
					byte[] cleaned = OfficeDocuments.clean(bytes, format.get(), limits, removed);
					return new Cleaned(cleaned, "application/octet-stream",
							removed.isEmpty() ? Result.OFFICE_NOTHING_FOUND : Result.OFFICE_REMOVED, removed);
				}
			}
			catch (OfficeDocuments.TooLarge ex) {
				throw new Refused(Refused.PACKAGE_TOO_LARGE);
			}
			catch (IOException | RuntimeException ex) {
				return new Cleaned(bytes, "application/octet-stream", Result.COULD_NOT_CLEAN, Set.of());
			}
		}
		// Word, Excel and PowerPoint 97–2003, and password-protected Office files, are
		// OLE compound files.
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1) && office) {
			return new Cleaned(bytes, "application/octet-stream", Result.BINARY_OFFICE_NOT_CLEANED, Set.of());
		}
		return new Cleaned(bytes, "application/octet-stream", office ? Result.COULD_NOT_CLEAN : Result.NOT_CLEANED,
				Set.of());
	}

	private static Cleaned image(JpegSegments.Filtered image, String mediaType, Limits limits) throws Refused {
		// The size comes from the header the filter read; nothing was decoded.
		if ((long) image.width() * image.height() > limits.maxPixels()) {
			throw new Refused(Refused.TOO_MANY_PIXELS);
		}
		return new Cleaned(image.bytes(), mediaType,
				image.removed().isEmpty() ? Result.IMAGE_NOTHING_FOUND : Result.IMAGE_REMOVED, image.removed());
	}

	/**
	 * The document information and XMP of the document; the XMP and applications' private
	 * data ({@code /PieceInfo}) of every object (pages, images, fonts); and the metadata
	 * segments of every image stored as a plain JPEG ({@code /DCTDecode}). Saving writes
	 * only the objects still referred to, so the removed ones are gone from the file, and
	 * earlier revisions appended to it with them.
	 */
	private static Cleaned pdf(byte[] bytes) throws IOException {
		Set<Removed> removed = EnumSet.noneOf(Removed.class);
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			COSDictionary info = pdf.getDocumentInformation().getCOSObject();
			if (info.size() > 0) {
				removed.add(Removed.DOCUMENT_PROPERTIES);
			}
			pdf.setDocumentInformation(new PDDocumentInformation());
			List<COSBase> objects = new ArrayList<>();
			objects.add(pdf.getDocumentCatalog().getCOSObject());
			for (COSObjectKey key : new ArrayList<>(pdf.getDocument().getXrefTable().keySet())) {
				COSObject object = pdf.getDocument().getObjectFromPool(key);
				if (object != null) {
					objects.add(object.getObject());
				}
			}
			Map<String, String> authors = new HashMap<>();
			for (COSBase object : objects) {
				if (!(object instanceof COSDictionary dictionary)) {
					continue;
				}
				if (dictionary.containsKey(COSName.METADATA)) {
					dictionary.removeItem(COSName.METADATA);
					removed.add(Removed.XMP);
				}
				if (dictionary.containsKey(COSName.PIECE_INFO)) {
					dictionary.removeItem(COSName.PIECE_INFO);
					removed.add(Removed.OTHER);
				}
				if (isComment(dictionary)) {
					// The author of a comment or mark-up, as Acrobat and Word write it.
					String author = dictionary.getString(COSName.T);
					if (author != null && !author.isBlank()) {
						dictionary.setString(COSName.T,
								authors.computeIfAbsent(author.strip(), (name) -> "Author " + (authors.size() + 1)));
						removed.add(Removed.AUTHOR_NAMES);
					}
					for (COSName date : List.of(COSName.M, COSName.CREATION_DATE)) {
						if (dictionary.containsKey(date)) {
							dictionary.removeItem(date);
							removed.add(Removed.CHANGE_DATES);
						}
					}
				}
				if (object instanceof COSStream stream && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
						&& onlyDct(stream.getFilters())) {
					byte[] jpeg;
					try (InputStream in = stream.createRawInputStream()) {
						jpeg = in.readAllBytes();
					}
					JpegSegments.Filtered filtered = JpegSegments.clean(jpeg);
					if (!filtered.removed().isEmpty()) {
						try (OutputStream out = stream.createRawOutputStream()) {
							out.write(filtered.bytes());
						}
						removed.addAll(filtered.removed());
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
			pdf.save(out);
			return new Cleaned(out.toByteArray(), "application/pdf",
					removed.isEmpty() ? Result.PDF_NOTHING_FOUND : Result.PDF_REMOVED, removed);
		}
	}

	/**
	 * An annotation other than a form field, link or pop-up: a comment, highlight, stamp
	 * or drawing, whose {@code /T} is its author. (A form field's {@code /T} is its name,
	 * which the form needs.)
	 */
	private static boolean isComment(COSDictionary dictionary) {
		COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
		boolean annotation = COSName.ANNOT.equals(dictionary.getCOSName(COSName.TYPE))
				|| (dictionary.containsKey(COSName.RECT) && subtype != null && !dictionary.containsKey(COSName.TYPE));
		return annotation && subtype != null && !COSName.WIDGET.equals(subtype) && !COSName.LINK.equals(subtype)
				&& !COSName.POPUP.equals(subtype) && !dictionary.containsKey(COSName.FT);
	}

	/**
	 * A JPEG stored as it is; one behind another filter (rare) is not unpacked, so as not
	 * to decompress what may be a bomb.
	 */
	private static boolean onlyDct(COSBase filters) {
		if (filters instanceof COSArray array) {
			return array.size() == 1 && COSName.DCT_DECODE.equals(array.getObject(0));
		}
		return COSName.DCT_DECODE.equals(filters);
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
	 * How far cleaning goes before it refuses a file.
	 *
	 * @param maxPixels width × height of an image, read from its header
	 * @param maxZipEntries entries of an Office or OpenDocument package
	 * @param maxUnpackedBytes what a package may unpack to in all
	 * @param maxCompressionRatio what a package may unpack to, as a multiple of its size
	 * (at least 1 MiB whatever its size)
	 */
	record Limits(long maxPixels, int maxZipEntries, long maxUnpackedBytes, int maxCompressionRatio) {

		/** What a package of this size may unpack to. */
		long unpackedAllowed(long packedBytes) {
			// An upload is at most a few dozen megabytes: the product cannot overflow.
			return Math.min(this.maxUnpackedBytes, Math.max(1024L * 1024, packedBytes * this.maxCompressionRatio));
		}

	}

	/**
	 * What a file held that was removed or, for names, replaced; the message bundle names
	 * each ({@code voice.removed.*}). In the order the reporter reads them.
	 */
	enum Removed {

		LOCATION, EXIF, XMP, IPTC, TEXT, COMMENT, TIME, THUMBNAIL, COLOUR_PROFILE, DOCUMENT_PROPERTIES, AUTHOR_NAMES,
		CHANGE_DATES, FILE_PATHS, PRINTER, SIGNATURES, OTHER, TRAILING_DATA

	}

	/**
	 * What happened to a file's metadata; the message bundle explains each to the
	 * reporter, the {@code _REMOVED} ones with the list of what was removed.
	 */
	enum Result {

		IMAGE_REMOVED, IMAGE_NOTHING_FOUND, PDF_REMOVED, PDF_NOTHING_FOUND, OFFICE_REMOVED, OFFICE_NOTHING_FOUND,
		/** Word, Excel or PowerPoint 97–2003, or a password-protected Office file. */
		BINARY_OFFICE_NOT_CLEANED, NOT_CLEANED, COULD_NOT_CLEAN,
		/**
		 * What files stored before this version say; each claimed more than it always
		 * removed, and is kept only so that those files still show a notice.
		 */
		IMAGE_CLEANED, PDF_CLEANED, OFFICE_CLEANED, OFFICE_AUTHORS_CLEANED, OPENDOCUMENT_CLEANED, OFFICE_NOT_CLEANED

	}

	record Cleaned(byte[] bytes, String mediaType, Result result, Set<Removed> removed) {

		/** How the list is kept with the file: names in order, separated by commas. */
		String removedNames() {
			return this.removed.stream().sorted().map(Removed::name).collect(Collectors.joining(","));
		}

		@Override
		public String toString() {
			return "Cleaned[" + this.result + " " + removedNames() + "]";
		}

	}

	/**
	 * The message keys of what a stored list names, for the reporter's and recipient's
	 * notice; an unknown name (from a later version) is left out.
	 */
	static List<String> removedKeys(String removedNames) {
		if (removedNames == null || removedNames.isBlank()) {
			return List.of();
		}
		return Arrays.stream(removedNames.split(","))
			.filter((name) -> Arrays.stream(Removed.values()).anyMatch((value) -> value.name().equals(name)))
			.map((name) -> "voice.removed." + name)
			.toList();
	}

	/** A file Bryt will not take; the message key tells the reporter why. */
	static final class Refused extends Exception {

		static final String TOO_MANY_PIXELS = "voice.error.imageTooLarge";

		static final String PACKAGE_TOO_LARGE = "voice.error.packageTooLarge";

		static final String BUSY = "voice.error.cleaningBusy";

		private final String messageKey;

		Refused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

}
