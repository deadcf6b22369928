package bryt.voice;

import bryt.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reporter meets when something goes wrong, on a real server (error pages are a
 * second dispatch that MockMvc does not make): no cookie on the device, and no trace in
 * the log of what the reporter sent.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class PublicErrorPagesTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theErrorPagesOfTheReportingPathsSetNoLanguageCookie() throws Exception {
		for (String path : List.of("/report/nosuch?lang=da", "/report/exempelby/channel/999999?lang=da",
				"/report/exempelby/x/y?lang=da", "/report/?lang=da")) {
			HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(url(path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(path).isBetween(400, 404);
			assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
	}

	/**
	 * A connection that broke during an upload: the form's body ends before its last
	 * boundary. The reporter gets a page that says so; nothing is stored or logged.
	 */
	@Test
	void aBrokenUploadGetsAPageAndLeavesNothingInTheLog(CapturedOutput output) throws Exception {
		long channel = this.jdbc.sql("""
				select min(c.id) from voice_channel c join organisation o on o.id = c.organisation_id
				where o.code = 'exempelby'
				""").query(Long.class).single();
		long reportsBefore = this.jdbc.sql("select count(*) from voice_report").query(Long.class).single();
		String cutOff = "--XX\r\nContent-Disposition: form-data; name=\"revision\"\r\n\r\n1\r\n--XX\r\n"
				+ "Content-Disposition: form-data; name=\"files\"; filename=\"photo.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\nMARKERBROKENUPLOAD";
		HttpResponse<String> page = this.http
			.send(HttpRequest.newBuilder(url("/report/exempelby/channel/" + channel + "?lang=da"))
				.header("Content-Type", "multipart/form-data; boundary=XX")
				.POST(HttpRequest.BodyPublishers.ofString(cutOff, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Formularen kom ikke helt frem");
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from voice_report").query(Long.class).single())
			.isEqualTo(reportsBefore);
		// What the reporter sees is the page, not what broke: no exception, no trace, not
		// the file's content. The log is searched only for this test's own marker (the
		// file's content must never be logged); whether other exceptions appear in the
		// shared log says nothing about this request.
		assertThat(page.body()).doesNotContain("Exception", "MARKERBROKENUPLOAD", "at org.");
		assertThat(output.getAll()).doesNotContain("MARKERBROKENUPLOAD");
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
