package bryt.organisation;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An identity provider as an administrator edits it. The client secret is never shown:
 * empty keeps the stored one, {@code dropSecret} makes the client a public one (PKCE
 * alone). {@code requiredAcr} and {@code requiredAmr} are values separated by spaces;
 * {@code groupRoles} holds one {@code group=ROLE} per line; {@code requiredClaim} and
 * {@code requiredClaimValue}, both or neither, the claim that ties the ID token to the
 * organisation.
 */
record OidcProviderForm(@NotBlank @Pattern(regexp = OidcProviderForm.REGISTRATION_ID) String registrationId,
		@NotBlank @Size(max = 100) String label, @NotBlank @Size(max = 500) String issuer,
		@NotBlank @Size(max = 200) String clientId, @Size(max = 500) String clientSecret, Boolean dropSecret,
		@NotBlank @Pattern(regexp = OidcProviderForm.CLAIM) String usernameClaim,
		@Pattern(regexp = "|" + OidcProviderForm.CLAIM) String employeeNumberClaim,
		@Pattern(regexp = "|" + OidcProviderForm.CLAIM) String groupClaim, @Size(max = 5000) String groupRoles,
		@Pattern(regexp = OidcProviderForm.TOKENS) @Size(max = 500) String requiredAcr,
		@Pattern(regexp = OidcProviderForm.TOKENS) @Size(max = 500) String requiredAmr,
		@Pattern(regexp = "|" + OidcProviderForm.CLAIM) String requiredClaim,
		@Size(max = 500) String requiredClaimValue) {

	static final String REGISTRATION_ID = "[a-z0-9][a-z0-9-]{1,59}";

	static final String CLAIM = "[A-Za-z0-9_:./-]{1,100}";

	static final String TOKENS = "\\s*([A-Za-z0-9_:./-]+\\s*)*";

	static OidcProviderForm empty() {
		return new OidcProviderForm(null, null, null, null, null, false, "preferred_username", null, null, null, null,
				null, null, null);
	}

	static OidcProviderForm of(OidcProvider provider) {
		return new OidcProviderForm(provider.registrationId(), provider.label(), provider.issuer(), provider.clientId(),
				null, false, provider.usernameClaim(), provider.employeeNumberClaim(), provider.groupClaim(),
				provider.groupRoles(), String.join(" ", provider.requiredAcr()),
				String.join(" ", provider.requiredAmr()), provider.requiredClaim(), provider.requiredClaimValue());
	}

	public boolean isDropSecret() {
		return Boolean.TRUE.equals(this.dropSecret);
	}

	static Set<String> tokens(String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(value.strip().split("\\s+")).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
