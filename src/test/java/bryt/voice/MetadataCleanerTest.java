package bryt.voice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataCleanerTest {

	@Test
	void removesGpsFromAJpeg() throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", plain);
		TiffOutputSet exif = new TiffOutputSet();
		// Stockholm City Hall.
		exif.setGpsInDegrees(18.0549, 59.3275);
		ByteArrayOutputStream withGps = new ByteArrayOutputStream();
		new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withGps, exif);
		JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(withGps.toByteArray());
		assertThat(before.getExif().getGpsInfo()).isNotNull();

		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("photo.jpg", withGps.toByteArray());

		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.IMAGE_CLEANED);
		JpegImageMetadata after = (JpegImageMetadata) Imaging.getMetadata(cleaned.bytes());
		assertThat((after == null) ? null : after.getExif()).isNull();
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(cleaned.bytes())).getWidth()).isEqualTo(8);
	}

	@Test
	void removesTheAuthorFromAPdf() throws Exception {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.getDocumentInformation().setAuthor("Anna Author");
			document.getDocumentInformation().setProducer("Office of Anna");
			document.save(pdf);
		}
		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("letter.pdf", pdf.toByteArray());
		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.PDF_CLEANED);
		try (PDDocument document = Loader.loadPDF(cleaned.bytes())) {
			assertThat(document.getDocumentInformation().getAuthor()).isNull();
			assertThat(document.getNumberOfPages()).isEqualTo(1);
		}
		assertThat(new String(cleaned.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Anna");
	}

	@Test
	void emptiesTheDocumentPropertiesOfADocxAndKeepsItsText() throws Exception {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(docx)) {
			entry(zip, "[Content_Types].xml", "<Types/>");
			entry(zip, "docProps/core.xml", "<cp:coreProperties><dc:creator>Anna Author</dc:creator>"
					+ "<cp:lastModifiedBy>Anna Author</cp:lastModifiedBy></cp:coreProperties>");
			entry(zip, "docProps/app.xml", "<Properties><Company>Anna AB</Company></Properties>");
			entry(zip, "word/document.xml", "<w:document>The lock is broken.</w:document>");
		}
		MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean("minutes.docx", docx.toByteArray());
		assertThat(cleaned.result()).isEqualTo(MetadataCleaner.Result.OFFICE_CLEANED);
		Map<String, String> parts = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(cleaned.bytes()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(parts).containsOnlyKeys("[Content_Types].xml", "docProps/core.xml", "docProps/app.xml",
				"word/document.xml");
		assertThat(parts.get("docProps/core.xml")).contains("coreProperties").doesNotContain("Anna");
		assertThat(parts.get("docProps/app.xml")).doesNotContain("Anna");
		assertThat(parts.get("word/document.xml")).isEqualTo("<w:document>The lock is broken.</w:document>");
	}

	@Test
	void tellsWhatItCouldNotClean() {
		assertThat(MetadataCleaner.clean("minutes.doc", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11 }).result())
			.isEqualTo(MetadataCleaner.Result.OFFICE_NOT_CLEANED);
		assertThat(MetadataCleaner.clean("broken.docx", new byte[] { 'P', 'K', 3, 4, 0 }).result())
			.isEqualTo(MetadataCleaner.Result.COULD_NOT_CLEAN);
		assertThat(MetadataCleaner.clean("notes.txt", "hello".getBytes()).result())
			.isEqualTo(MetadataCleaner.Result.NOT_CLEANED);
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
