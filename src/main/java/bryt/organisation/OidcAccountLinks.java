package bryt.organisation;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import bryt.shared.security.PasswordAttempts;
import bryt.shared.security.TooManyPasswordAttempts;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * A holder links their own account in use to a provider of their organisation (issue 16):
 * a provider's login never takes over such an account by its username
 * ({@link OidcAccounts}), so the holder vouches for the link themselves, logged in and
 * with their password. The link waits in their session for the provider's login, which
 * then links its identity to this account. The holder's own act: the account's standings
 * (how long its access has stood unchanged) go on.
 */
@Service
class OidcAccountLinks {

	/** The session attribute that holds the {@link PendingLink}. */
	static final String PENDING = OidcAccountLinks.class.getName() + ".pending";

	/** Long enough for a login at the provider, short enough to be forgotten. */
	static final Duration VALID = Duration.ofMinutes(10);

	private final OidcProviderRepository providers;

	private final AccountRepository accounts;

	private final PasswordAttempts passwordAttempts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	OidcAccountLinks(OidcProviderRepository providers, AccountRepository accounts, PasswordAttempts passwordAttempts,
			PasswordEncoder passwordEncoder, Clock clock) {
		this.providers = providers;
		this.accounts = accounts;
		this.passwordAttempts = passwordAttempts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * Checks the provider (one of the account's organisation) and the holder's password;
	 * wrong passwords count against the login's attempt limit.
	 * @return the link to keep in the session until the provider's login, or empty with
	 * the form's errors
	 */
	Optional<PendingLink> start(CurrentAccount me, ProviderLinkForm form, Errors errors) {
		Optional<OidcProvider> provider = this.providers.find(me.organisationId(), form.providerId());
		if (provider.isEmpty()) {
			errors.rejectValue("providerId", "NotNull");
			return Optional.empty();
		}
		String hash = this.accounts.passwordHash(me.accountId()).orElse(null);
		try {
			if (hash == null || !this.passwordAttempts.check(me.getUsername(),
					() -> this.passwordEncoder.matches(form.password(), hash))) {
				errors.rejectValue("password", "wrong");
				return Optional.empty();
			}
		}
		catch (TooManyPasswordAttempts ex) {
			errors.rejectValue("password", "tooManyPasswordAttempts", new Object[] { ex.waitMinutes() }, null);
			return Optional.empty();
		}
		return Optional.of(new PendingLink(me.accountId(), provider.get().id(), provider.get().registrationId(),
				this.clock.instant().plus(VALID)));
	}

	/**
	 * A link its holder asked for, waiting for the provider's login in their session.
	 */
	record PendingLink(long accountId, long providerId, String registrationId,
			Instant expires) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

}
