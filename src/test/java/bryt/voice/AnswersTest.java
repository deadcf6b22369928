package bryt.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswersTest {

	private static final Question WHAT = new Question(11, 1, 1, Question.Type.LONG_TEXT, true,
			new Labels("Vad hände?", "Hvad skete der?", "What happened?"), List.of());

	private static final Question WHERE = new Question(12, 1, 2, Question.Type.TEXT, false,
			new Labels("Var?", "Hvor?", "Where?"), List.of());

	private static final Question WHEN = new Question(13, 1, 3, Question.Type.DATE, false,
			new Labels("När?", "Hvornår?", "When?"), List.of());

	private static final Question ONGOING = new Question(14, 1, 4, Question.Type.YES_NO, false,
			new Labels("Pågår det?", "Foregår det?", "Still going on?"), List.of());

	private static final Question SHIFT = new Question(15, 1, 5, Question.Type.SINGLE_CHOICE, true,
			new Labels("Vilket pass?", "Hvilken vagt?", "Which shift?"),
			List.of(new Labels("Dag", "Dag", "Day"), new Labels("Natt", "Nat", "Night")));

	private static final List<Question> QUESTIONNAIRE = List.of(WHAT, WHERE, WHEN, ONGOING, SHIFT);

	@Test
	void keepsEachAnswerWithItsQuestionInEveryLanguageInTheQuestionnairesOrder() {
		Answers.Checked checked = Answers.check(QUESTIONNAIRE,
				Map.of("q.15", "1", "q.11", "  The night shift was alone.  ", "q.13", "2026-03-14", "q.14", "no"));

		assertThat(checked.errors()).isEmpty();
		assertThat(checked.answers()).containsExactly(
				new Answers.Answer(Question.Type.LONG_TEXT, WHAT.label(), Labels.same("The night shift was alone.")),
				new Answers.Answer(Question.Type.DATE, WHEN.label(), Labels.same("2026-03-14")),
				new Answers.Answer(Question.Type.YES_NO, ONGOING.label(), Labels.same("no")),
				new Answers.Answer(Question.Type.SINGLE_CHOICE, SHIFT.label(), new Labels("Natt", "Nat", "Night")));
	}

	@Test
	void namesTheProblemOfEachFieldByItsType() {
		Answers.Checked checked = Answers.check(QUESTIONNAIRE,
				Map.of("q.11", " ", "q.12", "x".repeat(1001), "q.13", "14/3/2026", "q.14", "maybe", "q.15", "2"));

		assertThat(checked.answers()).isEmpty();
		assertThat(checked.errors()).containsExactly(Map.entry("q.11", "voice.error.required"),
				Map.entry("q.12", "voice.error.tooLong.short"), Map.entry("q.13", "voice.error.date"),
				Map.entry("q.14", "voice.error.yesNo"), Map.entry("q.15", "voice.error.choice"));
	}

	@Test
	void acceptsTheLongestAnswersAndLeavesOptionalQuestionsOut() {
		Answers.Checked checked = Answers.check(QUESTIONNAIRE,
				Map.of("q.11", "y".repeat(20_000), "q.12", "x".repeat(1000), "q.15", "0"));

		assertThat(checked.errors()).isEmpty();
		assertThat(checked.answers()).extracting(Answers.Answer::type)
			.containsExactly(Question.Type.LONG_TEXT, Question.Type.TEXT, Question.Type.SINGLE_CHOICE);
		assertThat(Answers.check(QUESTIONNAIRE, Map.of("q.11", "y".repeat(20_001), "q.15", "0")).errors())
			.containsExactly(Map.entry("q.11", "voice.error.tooLong"));
	}

	@Test
	void refusesAPersonalIdentityNumberInAnyAnswer() {
		// 811218-9876: a valid date and Luhn digit (worked out in
		// PersonalIdentityNumbersTest);
		// 010203-1234 a Danish CPR number.
		Answers.Checked checked = Answers.check(QUESTIONNAIRE,
				Map.of("q.11", "The client 811218-9876 was left alone.", "q.12", "at 010203-1234", "q.15", "0"));

		assertThat(checked.errors()).containsExactly(Map.entry("q.11", "voice.error.personalIdentityNumber"),
				Map.entry("q.12", "voice.error.personalIdentityNumber"));
		assertThat(checked.answers()).extracting(Answers.Answer::type).containsExactly(Question.Type.SINGLE_CHOICE);
	}

	@Test
	void theQuestionsTextsTravelWithTheAnswers() {
		List<Answers.Answer> answers = Answers.check(QUESTIONNAIRE, Map.of("q.11", "Alone again.", "q.15", "0"))
			.answers();
		Map<String, String> content = new LinkedHashMap<>();
		Answers.write(answers, content);

		assertThat(content).containsExactly(Map.entry("answers", "2"), Map.entry("answer.0.type", "LONG_TEXT"),
				Map.entry("answer.0.label.sv", "Vad hände?"), Map.entry("answer.0.label.da", "Hvad skete der?"),
				Map.entry("answer.0.label.en", "What happened?"), Map.entry("answer.0.value", "Alone again."),
				Map.entry("answer.1.type", "SINGLE_CHOICE"), Map.entry("answer.1.label.sv", "Vilket pass?"),
				Map.entry("answer.1.label.da", "Hvilken vagt?"), Map.entry("answer.1.label.en", "Which shift?"),
				Map.entry("answer.1.value.sv", "Dag"), Map.entry("answer.1.value.da", "Dag"),
				Map.entry("answer.1.value.en", "Day"));
		Map<String, String> decoded = Payload.decode(Payload.encode(content));
		assertThat(Answers.read(decoded, (name) -> Labels.same("unused"))).isEqualTo(answers);
	}

	@Test
	void readsAReportFiledBeforeQuestionnairesCouldBeEditedByTheBuiltInQuestionsNames() {
		Map<String, String> content = new LinkedHashMap<>();
		content.put("what", "The lock is broken.");
		content.put("ongoing", "yes");

		List<Answers.Answer> answers = Answers.read(content,
				(name) -> name.equals("what") ? new Labels("Vad hände?", "Hvad skete der?", "What happened?")
						: new Labels("Pågår det?", "Foregår det?", "Still going on?"));

		assertThat(answers).containsExactly(new Answers.Answer(Question.Type.LONG_TEXT,
				new Labels("Vad hände?", "Hvad skete der?", "What happened?"), Labels.same("The lock is broken.")),
				new Answers.Answer(Question.Type.YES_NO, new Labels("Pågår det?", "Foregår det?", "Still going on?"),
						Labels.same("yes")));
	}

	// ovtrust (issue 15): the shared guard reads other scripts' digits as digits, so a
	// Voice answer holding 811218-9876 in Arabic-Indic (U+0660…) or Extended Arabic-Indic
	// (U+06F0…, Persian) digits is refused like the ASCII one
	@Test
	void refusesAPersonalIdentityNumberWrittenInAnotherScriptsDigits() {
		Answers.Checked checked = Answers.check(QUESTIONNAIRE,
				Map.of("q.11",
						"The client \u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666 was left alone.",
						"q.12", "\u06F8\u06F1\u06F1\u06F2\u06F1\u06F8-\u06F9\u06F8\u06F7\u06F6", "q.15", "0"));

		assertThat(checked.errors()).containsExactly(Map.entry("q.11", "voice.error.personalIdentityNumber"),
				Map.entry("q.12", "voice.error.personalIdentityNumber"));
	}

}
