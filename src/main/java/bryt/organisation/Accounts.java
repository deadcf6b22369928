package bryt.organisation;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Creating and changing accounts and organisations, with the checks a form cannot make.
 */
@Service
class Accounts {

	static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._@-]{1,99}";

	static final int MIN_PASSWORD_LENGTH = 12;

	/** Roles that see units and therefore need at least one covered unit. */
	private static final Set<Role> SCOPED = EnumSet.of(Role.MANAGER, Role.UNION_REPRESENTATIVE);

	private final AccountRepository accounts;

	private final OrganisationRepository organisations;

	private final UnitRepository units;

	private final StaffRepository staff;

	private final PasswordEncoder passwordEncoder;

	private final Organisations registry;

	private final ApplicationEventPublisher events;

	Accounts(AccountRepository accounts, OrganisationRepository organisations, UnitRepository units,
			StaffRepository staff, PasswordEncoder passwordEncoder, Organisations registry,
			ApplicationEventPublisher events) {
		this.registry = registry;
		this.events = events;
		this.accounts = accounts;
		this.organisations = organisations;
		this.units = units;
		this.staff = staff;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional
	void createOrganisation(OrganisationForm form, Errors errors) {
		if (this.organisations.codeTaken(form.code())) {
			errors.rejectValue("code", "taken");
		}
		if (this.accounts.usernameTaken(normalise(form.adminUsername()), null)) {
			errors.rejectValue("adminUsername", "taken");
		}
		if (errors.hasErrors()) {
			return;
		}
		long organisationId = this.registry.create(form.code(), form.name(), form.country()).id();
		this.accounts.create(organisationId, normalise(form.adminUsername()), form.adminName().strip(),
				EnumSet.of(Role.ADMINISTRATOR), null, true, Set.of(),
				this.passwordEncoder.encode(form.adminPassword()));
	}

	@Transactional
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

	void save(long organisationId, Long accountId, AccountForm form, Errors errors) {
		String username = normalise(form.username());
		if (username != null && this.accounts.usernameTaken(username, accountId)) {
			errors.rejectValue("username", "taken");
		}
		boolean newAccount = accountId == null;
		String password = (form.password() != null) ? form.password() : "";
		if (newAccount && password.isEmpty()) {
			errors.rejectValue("password", "NotBlank");
		}
		if (!password.isEmpty() && password.length() < MIN_PASSWORD_LENGTH) {
			errors.rejectValue("password", "tooShort", new Object[] { MIN_PASSWORD_LENGTH }, null);
		}
		if (form.staffId() != null && this.staff.find(organisationId, form.staffId()).isEmpty()) {
			errors.rejectValue("staffId", "unknown");
		}
		Set<Long> unitIds = new HashSet<>(form.coveredUnits());
		if (!unitIds.isEmpty() && !new HashSet<>(this.units.subtreeIds(organisationId, unitIds.stream().toList()))
			.containsAll(unitIds)) {
			errors.rejectValue("unitIds", "unknown");
		}
		if (form.roles() != null && form.roles().stream().anyMatch(SCOPED::contains) && unitIds.isEmpty()) {
			errors.rejectValue("unitIds", "required");
		}
		if (!newAccount && removesLastAdministrator(organisationId, accountId, form)) {
			errors.rejectValue("roles", "lastAdministrator");
		}
		if (errors.hasErrors()) {
			return;
		}
		if (newAccount) {
			this.accounts.create(organisationId, username, form.displayName().strip(), form.roles(), form.staffId(),
					form.isEnabled(), unitIds, this.passwordEncoder.encode(password));
		}
		else {
			Account before = this.accounts.find(organisationId, accountId).orElseThrow();
			this.accounts.update(organisationId, accountId, username, form.displayName().strip(), form.roles(),
					form.staffId(), form.isEnabled(), unitIds);
			if (this.accounts.find(organisationId, accountId).filter((after) -> sameAccess(before, after)).isEmpty()) {
				this.events.publishEvent(new AccessChanged(accountId, before.username()));
			}
			if (!password.isEmpty()) {
				this.accounts.changePassword(accountId, this.passwordEncoder.encode(password));
				this.events.publishEvent(new PasswordChanged(organisationId, accountId, null, password));
			}
		}
	}

	@Transactional
	void changeOwnPassword(CurrentAccount account, PasswordForm form, Errors errors) {
		String hash = this.accounts.passwordHash(account.accountId()).orElseThrow();
		if (!this.passwordEncoder.matches(form.currentPassword(), hash)) {
			errors.rejectValue("currentPassword", "wrong");
			return;
		}
		this.accounts.changePassword(account.accountId(), this.passwordEncoder.encode(form.newPassword()));
		this.events.publishEvent(new PasswordChanged(account.organisationId(), account.accountId(),
				form.currentPassword(), form.newPassword()));
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
