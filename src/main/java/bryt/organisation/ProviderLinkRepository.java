package bryt.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Identities from a provider (issuer and subject) linked to accounts, and where each role
 * of an account came from.
 */
@Repository
class ProviderLinkRepository {

	private final JdbcClient jdbc;

	ProviderLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account the identity is linked to, and the provider that linked it. */
	Optional<Identity> identity(String issuer, String subject) {
		return this.jdbc
			.sql("select account_id, provider_id from account_identity where issuer = :issuer and subject = :subject")
			.param("issuer", issuer)
			.param("subject", subject)
			.query((rs, row) -> new Identity(rs.getLong("account_id"), rs.getLong("provider_id")))
			.optional();
	}

	record Identity(long accountId, long providerId) {
	}

	/** Whether the account has an identity at a provider of the employee side. */
	boolean linkedToEmployeeSide(long accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from account_identity i join oidc_provider p on p.id = i.provider_id
					where i.account_id = :account and p.side = 'EMPLOYEE_SIDE')
				""").param("account", accountId).query(Boolean.class).single();
	}

	/** Whether the account has an identity from any provider. */
	boolean linkedAtAll(long accountId) {
		return this.jdbc.sql("select exists (select 1 from account_identity where account_id = :account)")
			.param("account", accountId)
			.query(Boolean.class)
			.single();
	}

	/** Whether the account already has an identity from this provider. */
	boolean linked(long providerId, long accountId) {
		return this.jdbc.sql(
				"select exists (select 1 from account_identity where provider_id = :provider and account_id = :account)")
			.param("provider", providerId)
			.param("account", accountId)
			.query(Boolean.class)
			.single();
	}

	void link(long organisationId, long accountId, OidcProvider provider, String subject, Instant at) {
		this.jdbc.sql("""
				insert into account_identity (organisation_id, account_id, provider_id, issuer, subject, linked_at)
				values (:org, :account, :provider, :issuer, :subject, :at)
				""")
			.param("org", organisationId)
			.param("account", accountId)
			.param("provider", provider.id())
			.param("issuer", provider.issuer())
			.param("subject", subject)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The labels of the providers the account can log in through. */
	List<String> providerLabels(long accountId) {
		return this.jdbc.sql("""
				select p.label from account_identity i join oidc_provider p on p.id = i.provider_id
				where i.account_id = :account order by p.label
				""").param("account", accountId).query(String.class).list();
	}

	/**
	 * The labels of the providers each account of the organisation can log in through, by
	 * account id (an account without any is not in the map).
	 */
	Map<Long, List<String>> providerLabelsByAccount(long organisationId) {
		Map<Long, List<String>> labels = new HashMap<>();
		this.jdbc.sql("""
				select i.account_id, p.label from account_identity i join oidc_provider p on p.id = i.provider_id
				where i.organisation_id = :org order by p.label, p.id
				""").param("org", organisationId).query((rs) -> {
			labels.computeIfAbsent(rs.getLong("account_id"), (id) -> new ArrayList<>()).add(rs.getString("label"));
		});
		return labels;
	}

	/** Where the account's roles came from, by role name. */
	List<RoleOrigin> origins(long accountId) {
		return this.jdbc.sql("""
				select o.role, p.label as provider, g.display_name as granted_by, o.granted_at, o.by_operator
				from account_role_origin o
					left join oidc_provider p on p.id = o.provider_id
					left join account g on g.id = o.granted_by
				where o.account_id = :account
				""")
			.param("account", accountId)
			.query((rs, row) -> new RoleOrigin(Role.valueOf(rs.getString("role")), rs.getString("provider"),
					rs.getString("granted_by"), rs.getObject("granted_at", java.time.OffsetDateTime.class).toInstant(),
					rs.getBoolean("by_operator")))
			.list();
	}

	/** The roles the provider's mapping gave the account (and nobody in Bryt since). */
	List<Role> providerRoles(long accountId, long providerId) {
		return this.jdbc
			.sql("select role from account_role_origin where account_id = :account and provider_id = :provider")
			.param("account", accountId)
			.param("provider", providerId)
			.query((rs, row) -> Role.valueOf(rs.getString("role")))
			.list();
	}

	/** Notes who gave the role: the provider or an account in Bryt. */
	void granted(long organisationId, long accountId, Role role, Long providerId, Long grantedBy, Instant at) {
		this.jdbc.sql("""
				insert into account_role_origin (organisation_id, account_id, role, provider_id, granted_by, granted_at)
				values (:org, :account, :role, :provider, :by, :at)
				on conflict (account_id, role) do update set provider_id = excluded.provider_id,
					granted_by = excluded.granted_by, granted_at = excluded.granted_at, by_operator = false
				""")
			.param("org", organisationId)
			.param("account", accountId)
			.param("role", role.name())
			.param("provider", providerId)
			.param("by", grantedBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Notes that the platform operator gave the role from the command line (issue 16:
	 * "granted by the platform operator").
	 */
	void grantedByOperator(long organisationId, long accountId, Role role, Instant at) {
		this.jdbc.sql("""
				insert into account_role_origin (organisation_id, account_id, role, by_operator, granted_at)
				values (:org, :account, :role, true, :at)
				on conflict (account_id, role) do update set provider_id = null, granted_by = null,
					by_operator = true, granted_at = excluded.granted_at
				""")
			.param("org", organisationId)
			.param("account", accountId)
			.param("role", role.name())
			.param("at", Timestamp.from(at))
			.update();
	}

	void revoked(long accountId, Role role) {
		this.jdbc.sql("delete from account_role_origin where account_id = :account and role = :role")
			.param("account", accountId)
			.param("role", role.name())
			.update();
	}

	/**
	 * Where one role came from: {@code provider} (its label) for the provider's group
	 * mapping, else {@code grantedBy} (the granting account's name, null when unknown),
	 * or {@code byOperator} for the platform operator's command line.
	 */
	record RoleOrigin(Role role, String provider, String grantedBy, Instant at, boolean byOperator) {
	}

}
