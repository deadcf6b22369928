package bryt.shared.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The zip-bomb guard, at a small scale: a zip whose entries inflate to more than the
 * limit is refused before any XML is read, however small the zip and whatever sizes its
 * headers claim; one under the limit passes.
 */
class SpreadsheetFileTest {

	private static final long ONE_MIB = 1L << 20;

	@Test
	void aZipThatUnpacksToMoreThanTheLimitIsRefused() throws IOException {
		// 3 MiB of zeros in two entries deflate to a few kilobytes.
		byte[] bomb = zip(2 * ONE_MIB, ONE_MIB);
		assertThat(bomb.length).isLessThan(20_000);
		SpreadsheetFile.Refused refused = catchThrowableOfType(SpreadsheetFile.Refused.class,
				() -> SpreadsheetFile.checkUnpackedSize(bomb, 2 * ONE_MIB));
		assertThat(refused.code).isEqualTo("spreadsheet.unpacksTooLarge");
		assertThat(refused.args).containsExactly("2");
		SpreadsheetFile.checkUnpackedSize(bomb, 3 * ONE_MIB);
	}

	@Test
	void aZipThatIsNoWorkbookIsSaidToBeNone() {
		SpreadsheetFile.Refused refused = catchThrowableOfType(SpreadsheetFile.Refused.class,
				() -> SpreadsheetFile.checkUnpackedSize(new byte[] { 'P', 'K', 3, 4, 0, 0, 0 }, ONE_MIB));
		assertThat(refused.code).isEqualTo("spreadsheet.notWorkbook");
	}

	private static byte[] zip(long... sizes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			byte[] zeros = new byte[64 * 1024];
			for (int i = 0; i < sizes.length; i++) {
				zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i + ".xml"));
				for (long written = 0; written < sizes[i]; written += zeros.length) {
					zip.write(zeros);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
