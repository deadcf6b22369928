package bryt.surveys;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment on an action, from the manager's or the safety representative's side. */
record ActionCommentForm(@NotBlank @Size(max = 2000) @NoPersonalIdentityNumber String text) {

	static ActionCommentForm empty() {
		return new ActionCommentForm(null);
	}

}
