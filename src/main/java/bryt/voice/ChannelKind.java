package bryt.voice;

import java.util.List;

/**
 * What a channel is for, and the questionnaire it asks. Question texts are in the message
 * bundle under {@code voice.question.<name>}.
 */
enum ChannelKind {

	/** Deficiencies in the service (missförhållanden, Lex Sarah; utilstrækkelighed). */
	DEFICIENCY(List.of(Question.required("what"), Question.date("when"), Question.text("affected"),
			Question.yesNo("ongoing"))),
	/** Work environment (arbetsmiljö, arbejdsmiljø). */
	WORK_ENVIRONMENT(List.of(Question.required("what"), Question.date("when"), Question.yesNo("ongoing"),
			Question.yesNo("raisedBefore"))),
	/** Threats and violence (hot och våld, trusler og vold). */
	THREATS(List.of(Question.required("what"), Question.date("when"), Question.text("where"),
			Question.yesNo("injured"))),
	/** Whistleblowing under the law (visselblåsning, whistleblowing). */
	WHISTLEBLOWING(List.of(Question.required("what"), Question.date("when"), Question.text("involved"),
			Question.longText("evidence")));

	private final List<Question> questions;

	ChannelKind(List<Question> questions) {
		this.questions = questions;
	}

	List<Question> questions() {
		return this.questions;
	}

	/**
	 * One question of a questionnaire.
	 *
	 * @param name the answer's name in the form and the payload
	 * @param type how it is asked
	 * @param required whether a report needs an answer
	 */
	record Question(String name, Type type, boolean required) {

		static final int MAX_LENGTH = 20_000;

		static Question required(String name) {
			return new Question(name, Type.LONG_TEXT, true);
		}

		static Question text(String name) {
			return new Question(name, Type.TEXT, false);
		}

		static Question longText(String name) {
			return new Question(name, Type.LONG_TEXT, false);
		}

		static Question date(String name) {
			return new Question(name, Type.DATE, false);
		}

		static Question yesNo(String name) {
			return new Question(name, Type.YES_NO, false);
		}

		enum Type {

			TEXT, LONG_TEXT, DATE, YES_NO

		}

	}

}
