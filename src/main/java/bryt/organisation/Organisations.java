package bryt.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	Organisations(OrganisationRepository organisations, UnitRepository units, StaffRepository staff,
			StaffDirectory directory, ApplicationEventPublisher events, AccountRepository accounts,
			PasswordEncoder passwordEncoder) {
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
	 * Whether the password is the account's login password. Lets a module tie a secret to
	 * the password without keeping the password.
	 */
	public boolean passwordMatches(long accountId, String password) {
		return password != null && this.accounts.passwordHash(accountId)
			.map((hash) -> this.passwordEncoder.matches(password, hash))
			.orElse(false);
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
