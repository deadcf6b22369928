package bryt.organisation;

import bryt.shared.security.LocalPasswordsOff;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.stereotype.Component;

/**
 * After a right password: refused when the account's organisation has switched local
 * passwords off (issue 16), so that its accounts log in through their provider only.
 */
@Component
class LocalPasswordCheck implements UserDetailsChecker {

	private final OidcProviderRepository providers;

	LocalPasswordCheck(OidcProviderRepository providers) {
		this.providers = providers;
	}

	@Override
	public void check(UserDetails user) {
		if (user instanceof CurrentAccount account && !this.providers.localPasswords(account.organisationId())) {
			throw new LocalPasswordsOff();
		}
	}

}
