package bryt.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A PNG rewritten with only the chunks that say how to draw it: the image header,
 * palette, image data and end, transparency, and the colour and pixel-size chunks that
 * hold nothing but numbers (gAMA, cHRM, sRGB, cICP, sBIT, bKGD, pHYs, hIST) and the
 * frames of an animated PNG. Text (tEXt, zTXt, iTXt: author, software, comments, XMP),
 * EXIF (eXIf), the time of the last change (tIME), the ICC profile (iCCP, which carries a
 * name) and every other chunk are left out, and so is anything after the end chunk.
 *
 * <p>
 * Chunks are copied with their checksums and the image is never decompressed, so the
 * memory needed is the size of the file whatever the image's dimensions: an 8000 × 8000
 * image of 187 KB takes 187 KB, not the gigabyte of pixels that decoding it would.
 */
final class PngChunks {

	static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
			"cICP", "sBIT", "bKGD", "pHYs", "hIST", "acTL", "fcTL", "fdAT");

	private PngChunks() {
	}

	static boolean isPng(byte[] bytes) {
		return bytes.length >= SIGNATURE.length
				&& Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
	}

	/**
	 * @throws IOException when the bytes are not a PNG: no header first, a chunk running
	 * past the end, no end chunk
	 */
	static JpegSegments.Filtered clean(byte[] png) throws IOException {
		if (!isPng(png)) {
			throw new IOException("Not a PNG");
		}
		Set<MetadataCleaner.Removed> removed = EnumSet.noneOf(MetadataCleaner.Removed.class);
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
		out.write(SIGNATURE, 0, SIGNATURE.length);
		int width = -1;
		int height = -1;
		int at = SIGNATURE.length;
		while (true) {
			if (at + 12 > png.length) {
				throw new IOException("A PNG without end chunk");
			}
			long length = readInt(png, at) & 0xffffffffL;
			if (length > png.length - at - 12) {
				throw new IOException("A PNG chunk runs past the end");
			}
			String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
			int end = at + 12 + (int) length;
			if (width < 0) {
				if (!type.equals("IHDR") || length < 8) {
					throw new IOException("A PNG that does not begin with its header");
				}
				width = readInt(png, at + 8);
				height = readInt(png, at + 12);
				if (width <= 0 || height <= 0) {
					throw new IOException("A PNG with a negative or zero size");
				}
			}
			if (KEPT.contains(type)) {
				out.write(png, at, end - at);
			}
			else {
				removed.add(switch (type) {
					case "tEXt", "zTXt", "iTXt" -> MetadataCleaner.Removed.TEXT;
					case "eXIf" -> MetadataCleaner.Removed.EXIF;
					case "tIME" -> MetadataCleaner.Removed.TIME;
					case "iCCP" -> MetadataCleaner.Removed.COLOUR_PROFILE;
					default -> MetadataCleaner.Removed.OTHER;
				});
				if (type.equals("eXIf") && JpegSegments.gps(Arrays.copyOfRange(png, at + 8, end - 4))) {
					removed.add(MetadataCleaner.Removed.LOCATION);
				}
			}
			at = end;
			if (type.equals("IEND")) {
				break;
			}
		}
		if (at < png.length) {
			removed.add(MetadataCleaner.Removed.TRAILING_DATA);
		}
		return new JpegSegments.Filtered(out.toByteArray(), width, height, removed);
	}

	private static int readInt(byte[] bytes, int at) {
		return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
				| (bytes[at + 3] & 0xff);
	}

}
