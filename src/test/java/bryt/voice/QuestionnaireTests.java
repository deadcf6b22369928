package bryt.voice;

import java.util.List;

import javax.sql.DataSource;

import bryt.BrytTest;
import bryt.Superuser;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
import com.google.crypto.tink.KeysetHandle;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Administrators edit a channel's questionnaire with plain forms; reporters answer the
 * edited questions in their language; a report keeps the questions it was answered with.
 * Each test works on a channel of its own.
 */
@BrytTest
@ExtendWith(OutputCaptureExtension.class)
class QuestionnaireTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ChannelRepository channels;

	@Autowired
	private Channels changes;

	@Autowired
	private QuestionRepository questions;

	@Autowired
	private DefaultQuestionnaire defaults;

	@Autowired
	private Reports reports;

	@Autowired
	private RecipientKeys keys;

	@Autowired
	private UserDetailsService accounts;

	private long channel;

	@BeforeEach
	void createChannel() {
		this.channel = this.changes
			.create(org(),
					new ChannelForm(ChannelKind.WORK_ENVIRONMENT, "Questionnaire test", 7, 3, 730, true,
							List.of(accountId("hr"), accountId("union"))),
					this.defaults.of(ChannelKind.WORK_ENVIRONMENT));
	}

	@Test
	void aNewChannelStartsWithItsKindsQuestionsInEveryLanguage() {
		assertThat(questionnaire())
			.extracting((q) -> q.label().sv(), (q) -> q.label().da(), (q) -> q.label().en(), Question::type,
					Question::required)
			.containsExactly(
					tuple("Vad hände? Beskriv så utförligt du kan.",
							"Hvad skete der? Beskriv det så udførligt, du kan.",
							"What happened? Describe it as fully as you can.", Question.Type.LONG_TEXT, true),
					tuple("När hände det?", "Hvornår skete det?", "When did it happen?", Question.Type.DATE, false),
					tuple("Pågår det fortfarande?", "Foregår det stadig?", "Is it still going on?",
							Question.Type.YES_NO, false),
					tuple("Har du tagit upp det tidigare?", "Har du taget det op før?", "Have you raised it before?",
							Question.Type.YES_NO, false));
	}

	@Test
	void anAdministratorAddsMovesAndRemovesQuestions() throws Exception {
		int revision = revision();
		this.mvc.perform(asAdmin(addShiftQuestion()))
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl())
				.isEqualTo("/admin/voice/channels/" + this.channel + "#questions"));
		Question shift = questionnaire().get(4);
		assertThat(shift.type()).isEqualTo(Question.Type.SINGLE_CHOICE);
		assertThat(shift.required()).isTrue();
		assertThat(shift.options()).containsExactly(new Labels("Dag", "Dag", "Day"),
				new Labels("Kväll", "Aften", "Evening"), new Labels("Natt", "Nat", "Night"));

		this.mvc.perform(asAdmin(post(questionPath(shift.id()) + "/move").param("direction", "up")));
		this.mvc.perform(asAdmin(post(questionPath(shift.id()) + "/move").param("direction", "up")));
		long raisedBefore = questionnaire().get(4).id();
		this.mvc.perform(asAdmin(post(questionPath(raisedBefore) + "/remove")));
		long when = questionnaire().get(1).id();
		this.mvc.perform(asAdmin(post(questionPath(when)).param("labelSv", "Vilken dag hände det?")
			.param("labelDa", "Hvilken dag skete det?")
			.param("labelEn", "On which day did it happen?")
			.param("type", "DATE")
			.param("required", "true")));

		assertThat(questionnaire()).extracting((q) -> q.label().en(), Question::required)
			.containsExactly(tuple("What happened? Describe it as fully as you can.", true),
					tuple("On which day did it happen?", true), tuple("Which shift?", true),
					tuple("Is it still going on?", false));
		assertThat(revision()).isEqualTo(revision + 5);
		String page = page(asAdmin(get("/admin/voice/channels/" + this.channel)));
		assertThat(page).containsSubsequence("What happened?", "On which day did it happen?", "Which shift?",
				"Is it still going on?");
		assertThat(page).contains("aria-label=\"Move up: Which shift?\"");
	}

	@Test
	void theFirstQuestionDoesNotMoveUpAndTheLastQuestionStays() throws Exception {
		List<Question> before = questionnaire();
		this.mvc.perform(asAdmin(post(questionPath(before.get(0).id()) + "/move").param("direction", "up")));
		this.mvc.perform(asAdmin(post(questionPath(before.get(3).id()) + "/move").param("direction", "down")));
		assertThat(questionnaire()).isEqualTo(before);
		for (Question question : before.subList(1, 4)) {
			this.mvc.perform(asAdmin(post(questionPath(question.id()) + "/remove")));
		}
		this.mvc.perform(asAdmin(post(questionPath(before.get(0).id()) + "/remove")));
		assertThat(questionnaire()).containsExactly(before.get(0));
	}

	@Test
	void aQuestionWithoutItsDanishTextIsRefusedInTheAdministratorsLanguage() throws Exception {
		assertThat(page(asAdmin(withoutDanish()))).contains("Write the question in Danish.")
			.doesNotContain("Write the question in Swedish.");
		assertThat(page(asAdmin(withoutDanish()).header("Accept-Language", "sv"))).contains("Skriv frågan på danska.");
		assertThat(page(asAdmin(withoutDanish()).header("Accept-Language", "da")))
			.contains("Skriv spørgsmålet på dansk.");
		assertThat(questionnaire()).hasSize(4);
	}

	@Test
	void choicesAreNeededInTheSameNumberInEveryLanguage(CapturedOutput output) throws Exception {
		String page = page(asAdmin(post(questionsPath()).param("labelSv", "Vilket pass?")
			.param("labelDa", "Hvilken vagt?")
			.param("labelEn", "Which shift?")
			.param("type", "SINGLE_CHOICE")
			.param("optionsSv", "Dag\nKväll\nNatt")
			.param("optionsDa", "Dag\r\nNat")
			.param("optionsEn", "Day\nEvening\n811218-9876")));
		assertThat(page).contains("Give the same choices in every language: 2 here, 3 in another language.")
			.contains("This looks like a personal identity number")
			.contains("Kväll")
			.doesNotContain("811218");
		assertThat(page(asAdmin(post(questionsPath()).param("labelSv", "Vilket pass?")
			.param("labelDa", "Hvilken vagt?")
			.param("labelEn", "Which shift?")
			.param("type", "SINGLE_CHOICE")))).contains("Give 2 to 20 choices, one per line.");
		assertThat(questionnaire()).hasSize(4);
		assertThat(output.getAll()).doesNotContain("811218");
	}

	@Test
	void theReportFormAsksTheEditedQuestionsInTheReportersLanguageAndExplainsEachError(CapturedOutput output)
			throws Exception {
		this.mvc.perform(asAdmin(addShiftQuestion()));
		List<Question> questions = questionnaire();
		String form = page(get(reportPath()).header("Accept-Language", "da"));
		assertThat(form).containsSubsequence("Hvad skete der?", "Hvornår skete det?", "Hvilken vagt?", "Dag", "Aften",
				"Nat");
		assertThat(form).contains("(skal besvares)").doesNotContain("Which shift?", "Vilket pass?");

		String refused = page(post(reportPath()).param("once", FormOnce.generate())
			.header("Accept-Language", "da")
			.param("revision", String.valueOf(revision()))
			.param(questions.get(0).field(), "Klienten 811218-9876 var alene.")
			.param(questions.get(1).field(), "14/3/2026")
			.param(questions.get(2).field(), "perhaps"));
		assertThat(refused).contains("Dette ligner et CPR-nummer eller personnummer.")
			.contains("Angiv en dato som åååå-mm-dd, for eksempel 2026-03-14.")
			.contains("Vælg ja eller nej.")
			.contains("Besvar spørgsmålet.")
			.doesNotContain("811218", "Klienten");
		assertThat(reportCount()).isZero();
		assertThat(output.getAll()).doesNotContain("811218");
	}

	@Test
	void aReportKeepsTheQuestionsItWasAnsweredWithWhenTheQuestionnaireChanges() throws Exception {
		this.mvc.perform(asAdmin(addShiftQuestion()));
		List<Question> asked = questionnaire();
		String receipt = receipt(page(post(reportPath()).param("once", FormOnce.generate())
			.param("revision", String.valueOf(revision()))
			.param(asked.get(0).field(), "The night shift was left alone.")
			.param(asked.get(2).field(), "yes")
			.param(asked.get(4).field(), "2")));

		this.mvc.perform(asAdmin(post(questionPath(asked.get(0).id())).param("labelSv", "Beskriv händelsen")
			.param("labelDa", "Beskriv hændelsen")
			.param("labelEn", "Describe the event")
			.param("type", "LONG_TEXT")));
		this.mvc.perform(asAdmin(post(questionPath(asked.get(4).id()) + "/remove")));
		this.mvc.perform(asAdmin(post(questionPath(asked.get(2).id()) + "/remove")));

		long hr = accountId("hr");
		KeysetHandle key = this.keys.unlock(hr, "demo").orElseThrow();
		long reportId = this.jdbc.sql("select max(id) from voice_report where channel_id = :c")
			.param("c", this.channel)
			.query(Long.class)
			.single();
		Reports.RecipientView report = this.reports.read(org(), hr, reportId, key);
		assertThat(report.answers()).extracting((a) -> a.question().en(), (a) -> a.value().en(), (a) -> a.value().sv())
			.containsExactly(
					tuple("What happened? Describe it as fully as you can.", "The night shift was left alone.",
							"The night shift was left alone."),
					tuple("Is it still going on?", "yes", "yes"), tuple("Which shift?", "Night", "Natt"));
		String followUp = page(
				post("/report/exempelby/follow-up").header("Accept-Language", "sv").param("receipt", receipt));
		assertThat(followUp).containsSubsequence("Vad hände? Beskriv så utförligt du kan.",
				"The night shift was left alone.", "Pågår det fortfarande?", "Ja", "Vilket pass?", "Natt");
		assertThat(followUp).doesNotContain("Beskriv händelsen");
	}

	@Test
	void answersToQuestionsThatChangedMeanwhileAreShownAgainNotFiled() throws Exception {
		int seen = revision();
		long first = questionnaire().get(0).id();
		this.mvc.perform(asAdmin(addShiftQuestion()));
		String page = page(post(reportPath()).param("once", FormOnce.generate())
			.param("revision", String.valueOf(seen))
			.param("q." + first, "Written while the questions changed."));
		assertThat(page).contains("The questions of this channel changed while you were answering.")
			.contains("Written while the questions changed.")
			.contains("Which shift?")
			.contains("name=\"revision\" value=\"" + revision() + "\"");
		assertThat(reportCount()).isZero();
	}

	@Test
	void aChannelIsClosedByUntickingItsCheckbox() throws Exception {
		// An unticked checkbox sends nothing at all.
		this.mvc.perform(asAdmin(post("/admin/voice/channels/" + this.channel).param("kind", "WORK_ENVIRONMENT")
			.param("name", "Questionnaire test, closed")
			.param("acknowledgeDays", "7")
			.param("feedbackMonths", "3")
			.param("retentionDays", "730")
			.param("recipients", String.valueOf(accountId("hr")))));
		Channel closed = this.channels.find(org(), this.channel).orElseThrow();
		assertThat(closed.name()).isEqualTo("Questionnaire test, closed");
		assertThat(closed.enabled()).isFalse();
		assertThat(this.mvc.perform(get(reportPath())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theMigrationGivesExistingChannelsTheQuestionsTheirKindBuiltIn(@Autowired EmbeddedDatabase database,
			@Autowired DatabaseProperties properties) {
		// A scratch schema: only the superuser may create one.
		DataSource dataSource = Superuser.of(database, properties);
		Flyway before = Flyway.configure()
			.dataSource(dataSource)
			.schemas("questionnaire_migration")
			.locations("classpath:db/migration")
			.target("5")
			.load();
		try {
			before.migrate();
			JdbcClient schema = JdbcClient.create(dataSource);
			schema
				.sql("""
						insert into questionnaire_migration.organisation (code, name, country) values ('migrated', 'Migrated', 'DK');
						insert into questionnaire_migration.voice_channel (organisation_id, kind, name)
						select id, 'THREATS', 'Trusler' from questionnaire_migration.organisation;
						""")
				.update();
			Flyway.configure()
				.dataSource(dataSource)
				.schemas("questionnaire_migration")
				.locations("classpath:db/migration")
				.load()
				.migrate();
			assertThat(schema.sql("""
					select position, type, required, label_da from questionnaire_migration.voice_question
					order by position
					""")
				.query((rs, row) -> tuple(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
				.list())
				.containsExactly(tuple(1, "LONG_TEXT", true, "Hvad skete der? Beskriv det så udførligt, du kan."),
						tuple(2, "DATE", false, "Hvornår skete det?"), tuple(3, "TEXT", false, "Hvor skete det?"),
						tuple(4, "YES_NO", false, "Kom nogen til skade?"));
			// The same texts as a channel created now.
			assertThat(schema.sql("select label_sv from questionnaire_migration.voice_question order by position")
				.query(String.class)
				.list()).containsExactlyElementsOf(
						this.defaults.of(ChannelKind.THREATS).stream().map((q) -> q.label().sv()).toList());
		}
		finally {
			JdbcClient.create(dataSource).sql("drop schema questionnaire_migration cascade").update();
		}
	}

	private MockHttpServletRequestBuilder withoutDanish() {
		return post(questionsPath()).param("labelSv", "Vilket pass?")
			.param("labelDa", "  ")
			.param("labelEn", "Which shift?")
			.param("type", "TEXT");
	}

	private MockHttpServletRequestBuilder addShiftQuestion() {
		return post(questionsPath()).param("labelSv", "Vilket pass?")
			.param("labelDa", "Hvilken vagt?")
			.param("labelEn", "Which shift?")
			.param("type", "SINGLE_CHOICE")
			.param("required", "true")
			.param("optionsSv", "Dag\nKväll\nNatt")
			.param("optionsDa", "Dag\nAften\nNat")
			.param("optionsEn", "Day\nEvening\nNight\n");
	}

	private List<Question> questionnaire() {
		return this.questions.questionnaire(org(), this.channel);
	}

	private int revision() {
		return this.channels.find(org(), this.channel).orElseThrow().questionnaireRevision();
	}

	private long reportCount() {
		return this.jdbc.sql("select count(*) from voice_report where channel_id = :c")
			.param("c", this.channel)
			.query(Long.class)
			.single();
	}

	private String questionsPath() {
		return "/admin/voice/channels/" + this.channel + "/questions";
	}

	private String questionPath(long question) {
		return questionsPath() + "/" + question;
	}

	private String reportPath() {
		return "/report/exempelby/channel/" + this.channel;
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername("admin"))).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private static String receipt(String page) {
		return Receipts.on(page);
	}

	private long org() {
		return this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
	}

	private long accountId(String username) {
		return this.jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
