package bryt.voice;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to channels and their questionnaires, each one transaction:
 * a channel with its recipients and first questionnaire, a question with the
 * questionnaire's new revision.
 */
@Service
class Channels {

	private final ChannelRepository channels;

	private final QuestionRepository questions;

	Channels(ChannelRepository channels, QuestionRepository questions) {
		this.channels = channels;
		this.questions = questions;
	}

	@Transactional
	long create(long organisationId, ChannelForm form, List<QuestionForm.Checked> questionnaire) {
		long id = this.channels.create(organisationId, form);
		questionnaire.forEach((question) -> this.questions.add(organisationId, id, question));
		return id;
	}

	@Transactional
	void update(long organisationId, long id, ChannelForm form) {
		this.channels.update(organisationId, id, form);
	}

	@Transactional
	long addQuestion(long organisationId, long channelId, QuestionForm.Checked question) {
		return this.questions.add(organisationId, channelId, question);
	}

	@Transactional
	void updateQuestion(long organisationId, long channelId, long id, QuestionForm.Checked question) {
		this.questions.update(organisationId, channelId, id, question);
	}

	/**
	 * @return whether it moved: the first cannot move up, nor the last down
	 */
	@Transactional
	boolean moveQuestion(long organisationId, long channelId, long id, boolean up) {
		return this.questions.move(organisationId, channelId, id, up);
	}

	/**
	 * Removes the question unless it is the questionnaire's last.
	 * @return whether it was removed
	 */
	@Transactional
	boolean removeQuestion(long organisationId, long channelId, long id) {
		if (this.questions.questionnaire(organisationId, channelId).size() <= 1) {
			return false;
		}
		this.questions.remove(organisationId, channelId, id);
		return true;
	}

}
