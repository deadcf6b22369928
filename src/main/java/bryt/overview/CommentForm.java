package bryt.overview;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A side's comment on a snapshot: plain text, never an identity number. */
record CommentForm(@NotBlank @Size(max = Reviews.MAX_LENGTH) @NoPersonalIdentityNumber String body) {

	static CommentForm empty() {
		return new CommentForm(null);
	}

}
