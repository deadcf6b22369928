package bryt.voice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import bryt.shared.PersonalIdentityNumbers;

/**
 * A report's answers: checked against the channel's questions when the reporter submits,
 * and stored together with the questions' texts as they were then, inside the report's
 * encrypted content. Editing a questionnaire later never changes what an earlier report
 * says it was asked.
 */
final class Answers {

	private static final String COUNT = "answers";

	private Answers() {
	}

	/**
	 * Checks the reporter's answers, named {@code q.<question id>}, against the
	 * questions.
	 * @return the answers given, in the questions' order, and for each field in error the
	 * message key that explains it
	 */
	static Checked check(List<Question> questions, Map<String, String> params) {
		List<Answer> answers = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (Question question : questions) {
			String raw = params.get(question.field());
			String value = (raw == null || raw.isBlank()) ? null : raw.strip();
			if (value == null) {
				if (question.required()) {
					errors.put(question.field(), "voice.error.required");
				}
				continue;
			}
			String error = problem(question, value);
			if (error != null) {
				errors.put(question.field(), error);
				continue;
			}
			Labels answer = (question.type() == Question.Type.SINGLE_CHOICE)
					? question.options().get(Integer.parseInt(value)) : Labels.same(value);
			answers.add(new Answer(question.type(), question.label(), answer));
		}
		return new Checked(answers, errors);
	}

	/** What is wrong with a given answer, as a message key; {@code null} when nothing. */
	private static String problem(Question question, String value) {
		// First, so that a refused number is never shown again whatever else is wrong.
		if (PersonalIdentityNumbers.containsOne(value)) {
			return "voice.error.personalIdentityNumber";
		}
		return switch (question.type()) {
			case TEXT -> (value.length() > Question.MAX_SHORT_LENGTH) ? "voice.error.tooLong.short" : null;
			case LONG_TEXT -> (value.length() > Question.MAX_LENGTH) ? "voice.error.tooLong" : null;
			case YES_NO -> (value.equals("yes") || value.equals("no")) ? null : "voice.error.yesNo";
			case SINGLE_CHOICE -> validChoice(value, question.options().size()) ? null : "voice.error.choice";
			case DATE -> validDate(value) ? null : "voice.error.date";
		};
	}

	private static boolean validChoice(String value, int options) {
		if (value.length() > 3 || !value.chars().allMatch(Character::isDigit)) {
			return false;
		}
		return Integer.parseInt(value) < options;
	}

	private static boolean validDate(String value) {
		try {
			LocalDate.parse(value);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** Adds the answers, with their questions' texts, to a report's content. */
	static void write(List<Answer> answers, Map<String, String> content) {
		content.put(COUNT, String.valueOf(answers.size()));
		for (int i = 0; i < answers.size(); i++) {
			Answer answer = answers.get(i);
			String prefix = "answer." + i + ".";
			content.put(prefix + "type", answer.type().name());
			put(content, prefix + "label", answer.question());
			if (answer.type() == Question.Type.SINGLE_CHOICE) {
				put(content, prefix + "value", answer.value());
			}
			else {
				content.put(prefix + "value", answer.value().en());
			}
		}
	}

	/**
	 * The answers of a report's content (without its identity entries).
	 * @param builtInLabel the texts of a built-in question by its name: reports filed
	 * before questionnaires could be edited hold only the names of their questions
	 */
	static List<Answer> read(Map<String, String> content, Function<String, Labels> builtInLabel) {
		List<Answer> answers = new ArrayList<>();
		if (!content.containsKey(COUNT)) {
			content.forEach((name, value) -> answers
				.add(new Answer(ChannelKind.typeOf(name), builtInLabel.apply(name), Labels.same(value))));
			return answers;
		}
		int count = Integer.parseInt(content.get(COUNT));
		for (int i = 0; i < count; i++) {
			String prefix = "answer." + i + ".";
			Question.Type type = Question.Type.valueOf(content.get(prefix + "type"));
			Labels value = (type == Question.Type.SINGLE_CHOICE) ? get(content, prefix + "value")
					: Labels.same(content.get(prefix + "value"));
			answers.add(new Answer(type, get(content, prefix + "label"), value));
		}
		return answers;
	}

	private static void put(Map<String, String> content, String key, Labels labels) {
		content.put(key + ".sv", labels.sv());
		content.put(key + ".da", labels.da());
		content.put(key + ".en", labels.en());
	}

	private static Labels get(Map<String, String> content, String key) {
		return new Labels(content.get(key + ".sv"), content.get(key + ".da"), content.get(key + ".en"));
	}

	/**
	 * One answer as the recipients read it.
	 *
	 * @param question the question as it was asked
	 * @param value the answer: the text typed, {@code yes} or {@code no}, a date, or the
	 * choice in each language
	 */
	record Answer(Question.Type type, Labels question, Labels value) {

		@Override
		public String toString() {
			return "Answer[" + this.type + "]";
		}

	}

	/**
	 * The answers given and the fields in error, each with the message key that explains
	 * it.
	 */
	record Checked(List<Answer> answers, Map<String, String> errors) {

		@Override
		public String toString() {
			return "Checked[" + this.answers.size() + " answers, errors in " + this.errors.keySet() + "]";
		}

	}

}
