package bryt.organisation;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import bryt.shared.security.PasswordAttempts;
import bryt.shared.security.PasswordRules;
import bryt.shared.security.RateLimits;
import bryt.shared.security.TooManyPasswordAttempts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Creating and changing accounts and organisations, with the checks a form cannot make.
 */
@Service
class Accounts {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._@-]{1,99}";

	static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;

	/** Roles that see units and therefore need at least one covered unit. */

	private final AccountRepository accounts;

	private final OrganisationRepository organisations;

	private final UnitRepository units;

	private final StaffRepository staff;

	private final PasswordEncoder passwordEncoder;

	private final Organisations registry;

	private final ApplicationEventPublisher events;

	private final PasswordRules passwordRules;

	private final PasswordAttempts passwordAttempts;

	private final ProviderLinkRepository links;

	private final Clock clock;

	/**
	 * Usernames are unique across organisations (they log in without naming one), so a
	 * taken one cannot be accepted; this budget keeps an administrator from probing many.
	 */
	private final RateLimits.Limit takenUsernames;

	Accounts(AccountRepository accounts, OrganisationRepository organisations, UnitRepository units,
			StaffRepository staff, PasswordEncoder passwordEncoder, Organisations registry,
			ApplicationEventPublisher events, PasswordRules passwordRules, PasswordAttempts passwordAttempts,
			RateLimits limits, OrganisationProperties properties, ProviderLinkRepository links, Clock clock) {
		this.links = links;
		this.clock = clock;
		this.passwordRules = passwordRules;
		this.passwordAttempts = passwordAttempts;
		this.takenUsernames = limits.per("taken usernames", properties.accounts().takenUsernamesPerHour(),
				Duration.ofHours(1));
		this.registry = registry;
		this.events = events;
		this.accounts = accounts;
		this.organisations = organisations;
		this.units = units;
		this.staff = staff;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Creates an organisation with its first administrator, who gets a random password
	 * (from the command line only, see {@link OrganisationCommand}).
	 * @throws IllegalArgumentException if the code or username is taken or malformed
	 */
	@Transactional
	FirstAdministrator createOrganisation(String code, String name, Country country, String adminUsername,
			String adminName) {
		String username = normalise(adminUsername);
		if (username == null || !username.matches(USERNAME_PATTERN)) {
			throw new IllegalArgumentException("The username must be 2–100 lower-case letters, digits or . _ @ -");
		}
		if (this.accounts.usernameTaken(username, null)) {
			throw new IllegalArgumentException("The username " + username + " is in use already");
		}
		if (adminName == null || adminName.isBlank() || adminName.length() > 200) {
			throw new IllegalArgumentException("The administrator's name must be 1–200 characters");
		}
		long organisationId = this.registry.create(code, name, country).id();
		String password = InitialPassword.generate();
		long adminId = this.accounts.create(organisationId, username, adminName.strip(), EnumSet.of(Role.ADMINISTRATOR),
				null, true, Set.of(), this.passwordEncoder.encode(password));
		this.links.grantedByOperator(organisationId, adminId, Role.ADMINISTRATOR, this.clock.instant());
		return new FirstAdministrator(username, password);
	}

	record FirstAdministrator(String username, String initialPassword) {
	}

	/**
	 * Whether saving the form would leave the organisation without an enabled
	 * administrator: someone must be able to manage the accounts.
	 */
	private boolean removesLastAdministrator(long organisationId, long accountId, AccountForm form) {
		if (form.isEnabled() && form.roles() != null && form.roles().contains(Role.ADMINISTRATOR)) {
			return false;
		}
		boolean isAdministrator = this.accounts.find(organisationId, accountId)
			.filter((account) -> account.enabled() && account.roles().contains(Role.ADMINISTRATOR))
			.isPresent();
		return isAdministrator && !this.accounts.otherAdministrator(organisationId, accountId);
	}

	/**
	 * Creates or changes an account. One transaction: the account, its units, its new
	 * password and what the listeners of {@link PasswordChanged} write are saved together
	 * or not at all.
	 */
	@Transactional
	void save(long organisationId, Long accountId, AccountForm form, Errors errors) {
		save(organisationId, accountId, form, errors, null);
	}

	/**
	 * As {@link #save(long, Long, AccountForm, Errors)}, noting who granted each role the
	 * account gains (issue 16: the account page shows where each role came from).
	 * @param grantedBy the administrator's account, null when unknown
	 */
	@Transactional
	void save(long organisationId, Long accountId, AccountForm form, Errors errors, Long grantedBy) {
		save(organisationId, accountId, form, errors, grantedBy, Side.EMPLOYER);
	}

	/**
	 * The employee side's change of an account (issue 16): which of
	 * {@link Role#EMPLOYEE_SIDE} it holds and, unless the employer's roles cover units
	 * too, the units it covers. Everything else stays as the employer's administrator
	 * made it.
	 * @param grantedBy the account holding {@link Role#EMPLOYEE_SIDE_ADMINISTRATOR}
	 * @throws AccessDeniedException if {@code grantedBy} does not hold it in this
	 * organisation
	 */
	@Transactional
	void saveEmployeeSide(long organisationId, long accountId, Set<Role> roles, Set<Long> unitIds, Errors errors,
			long grantedBy) {
		Account account = this.accounts.find(organisationId, accountId)
			.orElseThrow(() -> new AccessDeniedException("No such account in the organisation"));
		save(organisationId, accountId, new AccountForm(account.username(), account.displayName(),
				(roles != null) ? roles : Set.of(), account.staffId(), account.enabled(), unitIds, ""), errors,
				grantedBy, Side.EMPLOYEE);
	}

	/**
	 * The platform operator's grant from the command line (issue 16): any role, to an
	 * existing account, noted as "granted by the platform operator". The same rules as on
	 * the pages hold (covered units for a covering role, no manager who is also a
	 * representative, the last administrator stays).
	 * @param unitCodes the units the account covers from now on, by code; null keeps them
	 * @return the account as it is afterwards
	 * @throws IllegalArgumentException naming what is wrong, with nothing changed
	 */
	@Transactional
	Account grantByOperator(String username, Set<Role> grant, Set<Role> revoke, List<String> unitCodes,
			Function<Errors, String> describe) {
		CurrentAccount found = this.accounts.findForLogin(normalise(username))
			.orElseThrow(() -> new IllegalArgumentException("No account with the username " + normalise(username)));
		long organisationId = found.organisationId();
		Account account = this.accounts.find(organisationId, found.accountId()).orElseThrow();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roles.addAll(account.roles());
		roles.addAll(grant);
		roles.removeAll(revoke);
		Set<Long> unitIds = account.unitIds();
		if (unitCodes != null) {
			unitIds = new HashSet<>();
			for (String code : unitCodes) {
				unitIds.add(this.units.findByCode(organisationId, code)
					.orElseThrow(() -> new IllegalArgumentException(
							"No unit with the code " + code + " in the account's organisation"))
					.id());
			}
		}
		AccountForm form = new AccountForm(account.username(), account.displayName(), roles, account.staffId(),
				account.enabled(), unitIds, "");
		Errors errors = new BeanPropertyBindingResult(form, "form");
		save(organisationId, account.id(), form, errors, null, Side.OPERATOR);
		if (errors.hasErrors()) {
			throw new IllegalArgumentException(describe.apply(errors));
		}
		Account after = this.accounts.find(organisationId, account.id()).orElseThrow();
		log.info("The platform operator changed the roles of account {} of organisation {}: {} (before {})", after.id(),
				organisationId, after.roles(), account.roles());
		return after;
	}

	/**
	 * The platform operator's reset of a forgotten password from the command line: a new
	 * generated one, as an administrator's reset (the account's keys go, its holder
	 * changes it). The one way for an account holding a role of the employee side, whose
	 * password the employer's administrator may not set.
	 * @return the new password, for the operator's terminal only
	 * @throws IllegalArgumentException for no such account
	 */
	@Transactional
	String resetPasswordByOperator(String username) {
		CurrentAccount found = this.accounts.findForLogin(normalise(username))
			.orElseThrow(() -> new IllegalArgumentException("No account with the username " + normalise(username)));
		String password = InitialPassword.generate();
		this.accounts.changePassword(found.accountId(), this.passwordEncoder.encode(password));
		this.events.publishEvent(new PasswordChanged(found.organisationId(), found.accountId(), null, password));
		log.info("The platform operator reset the password of account {} of organisation {}", found.accountId(),
				found.organisationId());
		return password;
	}

	/**
	 * Which side's administration right saves an account, and so which roles it grants
	 * and revokes (issue 16). The other side's roles an account holds stay as they are;
	 * so do the units it covers while the other side's roles cover units.
	 */
	enum Side {

		/** The employer's administrator: every role but the employee side's. */
		EMPLOYER(Role.ADMINISTRATOR, Role.EMPLOYER_SIDE, "employeeSideOnly", "employeeSideUnits"),
		/** The employee side's administration right: the employee side's roles only. */
		EMPLOYEE(Role.EMPLOYEE_SIDE_ADMINISTRATOR, Role.EMPLOYEE_SIDE, "employerSideOnly", "employerSideUnits"),
		/** The platform operator on the command line: every role. */
		OPERATOR(null, EnumSet.allOf(Role.class), null, null);

		private final Role right;

		private final Set<Role> roles;

		private final String otherRole;

		private final String otherUnits;

		Side(Role right, Set<Role> roles, String otherRole, String otherUnits) {
			this.right = right;
			this.roles = roles;
			this.otherRole = otherRole;
			this.otherUnits = otherUnits;
		}

		/** The roles this side grants and revokes. */
		Set<Role> roles() {
			return this.roles;
		}

		/** Whether the roles include a covering role this side does not grant. */
		boolean otherSideCovers(Set<Role> held) {
			return held.stream().anyMatch((role) -> Role.COVERING.contains(role) && !this.roles.contains(role));
		}

	}

	private void save(long organisationId, Long accountId, AccountForm submitted, Errors errors, Long grantedBy,
			Side side) {
		if (grantedBy != null && side.right != null
				&& this.accounts.find(organisationId, grantedBy)
					.filter((grantor) -> grantor.enabled() && grantor.roles().contains(side.right))
					.isEmpty()) {
			throw new AccessDeniedException("The account does not hold " + side.right + " in the organisation");
		}
		Account previous = (accountId != null) ? this.accounts.find(organisationId, accountId).orElseThrow() : null;
		Set<Role> held = (previous != null) ? previous.roles() : Set.of();
		Set<Role> asked = (submitted.roles() != null) ? submitted.roles() : Set.of();
		if (asked.stream().anyMatch((role) -> !side.roles().contains(role) && !held.contains(role))) {
			errors.rejectValue("roles", side.otherRole);
		}
		// A side's form lists only its own roles: the other side's stay as they were.
		Set<Role> roles = EnumSet.noneOf(Role.class);
		asked.stream().filter(side.roles()::contains).forEach(roles::add);
		held.stream().filter((role) -> !side.roles().contains(role)).forEach(roles::add);
		// Covered units are per account: one account cannot cover units as the employer's
		// manager and as the employees' representative, since each side would then set
		// the other's units.
		boolean representative = roles.contains(Role.UNION_REPRESENTATIVE)
				|| roles.contains(Role.SAFETY_REPRESENTATIVE);
		boolean wasBoth = held.contains(Role.MANAGER)
				&& (held.contains(Role.UNION_REPRESENTATIVE) || held.contains(Role.SAFETY_REPRESENTATIVE));
		if (roles.contains(Role.MANAGER) && representative && !wasBoth) {
			errors.rejectValue("roles", "managerAndRepresentative");
		}
		Set<Long> asUnits = submitted.unitIds();
		if (side.otherSideCovers(roles) || side.otherSideCovers(held)) {
			Set<Long> kept = (previous != null) ? previous.unitIds() : Set.of();
			if (asUnits != null && !new HashSet<>(asUnits).equals(kept)) {
				errors.rejectValue("unitIds", side.otherUnits);
			}
			asUnits = kept;
		}
		AccountForm form = new AccountForm(submitted.username(), submitted.displayName(), roles, submitted.staffId(),
				submitted.enabled(), asUnits, submitted.password());
		String username = normalise(form.username());
		String current = (accountId != null)
				? this.accounts.find(organisationId, accountId).map(Account::username).orElse(null) : null;
		if (username != null && !username.equals(current)
				&& unavailable("organisation " + organisationId, username, accountId)) {
			errors.rejectValue("username", "usernameUnavailable");
		}
		boolean newAccount = accountId == null;
		String password = (form.password() != null) ? form.password() : "";
		if (newAccount && password.isEmpty()) {
			errors.rejectValue("password", "NotBlank");
		}
		if (!password.isEmpty() && password.length() < MIN_PASSWORD_LENGTH) {
			errors.rejectValue("password", "tooShort", new Object[] { MIN_PASSWORD_LENGTH }, null);
		}
		this.passwordRules.problem(password, username, form.displayName())
			.ifPresent((problem) -> errors.rejectValue("password", problem));
		// The employer's administrator sets no password of an account that speaks for the
		// employees: with it they could log in as the employee side's administrator and
		// grant themselves a union role, or as a representative (the outsider review of
		// 2026-11-30 evening did). The platform operator resets it
		// (resetPasswordByOperator).
		if (side == Side.EMPLOYER && !newAccount && !password.isEmpty()
				&& held.stream().anyMatch(Role.EMPLOYEE_SIDE::contains)) {
			errors.rejectValue("password", "employeeSidePassword");
		}
		if (form.staffId() != null && this.staff.find(organisationId, form.staffId()).isEmpty()) {
			errors.rejectValue("staffId", "unknown");
		}
		Set<Long> unitIds = new HashSet<>(form.coveredUnits());
		if (!unitIds.isEmpty() && !new HashSet<>(this.units.subtreeIds(organisationId, unitIds.stream().toList()))
			.containsAll(unitIds)) {
			errors.rejectValue("unitIds", "unknown");
		}
		if (form.roles() != null && form.roles().stream().anyMatch(Role.COVERING::contains) && unitIds.isEmpty()) {
			errors.rejectValue("unitIds", "required");
		}
		if (!newAccount && removesLastAdministrator(organisationId, accountId, form)) {
			errors.rejectValue("roles", "lastAdministrator");
		}
		if (errors.hasErrors()) {
			return;
		}
		if (newAccount) {
			long id = this.accounts.create(organisationId, username, form.displayName().strip(), form.roles(),
					form.staffId(), form.isEnabled(), unitIds, this.passwordEncoder.encode(password));
			rolesGranted(organisationId, id, Set.of(), form.roles(), grantedBy, side);
			if (form.isEnabled()) {
				this.events.publishEvent(new RolesGained(organisationId, id, form.displayName().strip(), username,
						Set.copyOf(form.roles())));
			}
		}
		else {
			Account before = this.accounts.find(organisationId, accountId).orElseThrow();
			this.accounts.update(organisationId, accountId, username, form.displayName().strip(), form.roles(),
					form.staffId(), form.isEnabled(), unitIds);
			rolesGranted(organisationId, accountId, before.roles(), form.roles(), grantedBy, side);
			Account after = this.accounts.find(organisationId, accountId).orElseThrow();
			if (!sameAccess(before, after)) {
				this.events.publishEvent(new AccessChanged(accountId, before.username()));
			}
			else if (!before.displayName().equals(after.displayName())) {
				this.events.publishEvent(new AccountEdited(accountId));
			}
			Set<Role> gained = EnumSet.noneOf(Role.class);
			if (after.enabled()) {
				gained.addAll(after.roles());
				if (before.enabled()) {
					gained.removeAll(before.roles());
				}
			}
			if (!gained.isEmpty()) {
				this.events.publishEvent(
						new RolesGained(organisationId, accountId, after.displayName(), after.username(), gained));
			}
			if (!password.isEmpty()) {
				this.accounts.changePassword(accountId, this.passwordEncoder.encode(password));
				this.events.publishEvent(new PasswordChanged(organisationId, accountId, null, password));
			}
		}
	}

	/**
	 * Notes the roles the account gained as granted in Bryt by {@code grantedBy}, and
	 * forgets the origin of those it lost; roles it kept keep their origin (a provider's
	 * mapping stays the provider's).
	 */
	private void rolesGranted(long organisationId, long accountId, Set<Role> before, Set<Role> after, Long grantedBy,
			Side side) {
		for (Role role : after) {
			if (!before.contains(role) && side == Side.OPERATOR) {
				this.links.grantedByOperator(organisationId, accountId, role, this.clock.instant());
			}
			else if (!before.contains(role)) {
				this.links.granted(organisationId, accountId, role, null, grantedBy, this.clock.instant());
			}
		}
		for (Role role : before) {
			if (!after.contains(role)) {
				this.links.revoked(accountId, role);
			}
		}
	}

	/**
	 * The holder changes their own password, knowing the current one.
	 * {@code throughEmployer}: the session logged in through an employer's provider
	 * ({@link OidcProviders#throughEmployer}); such a password counts as the holder's own
	 * for the employer's side only ({@link Organisations#heldByHolderSince}).
	 */
	@Transactional
	void changeOwnPassword(CurrentAccount account, boolean throughEmployer, PasswordForm form, Errors errors) {
		this.passwordRules.problem(form.newPassword(), account.getUsername(), account.displayName())
			.ifPresent((problem) -> errors.rejectValue("newPassword", problem));
		if (errors.hasErrors()) {
			return;
		}
		String hash = this.accounts.passwordHash(account.accountId()).orElseThrow();
		try {
			if (!this.passwordAttempts.check(account.getUsername(),
					() -> this.passwordEncoder.matches(form.currentPassword(), hash))) {
				errors.rejectValue("currentPassword", "wrong");
				return;
			}
		}
		catch (TooManyPasswordAttempts ex) {
			errors.rejectValue("currentPassword", "tooManyPasswordAttempts", new Object[] { ex.waitMinutes() }, null);
			return;
		}
		this.accounts.changePassword(account.accountId(), this.passwordEncoder.encode(form.newPassword()));
		this.events.publishEvent(new PasswordChanged(account.organisationId(), account.accountId(),
				form.currentPassword(), form.newPassword()));
		this.accounts.passwordThroughEmployer(account.accountId(), throughEmployer);
	}

	/**
	 * Sets or changes the account's passphrase (issue 16), which from then on protects
	 * its private key in voice. A change needs the current passphrase; the first one may
	 * name the Bryt password, so that a key that password protected moves over to the
	 * passphrase. Either way the holder knew the old secret: {@link PasswordChanged} is
	 * the holder's, and the recovery rules stay as they are. {@code throughEmployer} as
	 * for {@link #changeOwnPassword}: a passphrase set in a session of the employer's
	 * provider gives no standing for the employee side, however often it is set (the
	 * outsider review of 2026-11-30 set one twice to start a union representative's 30
	 * days through a login the employer's IT controls).
	 */
	@Transactional
	void setPassphrase(CurrentAccount account, boolean throughEmployer, PassphraseForm form, Errors errors) {
		this.passwordRules.problem(form.passphrase(), account.getUsername(), account.displayName())
			.ifPresent((problem) -> errors.rejectValue("passphrase", problem));
		if (errors.hasErrors()) {
			return;
		}
		java.util.Optional<String> current = this.accounts.passphraseHash(account.accountId());
		String old;
		String field;
		String hash;
		if (current.isPresent()) {
			old = (form.currentPassphrase() != null) ? form.currentPassphrase() : "";
			field = "currentPassphrase";
			hash = current.get();
		}
		else if (form.currentPassword() != null && !form.currentPassword().isEmpty()) {
			old = form.currentPassword();
			field = "currentPassword";
			hash = this.accounts.passwordHash(account.accountId()).orElseThrow();
		}
		else if (this.accounts.holderSetPassword(account.organisationId(), account.accountId())) {
			// The holder has a Bryt password of their own: a session alone (left open,
			// taken over) may not set the first passphrase and lock them out of their
			// key.
			errors.rejectValue("currentPassword", "required");
			return;
		}
		else {
			old = null;
			field = null;
			hash = null;
		}
		if (old != null) {
			try {
				if (!this.passwordAttempts.check(account.getUsername(),
						() -> this.passwordEncoder.matches(old, hash))) {
					errors.rejectValue(field, "wrong");
					return;
				}
			}
			catch (TooManyPasswordAttempts ex) {
				errors.rejectValue(field, "tooManyPasswordAttempts", new Object[] { ex.waitMinutes() }, null);
				return;
			}
		}
		this.accounts.passphraseHash(account.accountId(), this.passwordEncoder.encode(form.passphrase()));
		if (old != null) {
			this.events.publishEvent(
					new PasswordChanged(account.organisationId(), account.accountId(), old, form.passphrase()));
			this.accounts.passwordThroughEmployer(account.accountId(), throughEmployer);
		}
	}

	/**
	 * Whether a username cannot be given: taken, here or in another organisation (the
	 * answer is the same), or any username once {@code budget} has met too many taken
	 * ones this hour.
	 */
	private boolean unavailable(String budget, String username, Long accountId) {
		if (this.takenUsernames.exhausted(budget)) {
			return true;
		}
		if (this.accounts.usernameTaken(username, accountId)) {
			this.takenUsernames.tryAcquire(budget);
			return true;
		}
		return false;
	}

	/**
	 * Notes that somebody logged in to the account (a right password, or a provider's
	 * login): from then on no provider links it by its username alone
	 * ({@link OidcAccounts}).
	 */
	@Transactional
	void used(long accountId) {
		this.accounts.used(accountId, this.clock.instant());
	}

	/**
	 * Whether an account's sessions may live on after a change: only its name changed.
	 */
	private static boolean sameAccess(Account before, Account after) {
		return before.username().equals(after.username()) && before.roles().equals(after.roles())
				&& before.enabled() == after.enabled() && before.unitIds().equals(after.unitIds())
				&& Objects.equals(before.staffId(), after.staffId());
	}

	static String normalise(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : null;
	}

}
