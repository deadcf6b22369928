package bryt.voice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Files as a careless camera, phone or office program writes them, each carrying a marker
 * in every place metadata hides, built here so that the tests say what they contain.
 */
final class HostileFiles {

	static final String COMMENT = "COMMENT-MARKER Anna Berg";

	static final String BYLINE = "BYLINE-MARKER Anna Berg";

	static final String XMP = "XMP-MARKER Anna Berg";

	static final String CAMERA = "CAMERA-MARKER Anna's phone";

	static final String TRAILER = "TRAILER-MARKER Anna Berg";

	static final String PNG_TEXT = "PNG-TEXT-MARKER Anna Berg";

	private HostileFiles() {
	}

	/** A picture with a pattern, so that a change to its pixels shows. */
	static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, ((x * 8) & 0xff) << 16 | ((y * 8) & 0xff) << 8 | ((x + y) * 4 & 0xff));
			}
		}
		return image;
	}

	/**
	 * A JPEG with EXIF (camera model and GPS: Stockholm City Hall), XMP, an IPTC by-line,
	 * a comment and bytes after its end.
	 */
	static byte[] jpeg() throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(picture(32, 24), "jpg", plain);
		TiffOutputSet exif = new TiffOutputSet();
		exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, CAMERA);
		exif.setGpsInDegrees(18.0549, 59.3275);
		ByteArrayOutputStream withExif = new ByteArrayOutputStream();
		new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
		ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
		new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp,
				"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
						+ "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"" + XMP + "\"/>"
						+ "</rdf:RDF></x:xmpmeta>");
		ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
		new JpegIptcRewriter().writeIptc(withXmp.toByteArray(), withIptc,
				new PhotoshopApp13Data(List.of(new IptcRecord(IptcTypes.BYLINE, BYLINE)), List.of()));
		byte[] jpeg = withIptc.toByteArray();
		// A comment right after the start of image, and data after its end.
		byte[] comment = COMMENT.getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream hostile = new ByteArrayOutputStream();
		hostile.write(jpeg, 0, 2);
		hostile.write(new byte[] { (byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2) });
		hostile.write(comment);
		hostile.write(jpeg, 2, jpeg.length - 2);
		hostile.write(TRAILER.getBytes(StandardCharsets.US_ASCII));
		return hostile.toByteArray();
	}

	/** The EXIF (a TIFF structure) of {@link #jpeg()}, as a PNG's eXIf chunk holds it. */
	static byte[] exif() throws Exception {
		byte[] jpeg = jpeg();
		String text = new String(jpeg, StandardCharsets.ISO_8859_1);
		int exif = text.indexOf("Exif\0\0");
		int length = ((jpeg[exif - 2] & 0xff) << 8) | (jpeg[exif - 1] & 0xff);
		return java.util.Arrays.copyOfRange(jpeg, exif + 6, exif - 2 + length);
	}

	/**
	 * A PNG with text (tEXt and iTXt), EXIF with GPS (eXIf), the time of its last change
	 * (tIME) and bytes after its end.
	 */
	static byte[] png() throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(picture(32, 24), "png", plain);
		byte[] png = plain.toByteArray();
		// The IHDR chunk: 8 signature + 4 length + 4 type + 13 data + 4 crc.
		int afterHeader = 8 + 25;
		ByteArrayOutputStream hostile = new ByteArrayOutputStream();
		hostile.write(png, 0, afterHeader);
		hostile.write(chunk("tEXt", ("Author\0" + PNG_TEXT).getBytes(StandardCharsets.ISO_8859_1)));
		hostile.write(chunk("iTXt", ("Comment\0\0\0\0\0" + PNG_TEXT).getBytes(StandardCharsets.UTF_8)));
		hostile.write(chunk("eXIf", exif()));
		hostile.write(chunk("tIME", new byte[] { 0x07, (byte) 0xEA, 3, 1, 10, 0, 0 }));
		hostile.write(png, afterHeader, png.length - afterHeader);
		hostile.write(TRAILER.getBytes(StandardCharsets.US_ASCII));
		return hostile.toByteArray();
	}

	/**
	 * A PNG whose header says 8000 × 8000 pixels and whose image data no decoder could
	 * read: only a cleaner that never decodes can tell it is too large rather than
	 * broken.
	 */
	static byte[] hugePngWithBrokenData() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.write(PngChunks.SIGNATURE);
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(header);
		data.writeInt(8000);
		data.writeInt(8000);
		data.write(new byte[] { 8, 2, 0, 0, 0 });
		png.write(chunk("IHDR", header.toByteArray()));
		png.write(chunk("IDAT", "not zlib data at all".getBytes(StandardCharsets.US_ASCII)));
		png.write(chunk("IEND", new byte[0]));
		return png.toByteArray();
	}

	static byte[] chunk(String type, byte[] content) throws Exception {
		ByteArrayOutputStream chunk = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(chunk);
		out.writeInt(content.length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.write(typeBytes);
		out.write(content);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(content);
		out.writeInt((int) crc.getValue());
		return chunk.toByteArray();
	}

	/** A zip of the given parts, deflated; {@code mimetype} stored, as ODF requires. */
	static byte[] zip(Map<String, byte[]> parts) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> part : parts.entrySet()) {
				ZipEntry entry = new ZipEntry(part.getKey());
				if (part.getKey().equals("mimetype")) {
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(part.getValue().length);
					CRC32 crc = new CRC32();
					crc.update(part.getValue());
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(part.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static BufferedImage decode(byte[] image) throws Exception {
		return ImageIO.read(new ByteArrayInputStream(image));
	}

	static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

}
