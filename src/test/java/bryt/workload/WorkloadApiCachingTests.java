package bryt.workload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.imports.Imports;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The workload JSON as a polling script gets it: gzipped when asked, and {@code 304 Not
 * Modified} for an ETag it already holds, until the data change.
 */
@BrytTest
class WorkloadApiCachingTests {

	private static final String URL = "/api/v1/organisations/exempelby/workload";

	/** Before the demo's three years of cases: only this test's case is open then. */
	private static final String AT = "2015-01-15";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Workload workload;

	@Autowired
	private Imports imports;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JsonMapper json;

	@Test
	void gzipsWhenAskedAndAnswersNotModifiedUntilTheDataChange() throws Exception {
		MockHttpServletResponse plain = request(null, null);
		assertThat(plain.getStatus()).isEqualTo(200);
		assertThat(plain.getHeader("Content-Encoding")).isNull();
		assertThat(plain.getHeader("Vary")).contains("Accept-Encoding");
		String etag = plain.getHeader("ETag");
		assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");

		MockHttpServletResponse zipped = request("br, gzip;q=0.8", null);
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gunzip(zipped.getContentAsByteArray())).isEqualTo(plain.getContentAsString());
		assertThat(zipped.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length);
		assertThat(request("gzip;q=0, identity", null).getHeader("Content-Encoding")).as("gzip refused").isNull();

		MockHttpServletResponse same = request(null, etag);
		assertThat(same.getStatus()).isEqualTo(304);
		assertThat(same.getContentAsByteArray()).isEmpty();
		assertThat(openCases(plain.getContentAsString())).isZero();

		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		String team = this.organisations.units(demo.id())
			.stream()
			.filter((unit) -> unit.parentId() != null)
			.findFirst()
			.orElseThrow()
			.code();
		this.imports.run(demo.id(), this.imports.kind("cases"), "old.csv",
				new ByteArrayInputStream(
						("case_ref,case_type,unit,opened,closed\nETAG-1,EKB," + team + ",2015-01-01,2015-02-01\n")
							.getBytes(StandardCharsets.UTF_8)));

		MockHttpServletResponse changed = request(null, etag);
		assertThat(changed.getStatus()).as("the old ETag after an import").isEqualTo(200);
		assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
		assertThat(openCases(changed.getContentAsString())).isOne();
	}

	@Test
	void readsAcceptEncodingAsTheStandardDefinesIt() {
		assertThat(WorkloadApiController.acceptsGzip(null)).isFalse();
		assertThat(WorkloadApiController.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(WorkloadApiController.acceptsGzip("GZIP")).isTrue();
		assertThat(WorkloadApiController.acceptsGzip("*")).isTrue();
		assertThat(WorkloadApiController.acceptsGzip("deflate;q=1, gzip;q=0.5")).isTrue();
		assertThat(WorkloadApiController.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(WorkloadApiController.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(WorkloadApiController.acceptsGzip("identity")).isFalse();
		assertThat(WorkloadApiController.acceptsGzip("x-gzip2")).isFalse();
	}

	private int openCases(String body) {
		return this.json.readTree(body).get("total").get("openCases").asInt();
	}

	private MockHttpServletResponse request(String acceptEncoding, String ifNoneMatch) throws Exception {
		var request = get(URL).param("at", AT).with(user(this.accounts.loadUserByUsername("hr")));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static String gunzip(byte[] zipped) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
