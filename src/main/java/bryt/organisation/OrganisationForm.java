package bryt.organisation;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new organisation and its first administrator. */
record OrganisationForm(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String code,
		@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String name, @NotNull Country country,
		@NotBlank @Pattern(regexp = Accounts.USERNAME_PATTERN) String adminUsername,
		@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String adminName,
		@NotBlank @Size(min = Accounts.MIN_PASSWORD_LENGTH, max = 200) String adminPassword) {

	static OrganisationForm empty() {
		return new OrganisationForm(null, null, Country.SE, null, null, null);
	}

}
