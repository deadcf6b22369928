package bryt.organisation;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks up accounts for the login form. Usernames are case-insensitive. After a
 * successful login, a hash made with weaker parameters than today's is replaced.
 */
@Service
class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final AccountRepository accounts;

	AccountDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findForLogin(username.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	/**
	 * The same password, hashed again: not a password change (no event, no key to
	 * re-wrap). Only replaces the hash the login just checked, so that a change made
	 * meanwhile is never undone.
	 */
	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		CurrentAccount account = (CurrentAccount) user;
		this.accounts.upgradePasswordHash(account.accountId(), account.getPassword(), newPasswordHash);
		return this.accounts.findForLogin(account.getUsername()).orElseThrow();
	}

}
