package bryt.voice;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.servlet.http.Cookie;

import bryt.BrytTest;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Hostile files through the public form: the reporter is told exactly what was removed
 * from each, the recipient downloads them clean, and an image too large to clean safely
 * is refused with a message and nothing stored.
 */
@BrytTest
class FileCleaningTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void theReporterIsToldExactlyWhatWasRemovedAndTheRecipientGetsTheFilesClean() throws Exception {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml",
				"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
					.getBytes(StandardCharsets.UTF_8));
		parts.put("word/media/image1.jpeg", HostileFiles.jpeg());
		long channel = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();

		String page = HtmlUtils.htmlUnescape(
				this.mvc
					.perform(ReportForm.of(this.jdbc, channel)
						.submitWithFiles("See the photo of the broken lock.")
						.file(new MockMultipartFile("files", "photo.jpg", "image/jpeg", HostileFiles.jpeg()))
						.file(new MockMultipartFile("files", "screen.png", "image/png", HostileFiles.png()))
						.file(new MockMultipartFile("files", "minutes.docx", "application/octet-stream",
								HostileFiles.zip(parts))))
					.andReturn()
					.getResponse()
					.getContentAsString());

		assertThat(page).contains("photo.jpg: Bryt removed the location (GPS); camera, settings and time (EXIF); "
				+ "XMP data (such as author, software and edit history); IPTC and Photoshop data (such as "
				+ "photographer, caption and keywords); comments; data hidden after the end of the picture. What the "
				+ "picture shows is unchanged.");
		assertThat(page).contains("screen.png: Bryt removed the location (GPS); camera, settings and time (EXIF); "
				+ "text notes (such as author, software and description); the time it was last changed; data hidden "
				+ "after the end of the picture.");
		assertThat(page).contains("minutes.docx: Bryt removed or replaced the location (GPS); camera, settings and "
				+ "time (EXIF); XMP data (such as author, software and edit history); IPTC and Photoshop data (such "
				+ "as photographer, caption and keywords); comments; data hidden after the end of the picture. Text "
				+ "in the document");
		long reportId = Receipts.reportId(this.jdbc, Receipts.on(page));
		long reportNumber = this.jdbc.sql("select number from voice_report where id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
		long photoId = this.jdbc.sql("select min(id) from voice_attachment where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();

		var hr = user(this.accounts.loadUserByUsername("hr"));
		String setCookie = this.mvc.perform(post("/voice/unlock").with(hr).with(csrf()).param("password", "demo"))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		String pair = setCookie.substring(0, setCookie.indexOf(';'));
		Cookie session = new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		String reportPage = HtmlUtils
			.htmlUnescape(this.mvc.perform(get("/voice/reports/" + reportNumber).cookie(session).with(hr))
				.andReturn()
				.getResponse()
				.getContentAsString());
		// The recipient reads the same notice.
		assertThat(reportPage).contains("photo.jpg: Bryt removed the location (GPS); camera");
		byte[] photo = this.mvc
			.perform(get("/voice/reports/" + reportNumber + "/files/" + photoId).cookie(session).with(hr))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertClean(photo);
		assertThat(HostileFiles.pixels(HostileFiles.decode(photo)))
			.isEqualTo(HostileFiles.pixels(HostileFiles.decode(HostileFiles.jpeg())));
		byte[] docx = this.mvc
			.perform(get("/voice/reports/" + reportNumber + "/files/" + (photoId + 2)).cookie(session).with(hr))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("word/media/image1.jpeg")) {
					assertClean(zip.readAllBytes());
				}
			}
		}
	}

	@Test
	void anImageOfTooManyPixelsIsRefusedWithAMessageAndNothingIsStored() throws Exception {
		long channel = this.jdbc.sql("select min(id) from voice_channel").query(Long.class).single();
		long reports = this.jdbc.sql("select count(*) from voice_report").query(Long.class).single();

		var response = this.mvc
			.perform(ReportForm.of(this.jdbc, channel)
				.submitWithFiles("See the scan.")
				.file(new MockMultipartFile("files", "scan.png", "image/png", HostileFiles.hugePngWithBrokenData())))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(HtmlUtils.htmlUnescape(response.getContentAsString()))
			.contains("An image has more than 40 million pixels. Bryt does not take images that large")
			.contains("See the scan.");
		assertThat(this.jdbc.sql("select count(*) from voice_report").query(Long.class).single()).isEqualTo(reports);

		// The same for a message in the follow-up.
		String receipt = receipt(this.mvc.perform(ReportForm.of(this.jdbc, channel).submit("The lock is broken."))
			.andReturn()
			.getResponse()
			.getContentAsString());
		long messages = this.jdbc.sql("select count(*) from voice_message").query(Long.class).single();
		String followUp = HtmlUtils.htmlUnescape(
				this.mvc
					.perform(multipart("/report/exempelby/follow-up/message").param("receipt", receipt)
						.param("text", "Here is the scan.")
						.file(new MockMultipartFile("files", "scan.png", "image/png",
								HostileFiles.hugePngWithBrokenData())))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(followUp).contains("An image has more than 40 million pixels.");
		assertThat(this.jdbc.sql("select count(*) from voice_message").query(Long.class).single()).isEqualTo(messages);
	}

	private static String receipt(String page) {
		return Receipts.on(page);
	}

	private static void assertClean(byte[] jpeg) throws Exception {
		ImageMetadata metadata = Imaging.getMetadata(jpeg);
		assertThat((metadata instanceof JpegImageMetadata image) ? image.getExif() : null).isNull();
		assertThat(Imaging.getImageInfo(jpeg).getComments()).isEmpty();
		assertThat(new String(jpeg, StandardCharsets.ISO_8859_1))
			.doesNotContain(HostileFiles.COMMENT, HostileFiles.BYLINE, HostileFiles.XMP, HostileFiles.CAMERA,
					HostileFiles.TRAILER)
			.endsWith("\u00FF\u00D9");
	}

}
