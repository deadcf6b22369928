package bryt.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;

/**
 * A JPEG rewritten with only the segments a decoder needs: SOI, the tables (DQT, DHT,
 * DAC, DRI), the frame header (SOF), each scan (SOS with its entropy-coded data) and EOI,
 * and nothing after EOI. Every APPn segment (JFIF, EXIF, XMP, ICC profile, Photoshop and
 * IPTC, maker data), every comment and whatever follows the image is left out. The one
 * exception is Adobe's APP14, written anew with only its colour transform: without it a
 * CMYK or RGB JPEG decodes to the wrong colours, and its other fields say nothing about
 * anyone.
 *
 * <p>
 * Commons Imaging's {@code ExifRewriter}, {@code JpegXmpRewriter} and
 * {@code JpegIptcRewriter} each drop one kind of APPn segment but copy everything from
 * the first SOS to the end of the file as one block ({@code JpegUtils.traverseJFIF}), so
 * comments between scans and data after EOI survive them; hence this small filter. It
 * copies bytes and never decodes the image, so its memory is the size of the file.
 */
final class JpegSegments {

	private static final int SOI = 0xD8;

	private static final int EOI = 0xD9;

	private static final int SOS = 0xDA;

	private static final int DQT = 0xDB;

	private static final int DNL = 0xDC;

	private static final int DRI = 0xDD;

	private static final int COM = 0xFE;

	private static final int APP0 = 0xE0;

	private static final int APP14 = 0xEE;

	private JpegSegments() {
	}

	/** The image without its metadata, its size and what was left out. */
	record Filtered(byte[] bytes, int width, int height, Set<MetadataCleaner.Removed> removed) {
	}

	static boolean isJpeg(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == SOI && (bytes[2] & 0xff) == 0xFF;
	}

	/**
	 * @throws IOException when the bytes are not a JPEG this filter understands: no frame
	 * header or scan, a segment running past the end, an unknown marker
	 */
	static Filtered clean(byte[] jpeg) throws IOException {
		if (!isJpeg(jpeg)) {
			throw new IOException("Not a JPEG");
		}
		Set<MetadataCleaner.Removed> removed = EnumSet.noneOf(MetadataCleaner.Removed.class);
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		out.write(0xFF);
		out.write(SOI);
		int width = -1;
		int height = -1;
		boolean scanned = false;
		int at = 2;
		while (true) {
			if (at >= jpeg.length) {
				if (!scanned) {
					throw new IOException("A JPEG without image data");
				}
				// Cut short after its image data, as some cameras and tools write them:
				// decoders cope, and the end marker is added.
				break;
			}
			if ((jpeg[at] & 0xff) != 0xFF) {
				throw new IOException("Expected a JPEG marker at " + at);
			}
			// Any number of 0xFF may pad before a marker.
			while (at < jpeg.length && (jpeg[at] & 0xff) == 0xFF) {
				at++;
			}
			if (at >= jpeg.length) {
				throw new IOException("A JPEG ending in padding");
			}
			int marker = jpeg[at++] & 0xff;
			if (marker == EOI) {
				if (at < jpeg.length) {
					removed.add(MetadataCleaner.Removed.TRAILING_DATA);
				}
				break;
			}
			if (marker == SOI || marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
				throw new IOException("Unexpected JPEG marker " + Integer.toHexString(marker));
			}
			if (at + 2 > jpeg.length) {
				throw new IOException("A JPEG segment without length");
			}
			int length = ((jpeg[at] & 0xff) << 8) | (jpeg[at + 1] & 0xff);
			if (length < 2 || at + length > jpeg.length) {
				throw new IOException("A JPEG segment runs past the end");
			}
			int start = at + 2;
			int end = at + length;
			at = end;
			if (isFrame(marker)) {
				if (length < 8) {
					throw new IOException("A JPEG frame header too short");
				}
				height = ((jpeg[start + 1] & 0xff) << 8) | (jpeg[start + 2] & 0xff);
				width = ((jpeg[start + 3] & 0xff) << 8) | (jpeg[start + 4] & 0xff);
				segment(out, marker, jpeg, start, end);
			}
			else if (marker == SOS) {
				if (width < 0) {
					throw new IOException("A JPEG scan before its frame header");
				}
				segment(out, marker, jpeg, start, end);
				at = entropyCodedData(jpeg, at, out);
				scanned = true;
			}
			else if (isTable(marker)) {
				segment(out, marker, jpeg, start, end);
			}
			else if (marker == APP14 && startsWith(jpeg, start, end, "Adobe") && end - start >= 12) {
				// Version 100, no flags, the original colour transform.
				out.write(new byte[] { (byte) 0xFF, (byte) APP14, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
						jpeg[start + 11] });
			}
			else {
				classify(marker, jpeg, start, end, removed);
			}
		}
		if (!scanned || width < 0) {
			throw new IOException("A JPEG without frame or scan");
		}
		out.write(0xFF);
		out.write(EOI);
		return new Filtered(out.toByteArray(), width, height, removed);
	}

	/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
	private static boolean isFrame(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

	/** DHT, DAC, DQT, DNL, DRI, and the hierarchical DHP and EXP. */
	private static boolean isTable(int marker) {
		return marker == 0xC4 || marker == 0xCC || marker == DQT || marker == DNL || marker == DRI || marker == 0xDE
				|| marker == 0xDF;
	}

	/**
	 * Copies a scan's entropy-coded data, with its stuffed zero bytes and restart
	 * markers, up to the next other marker.
	 * @return where that marker begins, or the end of the bytes
	 */
	private static int entropyCodedData(byte[] jpeg, int at, ByteArrayOutputStream out) {
		int start = at;
		while (at < jpeg.length) {
			if ((jpeg[at] & 0xff) == 0xFF && at + 1 < jpeg.length) {
				int next = jpeg[at + 1] & 0xff;
				if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
					break;
				}
				at += 2;
				continue;
			}
			at++;
		}
		out.write(jpeg, start, at - start);
		return at;
	}

	/** Adds what a left-out segment held, for the reporter. */
	private static void classify(int marker, byte[] jpeg, int start, int end, Set<MetadataCleaner.Removed> removed) {
		if (marker == COM) {
			removed.add(MetadataCleaner.Removed.COMMENT);
		}
		else if (marker == APP0) {
			// JFIF says nothing about anyone unless it carries a preview; JFXX is one.
			boolean jfif = startsWith(jpeg, start, end, "JFIF\0");
			if ((jfif && end - start >= 14 && jpeg[start + 12] != 0 && jpeg[start + 13] != 0)
					|| startsWith(jpeg, start, end, "JFXX\0")) {
				removed.add(MetadataCleaner.Removed.THUMBNAIL);
			}
			else if (!jfif) {
				removed.add(MetadataCleaner.Removed.OTHER);
			}
		}
		else if (marker == 0xE1 && startsWith(jpeg, start, end, "Exif\0")) {
			removed.add(MetadataCleaner.Removed.EXIF);
			if (gps(Arrays.copyOfRange(jpeg, Math.min(start + 6, end), end))) {
				removed.add(MetadataCleaner.Removed.LOCATION);
			}
		}
		else if (marker == 0xE1 && startsWith(jpeg, start, end, "http://ns.adobe.com/")) {
			removed.add(MetadataCleaner.Removed.XMP);
		}
		else if (marker == 0xE2 && startsWith(jpeg, start, end, "ICC_PROFILE\0")) {
			removed.add(MetadataCleaner.Removed.COLOUR_PROFILE);
		}
		else if (marker == 0xED && startsWith(jpeg, start, end, "Photoshop 3.0\0")) {
			removed.add(MetadataCleaner.Removed.IPTC);
		}
		else {
			removed.add(MetadataCleaner.Removed.OTHER);
		}
	}

	/**
	 * Whether EXIF data (a TIFF structure) holds a position. Unreadable EXIF counts as
	 * none: it is removed all the same, and the reporter is then told of EXIF only.
	 */
	static boolean gps(byte[] tiff) {
		try {
			TiffImageMetadata exif = (TiffImageMetadata) new TiffImageParser().getMetadata(ByteSource.array(tiff),
					new TiffImagingParameters());
			return exif != null && exif.getGpsInfo() != null;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] bytes, int start, int end, String prefix) {
		byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
		return end - start >= expected.length
				&& Arrays.equals(bytes, start, start + expected.length, expected, 0, expected.length);
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] jpeg, int start, int end) {
		out.write(0xFF);
		out.write(marker);
		out.write(jpeg, start - 2, end - start + 2);
	}

}
