package bryt.organisation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A recipient's passphrase for its private key (issue 16). {@code currentPassphrase} is
 * needed to change one; {@code currentPassword} moves a key the Bryt password protected
 * so far over to the new passphrase.
 */
record PassphraseForm(@Size(max = 200) String currentPassphrase, @Size(max = 200) String currentPassword,
		@NotBlank @Size(min = Accounts.MIN_PASSWORD_LENGTH, max = 200) String passphrase, String confirmation) {

	static PassphraseForm empty() {
		return new PassphraseForm(null, null, null, null);
	}

	@AssertTrue(message = "{PasswordForm.confirmation}")
	public boolean isConfirmed() {
		return this.passphrase == null || this.passphrase.equals(this.confirmation);
	}

}
