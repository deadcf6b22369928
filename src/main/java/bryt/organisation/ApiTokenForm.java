package bryt.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The name of a new API token, as an administrator types it. */
record ApiTokenForm(@NotBlank @Size(max = 100) String name) {

	ApiTokenForm {
		name = (name != null) ? name.strip() : null;
	}

	static ApiTokenForm empty() {
		return new ApiTokenForm(null);
	}

}
