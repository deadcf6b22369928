package bryt;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator uses it: create an organisation, import files while the
 * server runs on the same data directory and after it stopped, read the errors of a bad
 * file on standard error, and print the workload JSON.
 */
class CommandLineIT {

	private final Path dataDir = Path.of("target/it-cli", UUID.randomUUID().toString()).toAbsolutePath();

	@Test
	void createsImportsAndPrintsTheWorkloadWithOrWithoutTheServerRunning() throws Exception {
		Files.createDirectories(this.dataDir);
		Path units = write("units.csv", "code;name;parent;level\nSOC;Socialtjänsten;;department\nT1;Team 1;SOC;team\n");
		Path staff = write("staff.csv", """
				employee_number,name,unit,role,fte,experience_start,employment_start
				1,Ada Ek,T1,social_worker,1,2010-01-01,2020-01-01
				2,Bo Ek,T1,social_worker,0.5,2010-01-01,2020-01-01
				""");
		Path bad = write("bad.csv",
				"case_ref,case_type,unit,opened,handler\nK-1,EKB,T1,2026-02-30,1\nK-2,NOPE,T1,2026-01-01,1\n");
		Path cases = write("cases.csv", """
				case_ref,case_type,unit,opened,handler,co_handler,complexity
				K-1,BBU-UTR,T1,2026-01-01,1,2,1
				K-2,LVU,T1,2026-01-01,2,,3
				""");

		assertThat(
				run("organisation", "create", "--code", "clikommun", "--name", "Clikommun", "--country", "SE").code())
			.isZero();
		assertThat(run("organisation", "create", "--code", "clikommun", "--name", "Again", "--country", "SE").code())
			.as("a taken code")
			.isEqualTo(2);

		Process server = startServer();
		try {
			assertThat(run("import", "--org", "clikommun", "--kind", "units", units.toString()).code())
				.as("importing while the server runs on the same data")
				.isZero();
		}
		finally {
			server.destroy();
			server.waitFor(60, TimeUnit.SECONDS);
		}
		assertThat(run("import", "--org", "clikommun", "--kind", "staff", staff.toString()).code()).isZero();
		Result refused = run("import", "--org", "clikommun", "--kind", "cases", bad.toString());
		assertThat(refused.code()).isOne();
		assertThat(refused.err()).contains("bad.csv:2:4 (opened): Expected a date")
			.contains("bad.csv:3:2 (case_type): No case type with this code.")
			.as("commands log warnings only")
			.doesNotContain(" INFO ");
		assertThat(run("import", "--org", "clikommun", "--kind", "cases", cases.toString()).code()).isZero();

		Result workload = run("workload", "--org", "clikommun", "--at", "2026-03-01");
		assertThat(workload.code()).isZero();
		// Ada: half of K-1's 8 points = 4 of 100. Bo: 4 + LVU 10 × 2 = 24 of 50 (0.5
		// FTE).
		assertThat(workload.out()).startsWith("{\"organisation\":\"clikommun\"")
			.contains(
					"\"employeeNumber\":\"1\",\"name\":\"Ada Ek\",\"unit\":\"T1\",\"openCases\":1,\"weightedLoad\":4.0,\"capacity\":100.0")
			.contains(
					"\"employeeNumber\":\"2\",\"name\":\"Bo Ek\",\"unit\":\"T1\",\"openCases\":2,\"weightedLoad\":24.0,\"capacity\":50.0,\"loadRatio\":0.48,\"band\":\"spare\"");

		// The national roll-up: the same totals, 4 + 24 points of 100 + 50; K-1, an
		// investigation opened on 1 January, is due on 1 May (120 days).
		Result national = run("workload", "national", "--at", "2026-03-01");
		assertThat(national.code()).isZero();
		assertThat(national.out()).startsWith("{\"at\":\"2026-03-01\",\"organisations\":[")
			.contains("{\"code\":\"clikommun\",\"headcount\":2,\"capacity\":150.0,\"openCases\":2,"
					+ "\"weightedLoad\":28.0,\"openInvestigations\":1,\"investigationsPastDeadline\":0}")
			.as("commands create no demo municipality")
			.doesNotContain("exempelby");

		// The weekly trend: 52 Sundays back from 1 March; both cases opened on 1 January.
		Result trend = run("workload", "trend", "--org", "clikommun", "--at", "2026-03-01");
		assertThat(trend.code()).isZero();
		assertThat(trend.out()).startsWith("{\"organisation\":\"clikommun\",\"at\":\"2026-03-01\",\"weeks\":[")
			.contains("{\"week\":\"2025-03-09\",\"total\":{\"code\":\"clikommun\",\"headcount\":2,\"openCases\":0,")
			.contains("{\"week\":\"2025-12-28\",\"total\":{\"code\":\"clikommun\",\"headcount\":2,\"openCases\":0,")
			.contains("{\"week\":\"2026-01-04\",\"total\":{\"code\":\"clikommun\",\"headcount\":2,\"openCases\":2,")
			.doesNotContain("2025-03-02");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dataDir.resolve(name), content);
	}

	private Result run(String... args) throws Exception {
		List<String> command = PackagedJar.command(CommandLineIT.class,
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
		Process process = new ProcessBuilder(PackagedJar.command(CommandLineIT.class, "--server.port=" + port,
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
