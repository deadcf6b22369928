package bryt.organisation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordForm(@NotBlank String currentPassword,
		@NotBlank @Size(min = Accounts.MIN_PASSWORD_LENGTH, max = 200) String newPassword, String confirmation) {

	static PasswordForm empty() {
		return new PasswordForm(null, null, null);
	}

	@AssertTrue(message = "{PasswordForm.confirmation}")
	public boolean isConfirmed() {
		return this.newPassword == null || this.newPassword.equals(this.confirmation);
	}

}
