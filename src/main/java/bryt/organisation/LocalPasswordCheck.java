package bryt.organisation;

import bryt.shared.security.LocalPasswordsOff;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.stereotype.Component;

/**
 * After a right password: refused when the account's organisation has switched local
 * passwords off (issue 16), so that its accounts log in through their provider only; and
 * for an account with an identity at an employee side's provider, which logs in through
 * that provider only: its Bryt password may be one the employer's administrator set and
 * knows, and a session of it would speak for the employee side (the evening's second
 * outsider review logged in with the password an administrator gave a union
 * representative who only ever used the union's provider).
 */
@Component
class LocalPasswordCheck implements UserDetailsChecker {

	private final OidcProviderRepository providers;

	private final ProviderLinkRepository links;

	LocalPasswordCheck(OidcProviderRepository providers, ProviderLinkRepository links) {
		this.providers = providers;
		this.links = links;
	}

	@Override
	public void check(UserDetails user) {
		if (user instanceof CurrentAccount account && (!this.providers.localPasswords(account.organisationId())
				|| this.links.linkedToEmployeeSide(account.accountId()))) {
			throw new LocalPasswordsOff();
		}
	}

}
