package bryt.overview;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import bryt.PackagedJar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar bryt.jar report} as an operator runs it: no snapshot is an error that
 * names the way to take one; with {@code --take} it takes one while the server runs on
 * the same data directory; after the server stopped it writes the CSV of that snapshot
 * (format from the file's extension); bad arguments are a message and exit code 2, never
 * a stack trace.
 */
class ReportCommandIT {

	private final Path dataDir = Path.of("target/it-report", UUID.randomUUID().toString()).toAbsolutePath();

	@Test
	void writesTheReportWithOrWithoutTheServerRunning() throws Exception {
		Files.createDirectories(this.dataDir);
		Path units = write("units.csv", "code;name;parent;level\nSOC;Socialtjänsten;;department\nT1;Team 1;SOC;team\n");
		Path staff = write("staff.csv", """
				employee_number,name,unit,role,fte,experience_start,employment_start
				1,Ada Ek,T1,social_worker,1,2010-01-01,2020-01-01
				2,Bo Ek,T1,first_line_lead,1,2010-01-01,2020-01-01
				""");
		assertThat(
				run("organisation", "create", "--code", "repkommun", "--name", "Repkommun", "--country", "SE").code())
			.isZero();
		assertThat(run("import", "--org", "repkommun", "--kind", "units", units.toString()).code()).isZero();
		assertThat(run("import", "--org", "repkommun", "--kind", "staff", staff.toString()).code()).isZero();

		Path pdf = this.dataDir.resolve("report.pdf");
		Result none = run("report", "--org", "repkommun", "--quarter", "2026-Q1", "--out", pdf.toString());
		assertThat(none.code()).isOne();
		assertThat(none.err()).contains("No snapshot of 2026-Q1 for repkommun").contains("--take");
		assertThat(pdf).doesNotExist();

		Process server = startServer();
		try {
			Result taken = run("report", "--org", "repkommun", "--quarter", "2026-Q1", "--out", pdf.toString(),
					"--take");
			assertThat(taken.code()).as(taken.err()).isZero();
			assertThat(taken.err()).contains("Took version 1 of 2026-Q1");
		}
		finally {
			server.destroy();
			server.waitFor(60, TimeUnit.SECONDS);
		}
		assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(CommitteeReportTests.normalised(CommitteeReportTests.pdfText(Files.readAllBytes(pdf))))
			.contains("Rapport till nämnden: Repkommun, 2026-Q1")
			.doesNotContain("Ada Ek");

		// Team 1: one social worker per first-line lead, in Swedish: 1,0.
		Path csv = this.dataDir.resolve("report.csv");
		Result written = run("report", "--org", "repkommun", "--quarter", "2026-Q1", "--out", csv.toString());
		assertThat(written.code()).as(written.err()).isZero();
		assertThat(Files.readString(csv)).contains(";T1;Team 1;1,0;1").doesNotContain("Ada Ek");

		for (List<String> bad : List.of(List.of("--org", "repkommun", "--quarter", "2026-Q5", "--out", "x.pdf"),
				List.of("--org", "repkommun", "--quarter", "2026-Q1", "--out", "x.pdf", "--format", "docx"),
				List.of("--org", "nosuch", "--quarter", "2026-Q1", "--out", "x.pdf"),
				List.of("--org", "repkommun", "--quarter", "2026-Q1"))) {
			String[] args = new java.util.ArrayList<>(List.of("report")) {
				{
					addAll(bad);
				}
			}.toArray(String[]::new);
			Result refused = run(args);
			assertThat(refused.code()).as("%s", bad).isEqualTo(2);
			assertThat(refused.err()).as("%s", bad)
				.contains("Usage: java -jar bryt.jar report")
				.doesNotContain("\tat ");
		}
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dataDir.resolve(name), content);
	}

	private Result run(String... args) throws Exception {
		List<String> command = PackagedJar.command(ReportCommandIT.class,
				"--bryt.db.data-dir=" + this.dataDir.resolve("db"));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(this.dataDir, "out", ".txt");
		Path err = Files.createTempFile(this.dataDir, "err", ".txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private Process startServer() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(
				PackagedJar.command(ReportCommandIT.class, "--server.port=" + port, "--server.address=127.0.0.1",
						"--bryt.db.data-dir=" + this.dataDir.resolve("db"), "--bryt.demo.enabled=false"))
			.redirectErrorStream(true)
			.redirectOutput(this.dataDir.resolve("server.log").toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
		while (Instant.now().isBefore(deadline)) {
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200) {
					return process;
				}
			}
			catch (IOException ex) {
				// not yet listening
			}
			Thread.sleep(500);
		}
		process.destroyForcibly();
		throw new AssertionError("The server did not start");
	}

	private record Result(int code, String out, String err) {
	}

}
