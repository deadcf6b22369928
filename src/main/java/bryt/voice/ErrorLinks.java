package bryt.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import bryt.organisation.Organisations;

/**
 * The error summary of the report form: one entry per error, in the form's order, each
 * linking to the field it belongs to (for radios and checkboxes, the first of them).
 * Errors about the whole form have no target.
 */
final class ErrorLinks {

	private ErrorLinks() {
	}

	static List<ErrorLink> of(Map<String, String> errors, List<Question> questions,
			List<Organisations.AccountSummary> recipients) {
		List<ErrorLink> links = new ArrayList<>();
		for (String whole : List.of("busy", "questionnaire", "once")) {
			if (errors.containsKey(whole)) {
				links.add(new ErrorLink(null, errors.get(whole)));
			}
		}
		for (Question question : questions) {
			String field = question.field();
			if (errors.containsKey(field)) {
				String target = switch (question.type()) {
					case YES_NO -> field + "-yes";
					case SINGLE_CHOICE -> field + "-0";
					default -> field;
				};
				links.add(new ErrorLink(target, errors.get(field)));
			}
		}
		add(links, errors, "unit", "unit");
		add(links, errors, "files", "files");
		add(links, errors, "identity", "identity-anonymous");
		add(links, errors, "name", "name");
		if (errors.containsKey("exclude")) {
			links.add(new ErrorLink(recipients.isEmpty() ? null : "exclude-" + recipients.get(0).id(),
					errors.get("exclude")));
		}
		return links;
	}

	private static void add(List<ErrorLink> links, Map<String, String> errors, String field, String target) {
		if (errors.containsKey(field)) {
			links.add(new ErrorLink(target, errors.get(field)));
		}
	}

	/**
	 * @param target the id of the field to go to; {@code null} for the whole form
	 * @param message the message key
	 */
	record ErrorLink(String target, String message) {
	}

}
