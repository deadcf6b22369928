package bryt.voice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
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
	void tellsWhatItCouldNotClean() {
		assertThat(MetadataCleaner.clean("minutes.docx", new byte[] { 'P', 'K', 3, 4 }).result())
			.isEqualTo(MetadataCleaner.Result.OFFICE_NOT_CLEANED);
		assertThat(MetadataCleaner.clean("notes.txt", "hello".getBytes()).result())
			.isEqualTo(MetadataCleaner.Result.NOT_CLEANED);
	}

}
