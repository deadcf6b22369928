package bryt.organisation;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a provider's login is in Bryt (issue 16). The identity (issuer and subject) is
 * linked to one account: one an administrator made beforehand with the same username in
 * the provider's organisation, or else a new one without any role. The provider's groups
 * give employer roles only (manager, HR, administrator) through the provider's mapping;
 * whatever else a group claim says counts for nothing.
 */
@Service
class OidcAccounts {

	/**
	 * The {@code amr} values (RFC 8176) that show the provider asked for more than a
	 * password: {@code mfa} itself, a one-time code, a proof of a hardware or software
	 * key, a smart card, or a biometric check (which the provider makes besides the
	 * device's possession). {@code pwd}, {@code pin}, {@code kba}, {@code sms} and
	 * {@code tel} alone are not enough.
	 */
	static final Set<String> MULTI_FACTOR_AMR = Set.of("mfa", "otp", "hwk", "swk", "sc", "fpt", "face", "iris",
			"retina", "vbm");

	private final AccountRepository accounts;

	private final ProviderLinkRepository links;

	private final SecondFactors secondFactors;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OidcAccounts(AccountRepository accounts, ProviderLinkRepository links, SecondFactors secondFactors,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.links = links;
		this.secondFactors = secondFactors;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The account the provider's login logs in, with its roles brought up to date from
	 * the provider's groups.
	 * @throws OAuth2AuthenticationException ({@code bryt_…}) when the login is refused
	 */
	@Transactional
	Login login(OidcProvider provider, OidcUser user, OidcAccountLinks.PendingLink link) {
		// Before anything is linked or made: a provider that serves other organisations
		// too (a multi-tenant issuer, a shared broker) logs in only those its claim ties
		// to this one.
		if (!tiedToOrganisation(provider, user)) {
			throw refusal("otherTenant", link);
		}
		String subject = user.getSubject();
		// An identity belongs to the provider that linked it: another provider with the
		// same issuer (a union's registration of the employer's broker) does not log in
		// as it, or it would pass the employer's account under the union's rules and its
		// weaker acr/amr (the evening's second outsider review).
		Optional<ProviderLinkRepository.Identity> identity = this.links.identity(provider.issuer(), subject);
		if (identity.isPresent() && identity.get().providerId() != provider.id()) {
			throw refusal("otherProvider", link);
		}
		Long accountId = identity.map(ProviderLinkRepository.Identity::accountId).orElse(null);
		if (link != null) {
			accountId = linkAsked(provider, subject, accountId, link);
		}
		else if (accountId == null) {
			accountId = linkOrCreate(provider, user, subject, username(provider, user));
		}
		Account account = this.accounts.find(provider.organisationId(), accountId)
			.orElseThrow(() -> refused("otherOrganisation"));
		if (!account.enabled()) {
			throw refusal("disabled", link);
		}
		// At every login, not only when the identity is linked: an employer's role
		// granted
		// after a union's provider linked the account does not make that provider's
		// logins
		// the employer's administrator's (the evening's second outsider review).
		if (!provider.employers() && OidcProvider.EMPLOYER_ROLES.stream().anyMatch(account.roles()::contains)) {
			throw refusal("employerAccount", link);
		}
		applyGroups(provider, account, user);
		// Only the employer's directory says who a staff member is: a union's provider
		// has no employee-number claim (V60), and would be ignored if it had one.
		if (provider.employers() && provider.employeeNumberClaim() != null
				&& user.getClaimAsString(provider.employeeNumberClaim()) != null) {
			this.accounts.linkStaffByEmployeeNumber(provider.organisationId(), accountId,
					user.getClaimAsString(provider.employeeNumberClaim()).strip());
		}
		CurrentAccount current = this.accounts.findForLogin(account.username()).orElseThrow();
		current.eraseCredentials();
		boolean multiFactor = multiFactor(user);
		if (this.secondFactors.mustLogInStrongly(current) && !meetsRequirement(provider, user)) {
			throw refusal("strongerLogin", link);
		}
		this.accounts.used(accountId, this.clock.instant());
		return new Login(current, multiFactor);
	}

	/**
	 * A provider's login as Bryt sees it, and whether the provider used more than one
	 * factor.
	 */
	record Login(CurrentAccount account, boolean multiFactor) {
	}

	/** Whether the provider's {@code amr} shows more than a password. */
	static boolean multiFactor(OidcUser user) {
		List<String> amr = user.getAuthenticationMethods();
		return amr != null && amr.stream().anyMatch(MULTI_FACTOR_AMR::contains);
	}

	/**
	 * The provider's requirement for accounts that read reports or manage accounts: one
	 * of the required {@code acr} values, if any are set, and one of the required
	 * {@code amr} values, if any are set.
	 */
	static boolean meetsRequirement(OidcProvider provider, OidcUser user) {
		boolean acr = provider.requiredAcr().isEmpty() || (user.getAuthenticationContextClass() != null
				&& provider.requiredAcr().contains(user.getAuthenticationContextClass()));
		List<String> amr = (user.getAuthenticationMethods() != null) ? user.getAuthenticationMethods() : List.of();
		boolean methods = provider.requiredAmr().isEmpty() || amr.stream().anyMatch(provider.requiredAmr()::contains);
		return acr && methods;
	}

	/**
	 * Links the identity to the account whose holder asked for it with their password
	 * ({@link OidcAccountLinks}), whatever its username claim says: to no other account,
	 * and only through the provider the holder chose. Not an access change: the holder's
	 * own act, so the account's standings go on.
	 * @return the account
	 */
	private long linkAsked(OidcProvider provider, String subject, Long linkedTo, OidcAccountLinks.PendingLink link) {
		if (link.providerId() != provider.id() || this.clock.instant().isAfter(link.expires())) {
			throw refusedLink("linkFailed");
		}
		if (linkedTo != null) {
			if (linkedTo != link.accountId()) {
				throw refusedLink("identityElsewhere");
			}
			return linkedTo;
		}
		if (this.accounts.find(provider.organisationId(), link.accountId()).isEmpty()
				|| this.links.linked(provider.id(), link.accountId())) {
			// Another organisation's provider, or the account has another identity of
			// this provider already.
			throw refusedLink("linkFailed");
		}
		this.links.link(provider.organisationId(), link.accountId(), provider, subject, this.clock.instant());
		return link.accountId();
	}

	/**
	 * Whether the ID token carries the provider's required claim with its value (a list
	 * claim: among its values). The ID token's claims only: the user info's are not
	 * signed by the provider.
	 */
	static boolean tiedToOrganisation(OidcProvider provider, OidcUser user) {
		if (provider.requiredClaim() == null) {
			return true;
		}
		Object claim = user.getIdToken().getClaims().get(provider.requiredClaim());
		if (claim instanceof Collection<?> values) {
			return values.stream().anyMatch((value) -> provider.requiredClaimValue().equals(String.valueOf(value)));
		}
		return claim != null && provider.requiredClaimValue().equals(String.valueOf(claim));
	}

	private long linkOrCreate(OidcProvider provider, OidcUser user, String subject, String username) {
		if (username == null) {
			throw refused("noUsername");
		}
		Optional<CurrentAccount> existing = this.accounts.findForLogin(username);
		long accountId;
		if (existing.isPresent()) {
			// Only an account of the provider's own organisation, and only once per
			// provider: a second identity claiming the same username is refused.
			if (existing.get().organisationId() != provider.organisationId()) {
				throw refused("usernameTaken");
			}
			accountId = existing.get().accountId();
			if (this.links.linked(provider.id(), accountId)) {
				throw refused("usernameTaken");
			}
			// A provider takes over only an account made for it: one nobody has ever
			// logged in to, with no identity of any provider, whose holder has never set
			// a password of their own, and that holds no role of the employees' side.
			// Otherwise any provider of the organisation (a union's own, a broker) could
			// log in as an account in use by sending its username: as HR, or as the
			// union representative who signs the committee report (the outsider review
			// of 2026-11-30 did, after an administrator's reset of HR's password, when
			// only the holder's own password counted). A holder links their account in
			// use themselves (OidcAccountLinks).
			if (inUse(provider, existing.get())) {
				throw refused("accountInUse");
			}
			// Each side's provider takes over only an account made for that side: the
			// employer's none that holds an employee-side role (above), the employee
			// side's (a union's own) none that holds an employer role, so that a union's
			// provider can never log in as an administrator made beforehand.
			if (!provider.employers() && OidcProvider.EMPLOYER_ROLES.stream().anyMatch(existing.get()::has)) {
				throw refused("employerAccount");
			}
			// Linking changes who can log in: the 30-day standings start again.
			this.events.publishEvent(new AccessChanged(accountId, existing.get().getUsername()));
		}
		else {
			String name = Optional.ofNullable(user.getFullName())
				.filter((full) -> !full.isBlank() && full.length() <= 200)
				.orElse(username);
			// No password anyone knows: the account logs in through the provider.
			accountId = this.accounts.create(provider.organisationId(), username, name.strip(), Set.of(), null, true,
					Set.of(), this.passwordEncoder.encode(InitialPassword.generate()));
		}
		this.links.link(provider.organisationId(), accountId, provider, subject, this.clock.instant());
		return accountId;
	}

	/**
	 * Whether an account is in use by its holder (their own password, a login, an
	 * identity), so that no provider may take it over by its username; for the employer's
	 * provider also whether it speaks for the employees' side (any of
	 * {@link Role#EMPLOYEE_SIDE}, the employee side's administration right too).
	 */
	private boolean inUse(OidcProvider provider, CurrentAccount account) {
		return (provider.employers() && Role.EMPLOYEE_SIDE.stream().anyMatch(account::has))
				|| this.accounts.everUsed(account.accountId()) || this.links.linkedAtAll(account.accountId())
				|| this.accounts.holderSetPassword(account.organisationId(), account.accountId());
	}

	/**
	 * Gives the employer roles the groups map to and takes back those the provider gave
	 * before and no longer does; roles granted in Bryt stay as they are.
	 */
	private void applyGroups(OidcProvider provider, Account account, OidcUser user) {
		if (provider.groupClaim() == null) {
			return;
		}
		Map<String, Role> mapping = provider.groupMapping();
		Set<Role> fromGroups = EnumSet.noneOf(Role.class);
		for (String group : groups(user.getClaims().get(provider.groupClaim()))) {
			Role role = mapping.get(group);
			if (role != null && OidcProvider.EMPLOYER_ROLES.contains(role)) {
				fromGroups.add(role);
			}
		}
		Set<Role> roles = new HashSet<>(account.roles());
		for (Role role : this.links.providerRoles(account.id(), provider.id())) {
			if (!fromGroups.contains(role)) {
				roles.remove(role);
				this.links.revoked(account.id(), role);
			}
		}
		for (Role role : fromGroups) {
			if (roles.add(role)) {
				this.links.granted(provider.organisationId(), account.id(), role, provider.id(), null,
						this.clock.instant());
			}
		}
		if (!roles.equals(account.roles())) {
			this.accounts.updateRoles(account.id(), roles);
			this.events.publishEvent(new AccessChanged(account.id(), account.username()));
		}
	}

	private static List<String> groups(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value) {
			return List.of(value.split("[,\\s]+"));
		}
		return List.of();
	}

	private static String username(OidcProvider provider, OidcUser user) {
		String value = user.getClaimAsString(provider.usernameClaim());
		if (value == null) {
			return null;
		}
		String username = value.strip().toLowerCase(Locale.ROOT);
		return username.matches(Accounts.USERNAME_PATTERN) ? username : null;
	}

	static OAuth2AuthenticationException refused(String reason) {
		return new OAuth2AuthenticationException(new OAuth2Error("bryt_" + reason));
	}

	private static OAuth2AuthenticationException refusal(String reason, OidcAccountLinks.PendingLink link) {
		return (link != null) ? refusedLink(reason) : refused(reason);
	}

	/** A refused link of an account in use: the holder goes back to the link's page. */
	static OAuth2AuthenticationException refusedLink(String reason) {
		return new OAuth2AuthenticationException(
				new OAuth2Error("bryt_" + reason, null, ProviderLinkController.PATH + "?refused=" + reason));
	}

}
