package bryt.organisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.organisation.Organisations.Recipient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String SELECT = """
			select a.id, a.organisation_id, a.username, a.display_name, a.roles, a.staff_id, a.enabled,
				coalesce(array_agg(au.unit_id order by au.unit_id) filter (where au.unit_id is not null), '{}') as unit_ids
			from account a left join account_unit au on au.account_id = a.id
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CurrentAccount> findForLogin(String username) {
		return this.jdbc.sql("""
				select id, organisation_id, username, display_name, roles, staff_id, enabled, password_hash
				from account where username = :username
				""")
			.param("username", username)
			.query((rs, row) -> new CurrentAccount(rs.getLong("id"), rs.getLong("organisation_id"),
					rs.getString("username"), rs.getString("display_name"), roles(rs.getArray("roles")),
					nullableLong(rs, "staff_id"), rs.getBoolean("enabled"), rs.getString("password_hash")))
			.optional();
	}

	List<Account> findAll(long organisationId) {
		return this.jdbc.sql(SELECT + " where a.organisation_id = :org group by a.id order by a.username")
			.param("org", organisationId)
			.query(AccountRepository::account)
			.list();
	}

	Optional<Account> find(long organisationId, long id) {
		return this.jdbc.sql(SELECT + " where a.organisation_id = :org and a.id = :id group by a.id")
			.param("org", organisationId)
			.param("id", id)
			.query(AccountRepository::account)
			.optional();
	}

	boolean usernameTaken(String username, Long exceptId) {
		return this.jdbc.sql("""
				select exists (select 1 from account where username = :username and id is distinct from :except)
				""").param("username", username).param("except", exceptId).query(Boolean.class).single();
	}

	/**
	 * Whether the organisation has an enabled administrator other than the given account.
	 */
	boolean otherAdministrator(long organisationId, long exceptId) {
		return this.jdbc.sql("""
				select exists (select 1 from account where organisation_id = :org and id <> :except and enabled
					and 'ADMINISTRATOR' = any(roles))
				""").param("org", organisationId).param("except", exceptId).query(Boolean.class).single();
	}

	long create(long organisationId, String username, String displayName, Set<Role> roles, Long staffId,
			boolean enabled, Set<Long> unitIds, String passwordHash) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, staff_id, enabled)
				values (:org, :username, :name, :hash, cast(:roles as text[]), :staff, :enabled) returning id
				""")
			.param("org", organisationId)
			.param("username", username)
			.param("name", displayName)
			.param("hash", passwordHash)
			.param("roles", rolesLiteral(roles))
			.param("staff", staffId)
			.param("enabled", enabled)
			.query(Long.class)
			.single();
		replaceUnits(organisationId, id, unitIds);
		return id;
	}

	void update(long organisationId, long id, String username, String displayName, Set<Role> roles, Long staffId,
			boolean enabled, Set<Long> unitIds) {
		this.jdbc.sql("""
				update account set username = :username, display_name = :name, roles = cast(:roles as text[]),
					staff_id = :staff, enabled = :enabled
				where organisation_id = :org and id = :id
				""")
			.param("org", organisationId)
			.param("id", id)
			.param("username", username)
			.param("name", displayName)
			.param("roles", rolesLiteral(roles))
			.param("staff", staffId)
			.param("enabled", enabled)
			.update();
		replaceUnits(organisationId, id, unitIds);
	}

	void changePassword(long accountId, String passwordHash) {
		this.jdbc.sql("update account set password_hash = :hash where id = :id")
			.param("id", accountId)
			.param("hash", passwordHash)
			.update();
	}

	/** Replaces the hash only if it is still the one that was checked. */
	void upgradePasswordHash(long accountId, String checkedHash, String passwordHash) {
		this.jdbc.sql("update account set password_hash = :hash where id = :id and password_hash = :checked")
			.param("id", accountId)
			.param("checked", checkedHash)
			.param("hash", passwordHash)
			.update();
	}

	Optional<String> passwordHash(long accountId) {
		return this.jdbc.sql("select password_hash from account where id = :id")
			.param("id", accountId)
			.query(String.class)
			.optional();
	}

	/** Sets the roles only (a provider's group mapping at login). */
	void updateRoles(long accountId, Set<Role> roles) {
		this.jdbc.sql("update account set roles = cast(:roles as text[]) where id = :id")
			.param("id", accountId)
			.param("roles", rolesLiteral(roles))
			.update();
	}

	/**
	 * Links the account to the staff member with the employee number, unless it has a
	 * staff member already or another account is that staff member's (a provider's claim
	 * never moves a staff member from the account that holds it).
	 */
	void linkStaffByEmployeeNumber(long organisationId, long accountId, String employeeNumber) {
		this.jdbc.sql("""
				update account set staff_id = (select s.id from staff s where s.organisation_id = :org
					and s.employee_number = :number)
				where organisation_id = :org and id = :id and staff_id is null
					and exists (select 1 from staff s where s.organisation_id = :org and s.employee_number = :number
						and not exists (select 1 from account o where o.staff_id = s.id))
				""").param("org", organisationId).param("id", accountId).param("number", employeeNumber).update();
	}

	/** The account's passphrase hash (issue 16), if it has set one. */
	Optional<String> passphraseHash(long accountId) {
		return this.jdbc.sql("select passphrase_hash from account where id = :id and passphrase_hash is not null")
			.param("id", accountId)
			.query(String.class)
			.optional();
	}

	void passphraseHash(long accountId, String hash) {
		this.jdbc.sql("update account set passphrase_hash = :hash where id = :id")
			.param("id", accountId)
			.param("hash", hash)
			.update();
	}

	/** Notes that an administrator changed the account's access or credentials now. */
	void accessChanged(long accountId, java.time.Instant at) {
		this.jdbc.sql("update account set access_changed_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(at))
			.param("id", accountId)
			.update();
	}

	/**
	 * Notes that an administrator set the account's password now: the holder has not
	 * chosen it, so the account is not (or no longer) its holder's own.
	 */
	void passwordSetByAdministrator(long accountId, java.time.Instant at) {
		this.jdbc.sql("update account set access_changed_at = :at, password_set_by_holder_at = null where id = :id")
			.param("at", java.sql.Timestamp.from(at))
			.param("id", accountId)
			.update();
	}

	/**
	 * Notes the account's first use (a right password or a provider's login); later uses
	 * change nothing.
	 */
	void used(long accountId, java.time.Instant at) {
		this.jdbc.sql("update account set first_used_at = :at where id = :id and first_used_at is null")
			.param("at", java.sql.Timestamp.from(at))
			.param("id", accountId)
			.update();
	}

	/** Whether anybody ever logged in to the account (see {@link #used}). */
	boolean everUsed(long accountId) {
		return this.jdbc.sql("select first_used_at is not null from account where id = :id")
			.param("id", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** Notes that the account's holder set their own password now. */
	void passwordSetByHolder(long accountId, java.time.Instant at) {
		this.jdbc.sql("update account set password_set_by_holder_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(at))
			.param("id", accountId)
			.update();
	}

	/**
	 * Dates every account of the organisation as created, and its password as set by its
	 * holder, at that time (the demo).
	 */
	void createdOn(long organisationId, java.time.Instant at) {
		this.jdbc
			.sql("update account set created_at = :at, password_set_by_holder_at = :at where organisation_id = :org")
			.param("at", java.sql.Timestamp.from(at))
			.param("org", organisationId)
			.update();
	}

	/**
	 * Since when the account is as an administrator last made it: the last change of its
	 * access or credentials by an administrator, else its creation.
	 */
	Optional<java.time.Instant> accessUnchangedSince(long organisationId, long accountId) {
		return this.jdbc.sql("""
				select coalesce(access_changed_at, created_at) as since from account
				where organisation_id = :org and id = :id and enabled
				""")
			.param("org", organisationId)
			.param("id", accountId)
			.query((rs, row) -> rs.getObject("since", java.time.OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Since when the account has been its holder's own for a side: the latest of the
	 * moment it became so, the set-up of its second factor (counted from the day after,
	 * the day being all that is kept) and an administrator's last change of it (else its
	 * creation). It became so, for the employer's side, at the earlier of its holder's
	 * own password (or passphrase) and the link of its identity at an employer's
	 * provider; for the employee side, at the earlier of its holder's own password (or
	 * passphrase) not set in a session that logged in through an employer's provider, and
	 * the link of its identity at an employee side's provider. Empty when neither is
	 * there, and for a disabled account or one of another organisation.
	 */
	Optional<java.time.Instant> heldByHolderSince(long organisationId, long accountId, Side side,
			java.time.ZoneId zone) {
		return this.jdbc.sql("""
				select greatest(coalesce(a.access_changed_at, a.created_at), own.at,
					cast(f.confirmed_on + 1 as timestamp) at time zone :zone) as since
				from account a left join account_second_factor f on f.account_id = a.id
					cross join lateral (select least(
						case when :side = 'EMPLOYEE_SIDE' and a.password_through_employer then null
							else a.password_set_by_holder_at end,
						(select min(i.linked_at) from account_identity i join oidc_provider p on p.id = i.provider_id
							where i.account_id = a.id and p.side = :side)) as at) own
				where a.organisation_id = :org and a.id = :id and a.enabled and own.at is not null
				""")
			.param("org", organisationId)
			.param("id", accountId)
			.param("side", side.name())
			.param("zone", zone.getId())
			.query((rs, row) -> rs.getObject("since", java.time.OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Whether the enabled account's holder has set a password (or passphrase) of their
	 * own, one no administrator set, in any session.
	 */
	boolean holderSetPassword(long organisationId, long accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from account where organisation_id = :org and id = :id and enabled
					and password_set_by_holder_at is not null)
				""").param("org", organisationId).param("id", accountId).query(Boolean.class).single();
	}

	/**
	 * Notes whether the holder's own password or passphrase just set was set in a session
	 * that logged in through an employer's provider (then it does not count for the
	 * employee side).
	 */
	void passwordThroughEmployer(long accountId, boolean throughEmployer) {
		this.jdbc.sql("update account set password_through_employer = :through where id = :id")
			.param("through", throughEmployer)
			.param("id", accountId)
			.update();
	}

	/** The roots of the subtrees an account covers. */
	List<Long> coveredUnitIds(long accountId) {
		return this.jdbc.sql("select unit_id from account_unit where account_id = :id order by unit_id")
			.param("id", accountId)
			.query(Long.class)
			.list();
	}

	/**
	 * The enabled accounts holding the role: those covering the unit directly when
	 * {@code unitId} is given, else every one in the organisation; each with its linked
	 * staff member's work address (null without one).
	 */
	/**
	 * Every enabled account with its roles and its linked staff member's work address.
	 */
	List<Organisations.Addressee> reachable(long organisationId) {
		return this.jdbc.sql("""
				select a.id, a.roles, s.work_email
				from account a join staff s on s.organisation_id = a.organisation_id and s.id = a.staff_id
				where a.organisation_id = :org and a.enabled and s.work_email is not null
				order by a.id
				""")
			.param("org", organisationId)
			.query((rs, row) -> new Organisations.Addressee(rs.getLong("id"), roles(rs.getArray("roles")),
					rs.getString("work_email")))
			.list();
	}

	List<Recipient> recipients(long organisationId, Long unitId, Role role) {
		return this.jdbc.sql("""
				select a.id, a.display_name, s.work_email
				from account a left join staff s on s.organisation_id = a.organisation_id and s.id = a.staff_id
				where a.organisation_id = :org and a.enabled and :role = any(a.roles)
					and (cast(:unit as bigint) is null or exists (select 1 from account_unit au
						where au.account_id = a.id and au.unit_id = :unit))
				order by a.id
				""")
			.param("org", organisationId)
			.param("unit", unitId)
			.param("role", role.name())
			.query((rs, row) -> new Recipient(rs.getLong("id"), rs.getString("display_name"),
					rs.getString("work_email")))
			.list();
	}

	private void replaceUnits(long organisationId, long accountId, Set<Long> unitIds) {
		this.jdbc.sql("delete from account_unit where account_id = :id").param("id", accountId).update();
		this.jdbc.sql("""
				insert into account_unit (organisation_id, account_id, unit_id)
				select :org, :account, unnest(cast(:units as bigint[]))
				""")
			.param("org", organisationId)
			.param("account", accountId)
			.param("units", unitIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.update();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		Long[] units = (Long[]) rs.getArray("unit_ids").getArray();
		return new Account(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("username"),
				rs.getString("display_name"), roles(rs.getArray("roles")), nullableLong(rs, "staff_id"),
				rs.getBoolean("enabled"), new LinkedHashSet<>(Arrays.asList(units)));
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : (String[]) array.getArray()) {
			roles.add(Role.valueOf(role));
		}
		return roles;
	}

	private static String rolesLiteral(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
