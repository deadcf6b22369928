package bryt.organisation;

/**
 * An account's password changed. Published inside the transaction of the change, so that
 * a module that protects a secret with the password (voice's private keys) re-protects it
 * in the same transaction: if that fails, the password stays as it was.
 *
 * @param organisationId the account's organisation
 * @param accountId the account
 * @param oldPassword the previous password, or {@code null} when an administrator set a
 * new one without knowing the old one
 * @param newPassword the new password
 */
public record PasswordChanged(long organisationId, long accountId, String oldPassword, String newPassword) {

	/**
	 * Whether the account holder changed it (knowing the old one) or an administrator set
	 * it.
	 */
	public boolean byAccountHolder() {
		return this.oldPassword != null;
	}

	@Override
	public String toString() {
		return "PasswordChanged[organisationId=" + this.organisationId + ", accountId=" + this.accountId
				+ ", byAccountHolder=" + byAccountHolder() + ", passwords=***]";
	}

}
