package bryt.voice;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.PersonalIdentityNumbers;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a reporter's form against the channel: the questions it showed, the answers, the
 * name, the unit and the files. Every error is a message key under the field it belongs
 * to; a personal identity number is neither kept nor shown again.
 */
@Component
class SubmissionValidator {

	static final String PERSONAL_IDENTITY_NUMBER = "voice.error.personalIdentityNumber";

	private final QuestionRepository questions;

	private final Organisations directory;

	private final Uploads uploads;

	SubmissionValidator(QuestionRepository questions, Organisations directory, Uploads uploads) {
		this.questions = questions;
		this.directory = directory;
		this.uploads = uploads;
	}

	Checked check(Organisation organisation, Channel channel, SubmissionForm form, List<MultipartFile> files) {
		Map<String, String> values = new HashMap<>(form.params());
		Map<String, String> errors = new LinkedHashMap<>();
		if (!String.valueOf(channel.questionnaireRevision()).equals(form.revision())) {
			// The questions changed while the reporter answered: show the new ones rather
			// than file the answers under questions the reporter did not see.
			errors.put("questionnaire", "voice.error.questionnaireChanged");
		}
		Answers.Checked answers = Answers.check(this.questions.questionnaire(organisation.id(), channel.id()),
				form.params());
		errors.putAll(answers.errors());
		answers.errors().forEach((field, error) -> {
			if (error.equals(PERSONAL_IDENTITY_NUMBER)) {
				values.remove(field);
			}
		});
		String name = form.name();
		String contact = form.contact();
		String typedName = SubmissionForm.trimmed(form.params().get("name"));
		String typedContact = SubmissionForm.trimmed(form.params().get("contact"));
		if (PersonalIdentityNumbers.containsOne(typedName) || PersonalIdentityNumbers.containsOne(typedContact)) {
			errors.put("name", PERSONAL_IDENTITY_NUMBER);
			values.remove("name");
			values.remove("contact");
		}
		else if ((form.named() && name == null) || (name != null && name.length() > Uploads.MAX_NAME)
				|| (contact != null && contact.length() > Uploads.MAX_NAME)) {
			errors.put("name", "voice.error.name");
		}
		else if (form.nameWhileAnonymous()) {
			// Not discarded silently: the reporter may have meant to give the name.
			errors.put("identity", "voice.error.nameWhileAnonymous");
		}
		String identity = form.params().get("identity");
		if (identity != null && !identity.equals("named") && !identity.equals("anonymous")) {
			errors.put("identity", "voice.error.identity");
		}
		Long unitId = unit(organisation, form.unit(), errors);
		if (form.excludeMalformed()) {
			errors.put("exclude", "voice.error.excludeMalformed");
		}
		List<Reports.Upload> uploaded = this.uploads.read(files, errors);
		return new Checked(errors, values, new Reports.Submission(answers.answers(), unitId, name, contact,
				new HashSet<>(form.exclude()), uploaded));
	}

	private Long unit(Organisation organisation, String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(value.strip());
			if (this.directory.units(organisation.id()).stream().anyMatch((unit) -> unit.id() == id)) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		errors.put("unit", "voice.error.unit");
		return null;
	}

	/**
	 * @param errors message keys by field, in the form's order; empty when the report may
	 * be sent
	 * @param values what to show in the form again
	 * @param submission what to send, when there are no errors
	 */
	record Checked(Map<String, String> errors, Map<String, String> values, Reports.Submission submission) {

		@Override
		public String toString() {
			return "Checked[errors=" + this.errors.keySet() + "]";
		}

	}

}
