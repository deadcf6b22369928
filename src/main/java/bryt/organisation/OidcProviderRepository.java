package bryt.organisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations' OpenID providers and whether their local passwords are on. */
@Repository
class OidcProviderRepository {

	private static final String SELECT = """
			select id, organisation_id, registration_id, label, issuer, client_id, client_secret, username_claim,
				employee_number_claim, group_claim, group_roles, required_acr, required_amr, required_claim,
				required_claim_value, side
			from oidc_provider
			""";

	private final JdbcClient jdbc;

	OidcProviderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The login page's buttons: every provider of the deployment with its organisation's
	 * name, by organisation.
	 */
	List<LoginButton> loginButtons() {
		return this.jdbc.sql("""
				select p.registration_id, p.label, o.name as organisation
				from oidc_provider p join organisation o on o.id = p.organisation_id
				order by o.name, p.label, p.id
				""")
			.query((rs, row) -> new LoginButton(rs.getString("registration_id"), rs.getString("label"),
					rs.getString("organisation")))
			.list();
	}

	/**
	 * A provider's button on the login page, which lists every organisation's: its label
	 * alone can be ambiguous ("Entra ID"), so the button names the organisation unless
	 * the label already does.
	 */
	record LoginButton(String registrationId, String label, String organisation) {

		public boolean labelNamesOrganisation() {
			return this.label.toLowerCase(Locale.ROOT).contains(this.organisation.toLowerCase(Locale.ROOT));
		}

	}

	List<OidcProvider> list(long organisationId) {
		return this.jdbc.sql(SELECT + " where organisation_id = :org order by label, id")
			.param("org", organisationId)
			.query(OidcProviderRepository::provider)
			.list();
	}

	/** The organisation's providers of one side. */
	List<OidcProvider> list(long organisationId, Side side) {
		return this.jdbc.sql(SELECT + " where organisation_id = :org and side = :side order by label, id")
			.param("org", organisationId)
			.param("side", side.name())
			.query(OidcProviderRepository::provider)
			.list();
	}

	/** A provider of the organisation and of that side: another side's is not there. */
	Optional<OidcProvider> find(long organisationId, Side side, long id) {
		return find(organisationId, id).filter((provider) -> provider.side() == side);
	}

	Optional<OidcProvider> find(long organisationId, long id) {
		return this.jdbc.sql(SELECT + " where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(OidcProviderRepository::provider)
			.optional();
	}

	Optional<OidcProvider> findByRegistrationId(String registrationId) {
		return this.jdbc.sql(SELECT + " where registration_id = :registration")
			.param("registration", registrationId)
			.query(OidcProviderRepository::provider)
			.optional();
	}

	boolean issuerTaken(long organisationId, String issuer, Long exceptId) {
		return this.jdbc.sql("""
				select exists (select 1 from oidc_provider
					where organisation_id = :org and issuer = :issuer and id is distinct from :except)
				""")
			.param("org", organisationId)
			.param("issuer", issuer)
			.param("except", exceptId)
			.query(Boolean.class)
			.single();
	}

	boolean registrationIdTaken(String registrationId, Long exceptId) {
		return this.jdbc.sql(
				"select exists (select 1 from oidc_provider where registration_id = :registration and id is distinct from :except)")
			.param("registration", registrationId)
			.param("except", exceptId)
			.query(Boolean.class)
			.single();
	}

	long create(long organisationId, OidcProvider provider) {
		return this.jdbc.sql("""
				insert into oidc_provider (organisation_id, registration_id, label, issuer, client_id, client_secret,
					username_claim, employee_number_claim, group_claim, group_roles, required_acr, required_amr,
					required_claim, required_claim_value, side)
				values (:org, :registration, :label, :issuer, :client, :secret, :username, :employee, :groups, :roles,
					cast(:acr as text[]), cast(:amr as text[]), :claim, :claimValue, :side)
				returning id
				""").param("org", organisationId).params(values(provider)).query(Long.class).single();
	}

	/**
	 * Changes a provider of the provider's side (never its side); a null secret keeps the
	 * stored one unless {@code dropSecret}.
	 */
	void update(long organisationId, long id, OidcProvider provider, boolean dropSecret) {
		this.jdbc.sql("""
				update oidc_provider set registration_id = :registration, label = :label, issuer = :issuer,
					client_id = :client,
					client_secret = case when :drop then null else coalesce(:secret, client_secret) end,
					username_claim = :username, employee_number_claim = :employee, group_claim = :groups,
					group_roles = :roles, required_acr = cast(:acr as text[]), required_amr = cast(:amr as text[]),
					required_claim = :claim, required_claim_value = :claimValue
				where organisation_id = :org and id = :id and side = :side
				""")
			.param("org", organisationId)
			.param("id", id)
			.param("drop", dropSecret)
			.params(values(provider))
			.update();
	}

	/** Removes a provider of that side; another side's stays. */
	void delete(long organisationId, Side side, long id) {
		this.jdbc.sql("delete from oidc_provider where organisation_id = :org and id = :id and side = :side")
			.param("org", organisationId)
			.param("id", id)
			.param("side", side.name())
			.update();
	}

	boolean localPasswords(long organisationId) {
		return this.jdbc.sql("select local_passwords from organisation where id = :org")
			.param("org", organisationId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	void localPasswords(long organisationId, boolean on) {
		this.jdbc.sql("update organisation set local_passwords = :on where id = :org")
			.param("org", organisationId)
			.param("on", on)
			.update();
	}

	/** The login names of the organisation's accounts. */
	List<String> usernames(long organisationId) {
		return this.jdbc.sql("select username from account where organisation_id = :org")
			.param("org", organisationId)
			.query(String.class)
			.list();
	}

	private static java.util.Map<String, Object> values(OidcProvider provider) {
		java.util.Map<String, Object> values = new java.util.HashMap<>();
		values.put("registration", provider.registrationId());
		values.put("label", provider.label());
		values.put("issuer", provider.issuer());
		values.put("client", provider.clientId());
		values.put("secret", provider.clientSecret());
		values.put("username", provider.usernameClaim());
		values.put("employee", provider.employeeNumberClaim());
		values.put("groups", provider.groupClaim());
		values.put("roles", provider.groupRoles());
		values.put("acr", literal(provider.requiredAcr()));
		values.put("amr", literal(provider.requiredAmr()));
		values.put("claim", provider.requiredClaim());
		values.put("claimValue", provider.requiredClaimValue());
		values.put("side", provider.side().name());
		return values;
	}

	private static String literal(Set<String> values) {
		// Values are checked to be plain tokens (letters, digits, : . _ / -) by the form.
		return values.stream().map((value) -> "\"" + value + "\"").collect(Collectors.joining(",", "{", "}"));
	}

	private static OidcProvider provider(ResultSet rs, int row) throws SQLException {
		return new OidcProvider(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("registration_id"),
				rs.getString("label"), rs.getString("issuer"), rs.getString("client_id"), rs.getBytes("client_secret"),
				rs.getString("username_claim"), rs.getString("employee_number_claim"), rs.getString("group_claim"),
				rs.getString("group_roles"), set(rs.getArray("required_acr")), set(rs.getArray("required_amr")),
				rs.getString("required_claim"), rs.getString("required_claim_value"),
				Side.valueOf(rs.getString("side")));
	}

	private static Set<String> set(Array array) throws SQLException {
		return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
	}

}
