package bryt.voice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;

import bryt.BrytTest;
import bryt.organisation.PasswordChanged;
import com.google.crypto.tink.KeysetHandle;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attachments through the public form and the recipient's download; an administrator's
 * reset.
 */
@BrytTest
class VoiceKeysAndFilesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RecipientKeys keys;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void aJpegIsStoredEncryptedWithoutGpsAndTheRecipientDownloadsIt() throws Exception {
		byte[] photo = jpegWithGps();
		long channel = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
		String page = this.mvc
			.perform(ReportForm.of(this.jdbc, channel)
				.submitWithFiles("See the photo of the broken lock.")
				.file(new MockMultipartFile("files", "photo.jpg", "image/jpeg", photo)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(
				"photo.jpg: Bryt removed the location (GPS); camera, settings and time (EXIF). What the picture shows "
						+ "is unchanged.");
		long reportId = Receipts.reportId(this.jdbc, Receipts.on(page));
		long fileId = this.jdbc.sql("select id from voice_attachment where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
		byte[] stored = this.jdbc.sql("select data from voice_attachment where id = :id")
			.param("id", fileId)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("JFIF", "Exif");

		var hr = user(this.accounts.loadUserByUsername("hr"));
		// The session lives in the database (Spring Session): its cookie carries it to
		// the next request.
		String setCookie = this.mvc.perform(post("/voice/unlock").with(hr).with(csrf()).param("password", "demo"))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		String pair = setCookie.substring(0, setCookie.indexOf(';'));
		Cookie session = new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		// Pages address a report by its number in the organisation, never by its id.
		long number = this.jdbc.sql("select number from voice_report where id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
		var response = this.mvc.perform(get("/voice/reports/" + number + "/files/" + fileId).cookie(session).with(hr))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("photo.jpg");
		byte[] downloaded = response.getContentAsByteArray();
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(downloaded)).getWidth()).isEqualTo(16);
		ImageMetadata metadata = Imaging.getMetadata(downloaded);
		assertThat((metadata instanceof JpegImageMetadata jpeg) ? jpeg.getExif() : null).isNull();
	}

	@Test
	void theReporterIsToldWhatWasRemovedFromEachOfficeFileAndWhatCouldNotBe() throws Exception {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(docx)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write(("<w:document xmlns:w=\"" + OfficeDocuments.W + "\"><w:body><w:p><w:ins w:id=\"1\" "
					+ "w:author=\"Anna Berg\"><w:r><w:t>The lock is broken.</w:t></w:r></w:ins></w:p></w:body>"
					+ "</w:document>")
				.getBytes(StandardCharsets.UTF_8));
		}
		byte[] doc = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0 };
		long channel = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();

		String page = this.mvc
			.perform(ReportForm.of(this.jdbc, channel)
				.submitWithFiles("See the minutes.")
				.file(new MockMultipartFile("files", "minutes.docx", "application/octet-stream", docx.toByteArray()))
				.file(new MockMultipartFile("files", "old minutes.doc", "application/msword", doc)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		// Only what the file held: no properties part, no dates, one author.
		assertThat(page).contains("minutes.docx: Bryt removed or replaced the names of the authors of changes and "
				+ "comments (now \u201cAuthor 1\u201d, \u201cAuthor 2\u201d and so on). Text in the document, and a "
				+ "digital signature, may still name people.");
		assertThat(page).contains("old minutes.doc: Bryt cannot remove the author, tracked changes and comments from "
				+ "older Office files (.doc, .xls, .ppt) or password-protected ones; the file was stored as it is");
	}

	@Test
	void anAdministratorsResetDiscardsTheRecipientsKeyAndANewOneIsMade() {
		long org = this.jdbc
			.sql("insert into organisation (code, name, country) values ('recovery', 'Recovery', 'DK') returning id")
			.query(Long.class)
			.single();
		long account = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, 'recovery-hr', 'HR', :hash, '{HR}') returning id
				""")
			.param("org", org)
			.param("hash", this.passwordEncoder.encode("first password"))
			.query(Long.class)
			.single();
		KeysetHandle original = this.keys.create(org, account, "first password").orElseThrow();

		// An administrator sets a new password: whoever knows it must not get the old
		// key,
		// so the key is discarded (its reports come back only by re-grant or recovery,
		// see KeyRecoveryTests).
		this.jdbc.sql("update account set password_hash = :hash where id = :id")
			.param("id", account)
			.param("hash", this.passwordEncoder.encode("second password"))
			.update();
		this.keys.passwordChanged(new PasswordChanged(org, account, null, "second password"));
		assertThat(this.keys.hasKey(account)).isFalse();
		assertThat(this.keys.unlock(account, "second password")).isEmpty();
		assertThat(this.keys.unlock(account, "first password")).isEmpty();

		KeysetHandle fresh = this.keys.create(org, account, "second password").orElseThrow();
		assertThat(VoiceCrypto.publicKeyset(fresh)).isNotEqualTo(VoiceCrypto.publicKeyset(original));
		assertThat(this.keys.unlock(account, "second password")).isPresent();
	}

	private static byte[] jpegWithGps() throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "jpg", plain);
		TiffOutputSet exif = new TiffOutputSet();
		exif.setGpsInDegrees(12.5683, 55.6761);
		ByteArrayOutputStream withGps = new ByteArrayOutputStream();
		new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withGps, exif);
		return withGps.toByteArray();
	}

}
