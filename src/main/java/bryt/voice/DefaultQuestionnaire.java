package bryt.voice;

import java.util.List;

import bryt.shared.web.Language;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The built-in questions, in every language from the message bundles: what a new channel
 * starts with, and how reports filed before questionnaires could be edited name their
 * questions.
 */
@Component
class DefaultQuestionnaire {

	private final MessageSource messages;

	DefaultQuestionnaire(MessageSource messages) {
		this.messages = messages;
	}

	List<QuestionForm.Checked> of(ChannelKind kind) {
		return kind.defaultQuestions()
			.stream()
			.map((question) -> new QuestionForm.Checked(question.type(), question.required(), label(question.name()),
					List.of()))
			.toList();
	}

	/** The built-in question's text in each language; its name if it has none. */
	Labels label(String name) {
		return new Labels(text(name, Language.SV), text(name, Language.DA), text(name, Language.EN));
	}

	private String text(String name, Language language) {
		return this.messages.getMessage("voice.question." + name, null, name, language.locale());
	}

}
