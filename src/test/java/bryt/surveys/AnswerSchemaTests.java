package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import bryt.ServerDay;
import bryt.MailTest;
import bryt.BrytTest;
import bryt.Superuser;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * No path from an answer to a person, also for whoever holds the database: checked on the
 * schema ({@code information_schema}) and on everything the database holds after a launch
 * and answers.
 */
@BrytTest
class AnswerSchemaTests extends MailTest {

	private static final List<String> ANSWER_TABLES = List.of("survey_response", "survey_answer", "survey_comment",
			"survey_held_response", "survey_held_answer", "survey_held_comment");

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private CycleService cycles;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EmbeddedDatabase database;

	@Autowired
	private DatabaseProperties properties;

	@Test
	void answersHaveNoForeignKeyOrSharedColumnToInvitationsOrPeopleAndNoTime() {
		// pg_constraint: information_schema shows constraints only to the tables' owner.
		List<String> references = this.jdbc
			.sql("""
					select conrelid::regclass::text || ' -> ' || confrelid::regclass::text from pg_constraint
					where contype = 'f' and conrelid::regclass::text in ('survey_response', 'survey_answer', 'survey_comment',
						'survey_held_response', 'survey_held_answer', 'survey_held_comment')
					order by 1
					""")
			.query(String.class)
			.list();
		assertThat(references).isNotEmpty();
		// Only to their cycle, and an answer to its response (held ones to their held
		// response).
		assertThat(references).containsOnly("survey_answer -> survey_response", "survey_response -> survey_cycle",
				"survey_comment -> survey_cycle", "survey_held_answer -> survey_held_response",
				"survey_held_comment -> survey_held_response", "survey_held_response -> survey_cycle");

		List<String> answerColumns = columns(ANSWER_TABLES);
		// No column an invitation, a recipient or a person's table has, but the group
		// attributes the answer must carry.
		List<String> shared = this.jdbc.sql("""
				select distinct column_name from information_schema.columns
				where table_schema = 'public' and table_name in ('survey_invitation', 'survey_recipient', 'staff',
					'staff_period', 'account')
				""")
			.query(String.class)
			.list()
			.stream()
			.filter((column) -> answerColumns.stream().anyMatch((c) -> c.endsWith("." + column)))
			.filter((column) -> !List.of("cycle_id", "unit_id", "tenure_band", "age_band", "id", "organisation_id")
				.contains(column))
			.toList();
		assertThat(shared).isEmpty();
		assertThat(answerColumns)
			.noneMatch((column) -> column.matches(".*(token|hmac|staff|account|person|email|" + "name|invitation).*"));
		List<String> times = this.jdbc.sql("""
				select table_name || '.' || column_name from information_schema.columns
				where table_schema = 'public' and table_name in ('survey_response', 'survey_answer', 'survey_comment',
						'survey_held_response', 'survey_held_answer', 'survey_held_comment')
					and (data_type like 'timestamp%' or data_type in ('date', 'time without time zone',
						'time with time zone', 'interval'))
				""").query(String.class).list();
		assertThat(times).isEmpty();
		// Nor any default that would stamp a time or a sequence (order) on a row.
		List<String> defaults = this.jdbc.sql("""
				select table_name || '.' || column_name from information_schema.columns
				where table_schema = 'public' and table_name in ('survey_response', 'survey_answer', 'survey_comment',
						'survey_held_response', 'survey_held_answer', 'survey_held_comment')
					and (column_default is not null or is_identity = 'YES')
				""").query(String.class).list();
		assertThat(defaults).isEmpty();
	}

	@Test
	void aDumpHoldsNoCodeNoAddressNoNameAndTheKeyIsNowhere() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();
		CycleService.Invited invited = this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today, today.plusDays(13)));
		List<String> codes = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			codes.add(CycleLaunchTests.code(mail));
		}
		invited.paperCodes().forEach((code) -> codes.add(code.replace("-", "")));
		assertThat(codes).hasSize(9);
		for (String code : codes.subList(0, 3)) {
			this.mvc
				.perform(post("/s/answer").param("code", code)
					.param("item.w1", "2")
					.param("item.free", "More staff, please"))
				.andReturn();
		}
		JdbcClient superuser = JdbcClient.create(Superuser.of(this.database, this.properties));
		// The second review's H1: while the answers are held, none of their rows carries
		// a
		// transaction id (xmin, or xmax of a lock) that any invitation carries: answering
		// neither writes nor locks the invitation, it leaves a mark in survey_used_code.
		List<String> held = superuser.sql("""
				select r.xmin::text from survey_held_response r where r.cycle_id = :id
				union select a.xmin::text from survey_held_answer a join survey_held_response r on r.id = a.held_id
					where r.cycle_id = :id
				union select c.xmin::text from survey_held_comment c join survey_held_response r on r.id = c.held_id
					where r.cycle_id = :id
				""").param("id", invited.cycle().id()).query(String.class).list();
		assertThat(held).hasSize(3);
		List<String> invitations = superuser
			.sql("select xmin::text from survey_invitation union select xmax::text from survey_invitation")
			.query(String.class)
			.list();
		assertThat(invitations).doesNotContainAnyElementsOf(held);
		assertThat(this.jdbc.sql("select count(*) from survey_invitation where cycle_id = :id and used")
			.param("id", invited.cycle().id())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from survey_used_code where cycle_id = :id")
			.param("id", invited.cycle().id())
			.query(Integer.class)
			.single()).isEqualTo(3);
		this.cycles.close(invited.cycle().id());
		assertThat(this.jdbc.sql("select count(*) from survey_response where cycle_id = :id")
			.param("id", invited.cycle().id())
			.query(Integer.class)
			.single()).isEqualTo(3);

		// The review's H1: every released row carries the closing transaction's id, so no
		// comment can be joined to its scores, nor an answer to its invitation, by xmin.
		List<String> released = superuser.sql("""
				select xmin::text from survey_response where cycle_id = :id
				union select a.xmin::text from survey_answer a join survey_response r on r.id = a.response_id
					where r.cycle_id = :id
				union select xmin::text from survey_comment where cycle_id = :id
				""").param("id", invited.cycle().id()).query(String.class).list();
		assertThat(released).hasSize(1);
		assertThat(superuser.sql("select xmin::text from survey_invitation where cycle_id = :id")
			.param("id", invited.cycle().id())
			.query(String.class)
			.list()).hasSize(9).doesNotContainAnyElementsOf(released);
		// Everything the surveys tables hold, as text (bytea as hex).
		String surveys = String.join("\n", dump(superuser, "survey\\_%"));
		for (String code : codes) {
			assertThat(surveys).doesNotContain(code)
				.doesNotContain(code.toLowerCase())
				.doesNotContain(InvitationCode.parse(code).orElseThrow().grouped())
				.doesNotContain(HexFormat.of().formatHex(code.getBytes(StandardCharsets.US_ASCII)));
		}
		assertThat(surveys).contains("More staff, please");
		assertThat(surveys).doesNotContain("@work.example").doesNotContain("Person ");
		// The invitation key's bytes, in any form, in no table at all.
		byte[] key = Base64.getDecoder()
			.decode(Files.readString(this.properties.dataDir().resolve("keys").resolve(InvitationKey.FILE)).strip());
		String everything = String.join("\n", dump(superuser, "%"));
		String base64 = Base64.getEncoder().encodeToString(key);
		assertThat(everything).doesNotContain(HexFormat.of().formatHex(key))
			.doesNotContain(HexFormat.of().formatHex(base64.getBytes(StandardCharsets.US_ASCII)))
			.doesNotContain(base64)
			.doesNotContain(base64.substring(0, 40));
	}

	private List<String> columns(List<String> tables) {
		return this.jdbc.sql("""
				select table_name || '.' || column_name from information_schema.columns
				where table_schema = 'public' and table_name in (:tables)
				""").param("tables", tables).query(String.class).list();
	}

	/**
	 * Every value of every column of the matching tables, as text; bytea columns as hex.
	 */
	static List<String> dump(JdbcClient superuser, String tablePattern, String... except) {
		List<String> values = new ArrayList<>();
		List<String> tables = superuser.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' and table_name like :pattern order by 1
				""").param("pattern", tablePattern).query(String.class).list();
		for (String table : tables) {
			if (Arrays.asList(except).contains(table)) {
				continue;
			}
			List<String> columns = superuser.sql("""
					select column_name, data_type from information_schema.columns
					where table_schema = 'public' and table_name = :table order by ordinal_position
					""").param("table", table).query((rs, row) -> {
				String column = '"' + rs.getString("column_name") + '"';
				return "bytea".equals(rs.getString("data_type")) ? "encode(" + column + ", 'hex')" : column + "::text";
			}).list();
			for (String column : columns) {
				values.addAll(
						superuser.sql("select " + column + " from \"" + table + "\" where " + column + " is not null")
							.query(String.class)
							.list());
			}
		}
		return values;
	}

}
