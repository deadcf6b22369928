package bryt.overview;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The operator's redaction of a stored comment (ovtrust): the command lists the comments
 * with their numbers, replaces one's text by the marker in every output, logs who, when
 * and why, keeps no original; the database lets no other change through.
 */
@BrytTest
class OverviewRedactionTests {

	private static final Quarter Q4_2025 = new Quarter(2025, 4);

	private static final String SECRET = "The health of our colleague in team A";

	@Autowired
	private OverviewCommand command;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anOperatorReplacesAStoredCommentsTextEverywhereAndTheRedactionIsLogged() throws Exception {
		OverviewFixture fixture = new OverviewFixture(this.organisations, this.jdbc);
		long a = fixture.unit("A");
		fixture.staff(a, "SOCIAL_WORKER");
		String hr = fixture.account("hr", "HR", 0);
		Snapshot snapshot = this.snapshots.take(fixture.organisation, Q4_2025, null, null);
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/overview/snapshots/" + snapshot.id() + "/employer/comment")
			.param("body", SECRET)
			.with(user(this.accounts.loadUserByUsername(hr)))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		long id = this.jdbc.sql("select id from overview_comment where snapshot_id = :s")
			.param("s", snapshot.id())
			.query(Long.class)
			.single();
		String code = fixture.organisation.code();

		assertThat(run("comments", "--org", code, "--quarter", "2025-Q4")).contains("#" + id)
			.contains("EMPLOYER")
			.contains(SECRET);
		// the database refuses any other change, before and after
		assertThatThrownBy(
				() -> this.jdbc.sql("update overview_comment set body = 'x' where id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("never changed");
		assertThatThrownBy(
				() -> this.jdbc.sql("update overview_comment set body = '[removed by the operator]' where id = :id")
					.param("id", id)
					.update())
			.as("without a logged redaction")
			.isInstanceOf(DataAccessException.class);

		assertThat(run("redact-comment", "--org", code, "--comment", Long.toString(id), "--by", "Operator Olsson",
				"--reason", "A colleague's health"))
			.contains("#" + id)
			.contains("[removed by the operator]");

		assertThat(this.jdbc.sql("select count(*) from overview_comment where body like '%health of our%'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select redacted_by || ' / ' || reason from overview_comment_redaction where comment_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Operator Olsson / A colleague's health");
		// the marker is stored in English and shown in the reader's language
		String page = this.mvc
			.perform(get("/overview/snapshots/" + snapshot.id()).param("lang", "sv")
				.with(user(this.accounts.loadUserByUsername(hr))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("#comment-EMPLOYER-text").text())
			.isEqualTo("[borttaget av plattformens driftansvarige]");
		assertThat(page).doesNotContain("health of our").doesNotContain("[removed by the operator]");
		String report = this.mvc
			.perform(get("/overview/reports/" + snapshot.id()).param("format", "html")
				.param("language", "en")
				.with(user(this.accounts.loadUserByUsername(hr))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(report).contains("[removed by the platform operator]").doesNotContain("health of our");
		Snapshot.Comment stored = this.snapshots.find(fixture.organisation.id(), snapshot.id())
			.orElseThrow()
			.comment(Snapshot.Side.EMPLOYER)
			.orElseThrow();
		assertThat(stored.body()).isEqualTo("[removed by the operator]");
		assertThat(stored.redacted()).isTrue();
		assertThat(run("comments", "--org", code, "--quarter", "2025-Q4")).contains("(redacted)")
			.doesNotContain("health of our");
		assertThatThrownBy(() -> this.jdbc.sql("update overview_comment set body = 'back' where id = :id")
			.param("id", id)
			.update()).isInstanceOf(DataAccessException.class);
		// twice, another organisation's code, no reason: refused with a message
		for (List<String> refused : List.of(
				List.of("redact-comment", "--org", code, "--comment", Long.toString(id), "--by", "O", "--reason", "x"),
				List.of("redact-comment", "--org",
						new OverviewFixture(this.organisations, this.jdbc).organisation.code(), "--comment",
						Long.toString(id), "--by", "O", "--reason", "x"),
				List.of("redact-comment", "--org", code, "--comment", Long.toString(id), "--by", "O", "--reason",
						" "))) {
			assertThatThrownBy(() -> run(refused.toArray(String[]::new))).as(refused.toString())
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	private String run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = this.command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

}
