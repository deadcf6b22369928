package bryt.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A holder links their own account to one of their organisation's identity providers,
 * with their Bryt password (issue 16).
 */
record ProviderLinkForm(@NotNull Long providerId, @NotBlank String password) {

	static ProviderLinkForm empty() {
		return new ProviderLinkForm(null, null);
	}

}
