package bryt.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What other modules may know about organisations, their units and accounts: names and
 * identifiers, never password hashes.
 */
@Service
public class OrganisationDirectory {

	private final OrganisationRepository organisations;

	private final UnitRepository units;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	OrganisationDirectory(OrganisationRepository organisations, UnitRepository units, AccountRepository accounts,
			PasswordEncoder passwordEncoder) {
		this.organisations = organisations;
		this.units = units;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	/** Every organisation of this deployment, by name. */
	public List<OrganisationSummary> organisations() {
		return this.organisations.findAll().stream().map(OrganisationDirectory::summary).toList();
	}

	public Optional<OrganisationSummary> organisationByCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.strip().toLowerCase(Locale.ROOT);
		return this.organisations.findAll()
			.stream()
			.filter((organisation) -> organisation.code().equals(wanted))
			.findFirst()
			.map(OrganisationDirectory::summary);
	}

	/** The organisation's units in tree order. */
	public List<UnitSummary> units(long organisationId) {
		return this.units.findTree(organisationId)
			.stream()
			.map((unit) -> new UnitSummary(unit.id(), unit.code(), unit.name()))
			.toList();
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

	private static OrganisationSummary summary(Organisation organisation) {
		return new OrganisationSummary(organisation.id(), organisation.code(), organisation.name());
	}

	/** An organisation as other modules see it. */
	public record OrganisationSummary(long id, String code, String name) {
	}

	/** A unit as other modules see it. */
	public record UnitSummary(long id, String code, String name) {
	}

	/** An account as other modules see it: who it is and what roles it holds. */
	public record AccountSummary(long id, String username, String displayName, Set<Role> roles) {
	}

}
