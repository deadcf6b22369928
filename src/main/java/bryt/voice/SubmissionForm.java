package bryt.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the reporter's form sends, under the request parameters' names. The answers' names
 * depend on the channel's questions ({@link Answers#check}), so they stay in
 * {@code params}; the fields every form has are read from it here.
 *
 * @param params every parameter as sent, the answers among them
 * @param exclude the recipients the reporter left out
 * @param excludeMalformed whether an {@code exclude} value was not a number (never sent
 * by the form; the form comes back with a message rather than a bare 400)
 */
record SubmissionForm(Map<String, String> params, List<Long> exclude, boolean excludeMalformed) {

	SubmissionForm {
		params = Map.copyOf(params);
		exclude = (exclude != null) ? List.copyOf(exclude) : List.of();
	}

	/** The form as posted, {@code exclude} as the strings the request carried. */
	static SubmissionForm of(Map<String, String> params, List<String> exclude) {
		List<Long> ids = new ArrayList<>();
		boolean malformed = false;
		for (String value : (exclude != null) ? exclude : List.<String>of()) {
			try {
				ids.add(Long.parseLong(value.strip()));
			}
			catch (NumberFormatException ex) {
				malformed = true;
			}
		}
		return new SubmissionForm(params, ids, malformed);
	}

	/** Whether a name or contact was typed while "stay anonymous" was chosen. */
	boolean nameWhileAnonymous() {
		return !named() && (trimmed(this.params.get("name")) != null || trimmed(this.params.get("contact")) != null);
	}

	/** The form's one-time id ({@link FormOnce}). */
	String once() {
		return this.params.get("once");
	}

	/** The questionnaire's revision the reporter answered. */
	String revision() {
		return this.params.get("revision");
	}

	/** Whether the reporter chose to give a name. */
	boolean named() {
		return "named".equals(this.params.get("identity"));
	}

	/** The name, only when the reporter chose to give one; {@code null} if blank. */
	String name() {
		return named() ? trimmed(this.params.get("name")) : null;
	}

	/** How to reach the reporter, only with a name; {@code null} if blank. */
	String contact() {
		return named() ? trimmed(this.params.get("contact")) : null;
	}

	/** The unit's id as typed; {@code null} or blank for none. */
	String unit() {
		return this.params.get("unit");
	}

	@Override
	public String toString() {
		return "SubmissionForm[***]";
	}

	static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
