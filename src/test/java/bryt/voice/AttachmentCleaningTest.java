package bryt.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.junit.jupiter.api.Test;

import static bryt.voice.MetadataCleaner.Removed.AUTHOR_NAMES;
import static bryt.voice.MetadataCleaner.Removed.CHANGE_DATES;
import static bryt.voice.MetadataCleaner.Removed.COMMENT;
import static bryt.voice.MetadataCleaner.Removed.DOCUMENT_PROPERTIES;
import static bryt.voice.MetadataCleaner.Removed.EXIF;
import static bryt.voice.MetadataCleaner.Removed.IPTC;
import static bryt.voice.MetadataCleaner.Removed.LOCATION;
import static bryt.voice.MetadataCleaner.Removed.TEXT;
import static bryt.voice.MetadataCleaner.Removed.TIME;
import static bryt.voice.MetadataCleaner.Removed.TRAILING_DATA;
import static bryt.voice.MetadataCleaner.Removed.XMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the cleaner leaves of files built to hide metadata everywhere, checked with the
 * readers a recipient's tools would use: Commons Imaging for image metadata, PDFBox to
 * pull image streams back out of a PDF, ImageIO for the pixels.
 */
class AttachmentCleaningTest {

	private static final String[] MARKERS = { HostileFiles.COMMENT, HostileFiles.BYLINE, HostileFiles.XMP,
			HostileFiles.CAMERA, HostileFiles.TRAILER, HostileFiles.PNG_TEXT, "Anna" };

	@Test
	void aJpegKeepsOnlyWhatDecodesItAndEndsAtItsEnd() throws Exception {
		byte[] hostile = HostileFiles.jpeg();
		// The reader sees every hiding place before cleaning.
		JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(hostile);
		assertThat(before.getExif().getGpsInfo()).isNotNull();
		assertThat(before.getPhotoshop().photoshopApp13Data.getRecords()).isNotEmpty();
		assertThat(Imaging.getXmpXml(hostile)).contains(HostileFiles.XMP);
		assertThat(Imaging.getImageInfo(hostile).getComments()).contains(HostileFiles.COMMENT);

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("photo.jpg", hostile);

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.IMAGE_REMOVED);
		assertThat(cleaned.removed()).containsExactly(LOCATION, EXIF, XMP, IPTC, COMMENT, TRAILING_DATA);
		assertJpegClean(cleaned.bytes());
		assertThat(HostileFiles.pixels(HostileFiles.decode(cleaned.bytes())))
			.isEqualTo(HostileFiles.pixels(HostileFiles.decode(hostile)));
	}

	@Test
	void aJpegWithNothingToRemoveIsSaidToHaveNothing() throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(HostileFiles.picture(16, 16), "jpg", plain);

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("plain.jpg", plain.toByteArray());

		// ImageIO writes a JFIF header without preview: dropped, but nothing to tell.
		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.IMAGE_NOTHING_FOUND);
		assertThat(cleaned.removed()).isEmpty();
		assertThat(HostileFiles.pixels(HostileFiles.decode(cleaned.bytes())))
			.isEqualTo(HostileFiles.pixels(HostileFiles.decode(plain.toByteArray())));
	}

	@Test
	void aProgressiveJpegWithTablesBetweenItsScansStillDecodesToTheSamePixels() throws Exception {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		ByteArrayOutputStream progressive = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(progressive)) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(HostileFiles.picture(40, 30), null, null), param);
		}
		writer.dispose();
		byte[] original = progressive.toByteArray();
		assertThat(countMarkers(original, 0xDA)).as("scans").isGreaterThan(1);

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("progressive.jpg", original);

		assertThat(countMarkers(cleaned.bytes(), 0xDA)).isEqualTo(countMarkers(original, 0xDA));
		assertThat(HostileFiles.pixels(HostileFiles.decode(cleaned.bytes())))
			.isEqualTo(HostileFiles.pixels(HostileFiles.decode(original)));
	}

	@Test
	void aPngKeepsOnlyWhatDrawsIt() throws Exception {
		byte[] hostile = HostileFiles.png();
		assertThat(Imaging.getMetadata(hostile).toString()).contains(HostileFiles.PNG_TEXT);

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("screen.png", hostile);

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.IMAGE_REMOVED);
		assertThat(cleaned.removed()).containsExactly(LOCATION, EXIF, TEXT, TIME, TRAILING_DATA);
		ImageMetadata after = Imaging.getMetadata(cleaned.bytes());
		assertThat((after == null) ? "" : after.toString()).doesNotContain(HostileFiles.PNG_TEXT);
		assertThat(chunkTypes(cleaned.bytes())).containsExactly("IHDR", "IDAT", "IEND");
		assertThat(new String(cleaned.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain(MARKERS);
		assertThat(HostileFiles.pixels(HostileFiles.decode(cleaned.bytes())))
			.isEqualTo(HostileFiles.pixels(HostileFiles.decode(hostile)));
	}

	@Test
	void theJpegsAndPngsInsideADocxAndAnOdtAreCleanedTheSameWay() throws Exception {
		Map<String, byte[]> docx = new LinkedHashMap<>();
		docx.put("[Content_Types].xml", utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
				+ "content-types\"><Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/></Types>"));
		docx.put("docProps/core.xml",
				utf8("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
						+ "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
						+ "<dc:creator>Anna Berg</dc:creator></cp:coreProperties>"));
		docx.put("word/document.xml", utf8("<w:document xmlns:w=\"" + OfficeDocuments.W
				+ "\"><w:body><w:p><w:r><w:t>The lock.</w:t></w:r></w:p></w:body></w:document>"));
		docx.put("word/media/image1.jpeg", HostileFiles.jpeg());
		docx.put("xl/media/image2.png", HostileFiles.png());

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("minutes.docx", HostileFiles.zip(docx));

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.OFFICE_REMOVED);
		assertThat(cleaned.removed()).containsExactly(LOCATION, EXIF, XMP, IPTC, TEXT, COMMENT, TIME,
				DOCUMENT_PROPERTIES, TRAILING_DATA);
		Map<String, byte[]> parts = unzip(cleaned.bytes());
		assertThat(parts.keySet()).containsExactlyElementsOf(docx.keySet());
		assertJpegClean(parts.get("word/media/image1.jpeg"));
		assertThat(HostileFiles.pixels(HostileFiles.decode(parts.get("word/media/image1.jpeg"))))
			.isEqualTo(HostileFiles.pixels(HostileFiles.decode(docx.get("word/media/image1.jpeg"))));
		assertThat(chunkTypes(parts.get("xl/media/image2.png"))).containsExactly("IHDR", "IDAT", "IEND");
		parts.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(name)
			.doesNotContain(MARKERS));

		Map<String, byte[]> odt = new LinkedHashMap<>();
		odt.put("mimetype", utf8("application/vnd.oasis.opendocument.text"));
		odt.put("content.xml", utf8("<office:document-content xmlns:office=\"" + OfficeDocuments.ODF_OFFICE
				+ "\" office:version=\"1.3\"/>"));
		odt.put("Pictures/100000000000.jpg", HostileFiles.jpeg());

		MetadataCleaner.Cleaned cleanedOdt = MetadataCleaner.clean("minutes.odt", HostileFiles.zip(odt));

		assertThat(cleanedOdt.removed()).containsExactly(LOCATION, EXIF, XMP, IPTC, COMMENT, TRAILING_DATA);
		assertJpegClean(unzip(cleanedOdt.bytes()).get("Pictures/100000000000.jpg"));
	}

	@Test
	void aPdfsJpegImagesLoseTheirExifAndTheirXmpAndTheDocumentItsProperties() throws Exception {
		byte[] jpeg = HostileFiles.jpeg();
		ByteArrayOutputStream original = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg);
			PDMetadata imageXmp = new PDMetadata(document);
			imageXmp.importXMPMetadata(
					utf8("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + HostileFiles.XMP + " image" + "</x:xmpmeta>"));
			image.getCOSObject().setItem(COSName.METADATA, imageXmp);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 10, 10);
			}
			PDAnnotationText comment = new PDAnnotationText();
			comment.setRectangle(new PDRectangle(100, 100, 20, 20));
			comment.setTitlePopup("Anna Berg");
			comment.setContents("The lock is broken.");
			comment.setModifiedDate("D:20260301100000Z");
			comment.setCreationDate(java.util.Calendar.getInstance());
			page.getAnnotations().add(comment);
			PDMetadata documentXmp = new PDMetadata(document);
			documentXmp.importXMPMetadata(
					utf8("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + HostileFiles.XMP + " document</x:xmpmeta>"));
			document.getDocumentCatalog().setMetadata(documentXmp);
			document.getDocumentInformation().setAuthor("Anna Berg");
			document.save(original);
		}
		// The JPEG goes into the PDF as it is, metadata and all.
		assertThat(rawImages(original.toByteArray())).singleElement()
			.satisfies((image) -> assertThat(image).isEqualTo(jpeg));

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("letter.pdf", original.toByteArray());

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.PDF_REMOVED);
		assertThat(cleaned.removed()).containsExactly(LOCATION, EXIF, XMP, IPTC, COMMENT, DOCUMENT_PROPERTIES,
				AUTHOR_NAMES, CHANGE_DATES, TRAILING_DATA);
		List<byte[]> images = rawImages(cleaned.bytes());
		assertThat(images).hasSize(1);
		assertJpegClean(images.get(0));
		assertThat(HostileFiles.pixels(HostileFiles.decode(images.get(0))))
			.isEqualTo(HostileFiles.pixels(HostileFiles.decode(jpeg)));
		try (PDDocument document = Loader.loadPDF(cleaned.bytes())) {
			assertThat(document.getDocumentInformation().getAuthor()).isNull();
			assertThat(document.getDocumentCatalog().getMetadata()).isNull();
			PDPage page = document.getPage(0);
			PDAnnotationText comment = (PDAnnotationText) page.getAnnotations().get(0);
			assertThat(comment.getTitlePopup()).isEqualTo("Author 1");
			assertThat(comment.getContents()).isEqualTo("The lock is broken.");
			assertThat(comment.getModifiedDate()).isNull();
			assertThat(comment.getCreationDate()).isNull();
			for (COSName name : page.getResources().getXObjectNames()) {
				PDXObject object = page.getResources().getXObject(name);
				assertThat(object.getCOSObject().containsKey(COSName.METADATA)).isFalse();
			}
			// Every stream left in the file, decoded: no marker anywhere.
			for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
				COSBase object = document.getDocument().getObjectFromPool(key).getObject();
				if (object instanceof COSStream stream) {
					try (InputStream in = stream.createInputStream()) {
						assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(MARKERS);
					}
				}
				else if (object != null) {
					assertThat(object.toString()).doesNotContain(MARKERS);
				}
			}
		}
	}

	@Test
	void anImageOfMoreThanFortyMegapixelsIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
		// Its image data is not even zlib: a decoder would fail, not refuse.
		assertThatThrownBy(() -> MetadataCleaner.clean("huge.png", HostileFiles.hugePngWithBrokenData()))
			.isInstanceOf(MetadataCleaner.Refused.class)
			.extracting((ex) -> ((MetadataCleaner.Refused) ex).messageKey())
			.isEqualTo("voice.error.imageTooLarge");
		// A JPEG whose frame says 8000 × 6000, with a scan of no real data.
		byte[] hugeJpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0x17, 0x70, 0x1F, 0x40, 1, 1,
				0x11, 0, (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9 };
		assertThatThrownBy(() -> MetadataCleaner.clean("huge.jpg", hugeJpeg))
			.isInstanceOf(MetadataCleaner.Refused.class);
		// Exactly at the limit: 8000 × 5000 is taken.
		byte[] atLimit = hugeJpeg.clone();
		atLimit[7] = 0x13;
		atLimit[8] = (byte) 0x88;
		assertThat(MetadataCleaner.clean("large.jpg", atLimit).result())
			.isEqualTo(MetadataCleaner.Result.IMAGE_NOTHING_FOUND);
	}

	@Test
	void aZipBombIsRefusedLongBeforeItIsUnpackedAndSoIsAZipOfTooManyEntries() throws Exception {
		// 50 MB of zeros in one part packs to about 50 KB: a ratio of 1000.
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 50; i++) {
				zip.write(zeros);
			}
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
		}
		assertThat(bomb.size()).isLessThan(100_000);
		assertThatThrownBy(() -> MetadataCleaner.clean("bomb.docx", bomb.toByteArray()))
			.isInstanceOf(MetadataCleaner.Refused.class)
			.extracting((ex) -> ((MetadataCleaner.Refused) ex).messageKey())
			.isEqualTo("voice.error.packageTooLarge");

		Map<String, byte[]> many = new LinkedHashMap<>();
		many.put("[Content_Types].xml",
				utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/" + "content-types\"/>"));
		for (int i = 0; i < 20; i++) {
			many.put("customXml/item" + i + ".xml", utf8("<a/>"));
		}
		MetadataCleaner.Limits fewEntries = new MetadataCleaner.Limits(40_000_000L, 20, 100L * 1024 * 1024, 100);
		assertThatThrownBy(() -> MetadataCleaner.clean("many.docx", HostileFiles.zip(many), fewEntries))
			.isInstanceOf(MetadataCleaner.Refused.class);
		assertThat(MetadataCleaner.clean("many.docx", HostileFiles.zip(many)).result())
			.isEqualTo(MetadataCleaner.Result.OFFICE_NOTHING_FOUND);
	}

	@Test
	void noMoreFilesAreCleanedAtOnceThanThereArePermitsAndAFileThatWaitsTooLongIsRefused() throws Exception {
		FileCleaning cleaning = new FileCleaning(MetadataCleaner.DEFAULT_LIMITS, 1, Duration.ofMillis(100));
		byte[] jpeg = HostileFiles.jpeg();
		// Another upload holds the only permit.
		cleaning.permits().acquire();
		assertThatThrownBy(() -> cleaning.clean("photo.jpg", jpeg)).isInstanceOf(MetadataCleaner.Refused.class)
			.extracting((ex) -> ((MetadataCleaner.Refused) ex).messageKey())
			.isEqualTo("voice.error.cleaningBusy");
		cleaning.permits().release();

		Reports.Upload upload = cleaning.clean("photo.jpg", jpeg);

		assertThat(upload.cleaning()).isEqualTo("IMAGE_REMOVED");
		assertThat(upload.removed()).isEqualTo("LOCATION,EXIF,XMP,IPTC,COMMENT,TRAILING_DATA");
		assertThat(upload.removedKeys()).first().isEqualTo("voice.removed.LOCATION");
		assertThat(cleaning.permits().availablePermits()).isEqualTo(1);
	}

	/** What a metadata reader finds in a cleaned JPEG: nothing, and no byte after EOI. */
	private static void assertJpegClean(byte[] jpeg) throws Exception {
		ImageMetadata metadata = Imaging.getMetadata(jpeg);
		if (metadata instanceof JpegImageMetadata after) {
			assertThat(after.getExif()).isNull();
			assertThat(after.getPhotoshop()).isNull();
		}
		assertThat(Imaging.getXmpXml(jpeg)).isNull();
		assertThat(Imaging.getImageInfo(jpeg).getComments()).isEmpty();
		assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain(MARKERS)
			.doesNotContain("Exif", "Photoshop", "http://ns.adobe.com", "JFIF")
			.endsWith("\u00FF\u00D9");
	}

	/** The raw streams of every image in the PDF: a JPEG for each DCTDecode image. */
	private static List<byte[]> rawImages(byte[] pdf) throws Exception {
		List<byte[]> images = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (COSName name : document.getPage(0).getResources().getXObjectNames()) {
				if (document.getPage(0).getResources().getXObject(name) instanceof PDImageXObject image) {
					assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.DCT_DECODE);
					try (InputStream in = image.getCOSObject().createRawInputStream()) {
						images.add(in.readAllBytes());
					}
				}
			}
		}
		return images;
	}

	/** How often a marker stands in the bytes (stuffed 0xFF 0x00 never matches). */
	private static int countMarkers(byte[] jpeg, int marker) {
		int count = 0;
		for (int i = 0; i + 1 < jpeg.length; i++) {
			if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == marker) {
				count++;
			}
		}
		return count;
	}

	private static List<String> chunkTypes(byte[] png) {
		List<String> types = new ArrayList<>();
		int at = 8;
		while (at + 8 <= png.length) {
			int length = ((png[at] & 0xff) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8)
					| (png[at + 3] & 0xff);
			types.add(new String(png, at + 4, 4, StandardCharsets.ISO_8859_1));
			at += 12 + length;
		}
		assertThat(at).as("nothing after the last chunk").isEqualTo(png.length);
		return types;
	}

	private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				parts.put(entry.getName(), zip.readAllBytes());
			}
		}
		return parts;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
