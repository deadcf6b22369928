package bryt.voice;

import java.util.List;

/**
 * What a channel is for, and the questionnaire a new channel of this kind starts with.
 * Administrators edit a channel's questions afterwards; the default question texts are in
 * the message bundle under {@code voice.question.<name>}.
 */
enum ChannelKind {

	/** Deficiencies in the service (missförhållanden, Lex Sarah; utilstrækkelighed). */
	DEFICIENCY(List.of(DefaultQuestion.required("what"), DefaultQuestion.of("when", Question.Type.DATE),
			DefaultQuestion.of("affected", Question.Type.TEXT), DefaultQuestion.of("ongoing", Question.Type.YES_NO))),
	/** Work environment (arbetsmiljö, arbejdsmiljø). */
	WORK_ENVIRONMENT(List.of(DefaultQuestion.required("what"), DefaultQuestion.of("when", Question.Type.DATE),
			DefaultQuestion.of("ongoing", Question.Type.YES_NO),
			DefaultQuestion.of("raisedBefore", Question.Type.YES_NO))),
	/** Threats and violence (hot och våld, trusler og vold). */
	THREATS(List.of(DefaultQuestion.required("what"), DefaultQuestion.of("when", Question.Type.DATE),
			DefaultQuestion.of("where", Question.Type.TEXT), DefaultQuestion.of("injured", Question.Type.YES_NO))),
	/** Whistleblowing under the law (visselblåsning, whistleblowing). */
	WHISTLEBLOWING(List.of(DefaultQuestion.required("what"), DefaultQuestion.of("when", Question.Type.DATE),
			DefaultQuestion.of("involved", Question.Type.TEXT),
			DefaultQuestion.of("evidence", Question.Type.LONG_TEXT)));

	private final List<DefaultQuestion> questions;

	ChannelKind(List<DefaultQuestion> questions) {
		this.questions = questions;
	}

	List<DefaultQuestion> defaultQuestions() {
		return this.questions;
	}

	/**
	 * The type of a built-in question. Reports filed before questionnaires could be
	 * edited name their answers by these names.
	 */
	static Question.Type typeOf(String name) {
		for (ChannelKind kind : values()) {
			for (DefaultQuestion question : kind.questions) {
				if (question.name().equals(name)) {
					return question.type();
				}
			}
		}
		return Question.Type.LONG_TEXT;
	}

	/**
	 * A built-in question.
	 *
	 * @param name its key in the message bundle, {@code voice.question.<name>}
	 */
	record DefaultQuestion(String name, Question.Type type, boolean required) {

		static DefaultQuestion required(String name) {
			return new DefaultQuestion(name, Question.Type.LONG_TEXT, true);
		}

		static DefaultQuestion of(String name, Question.Type type) {
			return new DefaultQuestion(name, type, false);
		}

	}

}
