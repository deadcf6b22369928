package bryt.organisation;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks up accounts for the login form. Usernames are case-insensitive. */
@Service
class AccountDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findForLogin(username.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
