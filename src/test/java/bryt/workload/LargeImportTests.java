package bryt.workload;

import bryt.ServerTest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A case export of 100 MB against the real server: the API reads it from the request body
 * as it arrives and imports every row; the import page, which takes files up to 30 MB,
 * refuses it with a message in the user's language that says where such files go; a
 * multipart upload of it to the API is refused with problem details. The file is written
 * under {@code target/} by the test and is not kept in memory.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeImportTests {

	private static final int ROWS = 300_000;

	private static final long HUNDRED_MEGABYTES = 100L * 1024 * 1024;

	/** Row n has the type TYPES[n % 5]. */
	private static final List<String> TYPES = List.of("BBU-FB", "BBU-UTR", "EKB", "LVU", "PLAC");

	private static final LocalDate FIRST_OPENED = LocalDate.of(2025, 1, 1);

	/**
	 * Unknown to Bryt, so ignored, but still passed through the identity number guard.
	 */
	private static final String NOTE = "Samtal med vårdnadshavare och skola enligt plan; uppföljning av insatsen "
		.repeat(4);

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Path file;

	private String token;

	@BeforeAll
	void writeTheFileAndCreateAToken() throws Exception {
		List<String[]> workers = this.jdbc.sql("""
				select s.employee_number, u.code from staff s join unit u on u.id = s.unit_id
				join organisation o on o.id = s.organisation_id
				where o.code = 'exempelby' and s.role = 'SOCIAL_WORKER' and s.end_date is null
				order by s.employee_number
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		assertThat(workers).hasSizeGreaterThan(7);
		this.file = Path.of("target/large-import/cases-100mb.csv");
		Files.createDirectories(this.file.getParent());
		write(this.file, workers);
		this.token = ApiTokenPage.create(this.mvc, this.accounts, "case system export");
	}

	/**
	 * Row n (1 to 300,000): {@code BIG-n}, type {@code TYPES[n % 5]}, opened
	 * {@code n % 365} days after 1 January 2025, closed 30 days later when n is divisible
	 * by 3; an LVU case has a co-handler; an aid case (EKB) with n % 50 = 2 has its own
	 * deadline; a child investigation with n % 1000 = 6 reopens case n - 5.
	 */
	private static void write(Path file, List<String[]> workers) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity,linked_case,"
					+ "status,note\n");
			for (int n = 1; n <= ROWS; n++) {
				String type = TYPES.get(n % 5);
				String[] handler = workers.get(n % workers.size());
				LocalDate opened = FIRST_OPENED.plusDays(n % 365);
				String closed = (n % 3 == 0) ? opened.plusDays(30).toString() : "";
				String deadline = (type.equals("EKB") && n % 50 == 2) ? opened.plusDays(60).toString() : "";
				String coHandler = type.equals("LVU") ? workers.get((n + 7) % workers.size())[0] : "";
				String linked = (n % 1000 == 6) ? "BIG-" + (n - 5) : "";
				out.write(String.join(",", "BIG-" + n, type, handler[1], opened.toString(), closed, deadline,
						handler[0], coHandler, String.valueOf(1 + n % 3), linked, "aktiv", NOTE));
				out.write('\n');
			}
		}
	}

	@Test
	void importsAHundredMegabyteFileStreamedAsTheRequestBody() throws Exception {
		assertThat(Files.size(this.file)).isGreaterThan(HUNDRED_MEGABYTES);
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/organisations/exempelby/imports/cases")))
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", "text/csv")
				.timeout(Duration.ofMinutes(5))
				.POST(HttpRequest.BodyPublishers.ofFile(this.file))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(new JsonMapper().readTree(response.body()).get("changed").asInt()).isEqualTo(ROWS);

		assertThat(count("select count(*) from case_file where case_ref like 'BIG-%'")).isEqualTo(ROWS);
		// one handler each, and a co-handler for the 60,000 LVU cases (n % 5 = 3)
		assertThat(count("""
				select count(*) from case_assignment a join case_file c on c.id = a.case_id
				where c.case_ref like 'BIG-%' and a.valid_to is null
				""")).isEqualTo(300_000 + 60_000);
		// 60,000 initial assessments (14 days) and 60,000 child investigations (120 days)
		// by their type; 6,000 aid cases with a deadline of their own (n = 2, 52, 102, …)
		assertThat(count("""
				select count(*) from case_deadline d join case_file c on c.id = d.case_id where c.case_ref like 'BIG-%'
				""")).isEqualTo(60_000 + 60_000 + 6_000);
		assertThat(
				count("""
						select count(*) from case_file c join case_file l on l.id = c.linked_case_id where c.case_ref like 'BIG-%'
						"""))
			.isEqualTo(300);
		// BIG-1006, opened 4 October 2025, reopens BIG-1001, opened 271 days after 1
		// January: 29 September 2025; + 120 days = 27 January 2026, not 1 February.
		assertThat(deadlineOf("BIG-1006")).isEqualTo(LocalDate.of(2026, 1, 27));
		// BIG-2, aid opened 3 January 2025 with its own deadline 60 days later
		assertThat(deadlineOf("BIG-2")).isEqualTo(LocalDate.of(2025, 3, 4));
	}

	@Test
	void thePageRefusesAFileOverItsLimitAndSaysWhereItGoes() throws Exception {
		long casesBefore = count("select count(*) from case_file");
		String boundary = "bryt-large-import";
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url("/workload/imports")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(2))
			.POST(multipart(boundary, "kind", "cases"))
			.build(), HttpResponse.BodyHandlers.ofString());
		// the refusal is a redirect to the form, not an error page: no exception reaches
		// the user, and nothing was imported
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.body()).doesNotContain("Exception");
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/workload/imports?tooLarge=true");
		assertThat(count("select count(*) from case_file")).isEqualTo(casesBefore);

		String path = URI.create(location).getPath() + "?tooLarge=true";
		for (Locale language : List.of(Locale.ENGLISH, Locale.of("sv"), Locale.of("da"))) {
			String expected = switch (language.getLanguage()) {
				case "sv" -> "Filen är större än 30 MB, det mesta den här sidan tar emot; ingenting importerades.";
				case "da" -> "Filen er større end 30 MB, det meste denne side modtager; intet blev importeret.";
				default -> "The file is larger than 30 MB, the most this page accepts; nothing was imported.";
			};
			this.mvc.perform(get(path).locale(language).with(user(this.accounts.loadUserByUsername("hr"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(expected)))
				.andExpect(content().string(containsString("java -jar bryt.jar import")));
		}
		// the form itself states the limit, and shows no refusal
		this.mvc.perform(get("/workload/imports").with(user(this.accounts.loadUserByUsername("hr"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A CSV file of up to 30 MB")))
			.andExpect(content().string(not(containsString("larger than 30 MB"))));
	}

	@Test
	void theApiRefusesAMultipartUploadOverTheLimitAndPointsToTheRequestBody() throws Exception {
		String boundary = "bryt-large-import";
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/organisations/exempelby/imports/cases")))
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept-Language", "sv")
				.timeout(Duration.ofMinutes(2))
				.POST(multipart(boundary))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = new JsonMapper().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("title").asString()).isEqualTo("Filen importerades inte");
		assertThat(problem.get("detail").asString()).contains("30 MB", "Content-Type text/csv");
	}

	/** A form with the 100 MB file as its {@code file} field, after the given fields. */
	private HttpRequest.BodyPublisher multipart(String boundary, String... fields) throws IOException {
		StringBuilder head = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			head.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(fields[i])
				.append("\"\r\n\r\n")
				.append(fields[i + 1])
				.append("\r\n");
		}
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n")
			.append("Content-Type: text/csv\r\n\r\n");
		return HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
				HttpRequest.BodyPublishers.ofFile(this.file),
				HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private LocalDate deadlineOf(String ref) {
		return this.jdbc.sql("""
				select d.deadline from case_deadline d join case_file c on c.id = d.case_id
				where c.case_ref = :ref order by d.decided_on desc, d.deadline desc limit 1
				""").param("ref", ref).query(LocalDate.class).single();
	}

}
