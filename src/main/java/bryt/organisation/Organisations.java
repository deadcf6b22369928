package bryt.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.shared.web.Language;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The organisation module's API for the other modules: organisations, their unit tree and
 * staff, and what an account may see. Its imports of units and staff are
 * {@link bryt.shared.imports.ImportKind}s, run through
 * {@link bryt.shared.imports.Imports}.
 */
@Service
public class Organisations {

	private final OrganisationRepository organisations;

	private final UnitRepository units;

	private final StaffRepository staff;

	private final StaffDirectory directory;

	private final ApplicationEventPublisher events;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final java.time.Clock clock;

	private final ProviderLinkRepository links;

	private final OidcProviderRepository providers;

	Organisations(OrganisationRepository organisations, UnitRepository units, StaffRepository staff,
			StaffDirectory directory, ApplicationEventPublisher events, AccountRepository accounts,
			PasswordEncoder passwordEncoder, java.time.Clock clock, ProviderLinkRepository links,
			OidcProviderRepository providers) {
		this.providers = providers;
		this.clock = clock;
		this.links = links;
		this.events = events;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.organisations = organisations;
		this.units = units;
		this.staff = staff;
		this.directory = directory;
	}

	/** The organisation with this code; codes are compared in lower case. */
	public Optional<Organisation> findByCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return this.organisations.findByCode(code.strip().toLowerCase(java.util.Locale.ROOT));
	}

	public Optional<Organisation> find(long id) {
		return this.organisations.find(id);
	}

	/**
	 * The organisation's language, in which Bryt writes its mail, notices and labels to
	 * staff (accounts have no language of their own); the default for an unknown id.
	 */
	public Locale language(long organisationId) {
		return find(organisationId).map((organisation) -> organisation.country().language().locale())
			.orElse(Language.DEFAULT.locale());
	}

	public List<Organisation> all() {
		return this.organisations.findAll();
	}

	/**
	 * Creates an organisation without accounts (from the command line).
	 * @throws IllegalArgumentException if the code is taken or malformed
	 */
	@Transactional
	public Organisation create(String code, String name, Country country) {
		if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw new IllegalArgumentException(
					"The code must be 2–40 lower-case letters, digits or hyphens, starting with a letter or digit");
		}
		if (this.organisations.codeTaken(code)) {
			throw new IllegalArgumentException("An organisation with the code " + code + " exists already");
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("The name must be 1–200 characters");
		}
		long id = this.organisations.create(code, name.strip(), country);
		this.events.publishEvent(new OrganisationCreated(id, country));
		return new Organisation(id, code, name.strip(), country);
	}

	/** The unit tree, parents before children. */
	public List<Unit> units(long organisationId) {
		return this.units.findTree(organisationId);
	}

	/** Every staff member, current and former. */
	public List<StaffMember> staff(long organisationId) {
		return this.staff.findAll(organisationId);
	}

	/**
	 * The names of the organisation's people, for guards that look for a person's name in
	 * a text: every staff member's, current or former, and every account's display name,
	 * disabled accounts included. The names alone, not the staff with their periods.
	 */
	public List<String> personNames(long organisationId) {
		return this.staff.personNames(organisationId);
	}

	/**
	 * The work e-mail addresses staff have, by staff id (issue 13: survey invitations);
	 * staff without one are not in the map.
	 */
	public Map<Long, String> workEmails(long organisationId) {
		return this.staff.workEmails(organisationId);
	}

	/** The staff, current and former, of every organisation, by organisation id. */
	public Map<Long, List<StaffMember>> staffByOrganisation() {
		return this.staff.findEveryOrganisation().stream().collect(Collectors.groupingBy(StaffMember::organisationId));
	}

	/** The organisation's enabled accounts, by username. */
	public List<AccountSummary> accounts(long organisationId) {
		return this.accounts.findAll(organisationId)
			.stream()
			.filter(Account::enabled)
			.map((account) -> new AccountSummary(account.id(), account.username(), account.displayName(),
					account.roles()))
			.toList();
	}

	/**
	 * The enabled accounts holding the role that cover the unit itself (not through a
	 * unit above it), each with its address (issue 14: routing an incident to the unit's
	 * manager and safety representative). Walk {@link #parentChain} for the units above.
	 * @param role one of {@link Role#COVERING}
	 */
	public List<Recipient> coveringAccounts(long organisationId, long unitId, Role role) {
		if (!Role.COVERING.contains(role)) {
			throw new IllegalArgumentException(role + " is not tied to units");
		}
		return this.accounts.recipients(organisationId, unitId, role);
	}

	/**
	 * Every enabled account of the organisation holding the role (e.g. {@link Role#HR}),
	 * each with its address.
	 */
	/**
	 * Every enabled account of the organisation that mail can reach, with its roles and
	 * work address, in one query: for notices that pick their recipients by side or role
	 * ({@link Recipient} for why the address is the staff member's).
	 */
	public List<Addressee> reachableAccounts(long organisationId) {
		return this.accounts.reachable(organisationId);
	}

	public List<Recipient> accountsWithRole(long organisationId, Role role) {
		return this.accounts.recipients(organisationId, null, role);
	}

	/**
	 * The unit and the units above it, the unit first and the top of the tree last; empty
	 * when the organisation has no such unit.
	 */
	public List<Unit> parentChain(long organisationId, long unitId) {
		Map<Long, Unit> byId = this.units.findTree(organisationId)
			.stream()
			.collect(Collectors.toMap(Unit::id, (unit) -> unit));
		List<Unit> chain = new ArrayList<>();
		for (Unit unit = byId.get(unitId); unit != null; unit = (unit.parentId() != null) ? byId.get(unit.parentId())
				: null) {
			chain.add(unit);
		}
		return List.copyOf(chain);
	}

	/**
	 * An account that mail can reach, with its roles.
	 *
	 * @param accountId the account
	 * @param roles its roles
	 * @param email its linked staff member's work address
	 */
	public record Addressee(long accountId, Set<Role> roles, String email) {

		@Override
		public String toString() {
			return "Addressee[accountId=" + this.accountId + ", roles=" + this.roles + ", email=***]";
		}

	}

	/**
	 * An account that receives mail from a module. The address is the work address of the
	 * staff member the account is linked to: the one address the organisation keeps for a
	 * person (imported or entered with the staff). Null when the account has no linked
	 * staff member or the member has no work address; such an account reads its notices
	 * only in Bryt.
	 *
	 * @param accountId the account
	 * @param displayName its display name
	 * @param email its address, or null
	 */
	public record Recipient(long accountId, String displayName, String email) {

		/** Whether mail can reach the account. */
		public boolean reachable() {
			return this.email != null;
		}

		@Override
		public String toString() {
			return "Recipient[accountId=" + this.accountId + ", email=" + ((this.email != null) ? "***" : "none") + "]";
		}

	}

	/**
	 * Whether the password is the account's login password. Lets a module tie a secret to
	 * the password without keeping the password.
	 */
	public boolean passwordMatches(long accountId, String password) {
		return password != null && this.accounts.passwordHash(accountId)
			.map((hash) -> this.passwordEncoder.matches(password, hash))
			.orElse(false);
	}

	/**
	 * What protects the account's private key (issue 16): its passphrase once it has set
	 * one, else its password; an account that logs in through an identity provider and
	 * has no passphrase yet must set one first.
	 */
	public KeySecret keySecret(long accountId) {
		if (this.accounts.passphraseHash(accountId).isPresent()) {
			return KeySecret.PASSPHRASE;
		}
		return this.links.providerLabels(accountId).isEmpty() ? KeySecret.PASSWORD : KeySecret.PASSPHRASE_NEEDED;
	}

	/** What protects an account's private key. */
	public enum KeySecret {

		/** the login password */
		PASSWORD,
		/** the passphrase the account set */
		PASSPHRASE,
		/** a passphrase the account must set first (it logs in through its provider) */
		PASSPHRASE_NEEDED

	}

	/**
	 * Whether the secret is the one that protects the account's key: its passphrase once
	 * it has one, else its password.
	 */
	public boolean keySecretMatches(long accountId, String password) {
		java.util.Optional<String> passphrase = this.accounts.passphraseHash(accountId);
		if (passphrase.isPresent()) {
			return password != null && this.passwordEncoder.matches(password, passphrase.get());
		}
		return password != null && this.accounts.passwordHash(accountId)
			.map((hash) -> this.passwordEncoder.matches(password, hash))
			.orElse(false);
	}

	/**
	 * Since when the account has been as an administrator last made it: its creation, or
	 * the last time an administrator changed its roles, enabled state, units, staff link
	 * or username, or set its password or reset its second factor (after which the
	 * administrator may know how to log in with it). Empty for a disabled account or one
	 * of another organisation. For a module that lets an account speak for a party that
	 * is not the administrator's (the employee side of a survey's comment review).
	 */
	public Optional<java.time.Instant> accessUnchangedSince(long organisationId, long accountId) {
		return this.accounts.accessUnchangedSince(organisationId, accountId);
	}

	/**
	 * Since when the account has been its holder's own for a side: the latest of the
	 * moment it became so, the day its second factor was set up (from the next day) and
	 * {@link #accessUnchangedSince} (any change an administrator made, its display name
	 * included). It became so:
	 * <ul>
	 * <li>for {@link Side#EMPLOYER}: when its holder set a password (or passphrase) of
	 * their own, knowing the previous one, or when its identity at an employer's identity
	 * provider was linked (its first login through it), whichever came first;</li>
	 * <li>for {@link Side#EMPLOYEE_SIDE}: when its holder set a password or passphrase of
	 * their own in a session that did not log in through an employer's provider (whose
	 * login the employer's IT controls), or when its identity at an employee side's
	 * provider (a union's own) was linked, whichever came first.</li>
	 * </ul>
	 * Empty while neither holds (a password an administrator set, for instance), and for
	 * a disabled account or one of another organisation. For a module that lets an
	 * account act for a side or hold a key an administrator must not get: an
	 * administrator who knows a password they set cannot stand in for the holder, nor the
	 * employer's IT for a union representative.
	 */
	public Optional<java.time.Instant> heldByHolderSince(long organisationId, long accountId, Side side) {
		return this.accounts.heldByHolderSince(organisationId, accountId, side, this.clock.getZone());
	}

	/**
	 * Whether the session logged in through a provider of the employer's side, whose
	 * logins the employer's IT controls. An act for the employee side (a representative's
	 * approval of survey comments, the unions' sign-off of the committee report) is
	 * refused from such a session, whatever the account's standing: the account's
	 * standing may come from its holder's own password while the employer's IT can log in
	 * as it through its directory (the evening's second outsider review approved for the
	 * unions so).
	 */
	public boolean throughEmployersProvider(org.springframework.security.core.Authentication login) {
		return OidcProviders.throughEmployer(login, this.providers);
	}

	/**
	 * What the authenticated account or API client may see of an organisation:
	 * {@link Visibility#NOTHING} when it belongs to another one.
	 */
	public Visibility visibility(Authentication authentication, long organisationId) {
		if (authentication instanceof ApiClient client) {
			return (client.organisationId() == organisationId) ? Visibility.EVERYTHING : Visibility.NOTHING;
		}
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentAccount me)
				|| me.organisationId() != organisationId) {
			return Visibility.NOTHING;
		}
		return this.directory.visibility(me);
	}

	/**
	 * The organisation a figures API is asked about and what the caller may see of it:
	 * 404 for an unknown code, 403 for a caller who sees no unit's figures there (staff,
	 * or an account or token of another organisation). One rule for every module's
	 * {@code GET /api/v1/organisations/{org}/…/figures}.
	 */
	public FiguresReader figuresReader(String code, Authentication authentication) {
		Organisation organisation = findByCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Visibility visibility = visibility(authentication, organisation.id());
		if (!visibility.seesOrganisationFigures() && visibility.coveredUnits().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return new FiguresReader(organisation, visibility);
	}

	/**
	 * An organisation whose figures a caller reads, and what it may see of them.
	 *
	 * @param organisation the organisation asked about
	 * @param visibility what the caller sees of it (never {@link Visibility#NOTHING})
	 */
	public record FiguresReader(Organisation organisation, Visibility visibility) {
	}

	/**
	 * The units the account covers, each with everything below it (issue 14: who handles
	 * an incident of a unit); empty for an account of another organisation or one that
	 * covers none.
	 */
	public Set<Long> coveredUnits(long organisationId, long accountId) {
		return Set.copyOf(this.units.subtreeIds(organisationId, this.accounts.coveredUnitIds(accountId)));
	}

	/** An account as other modules see it: who it is and what roles it holds. */
	public record AccountSummary(long id, String username, String displayName, Set<Role> roles) {
	}

}
