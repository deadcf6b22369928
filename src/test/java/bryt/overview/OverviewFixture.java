package bryt.overview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation of its own for the overview's tests: units, staff with their periods,
 * accounts with roles and covered units, an API token.
 */
final class OverviewFixture {

	private final JdbcClient jdbc;

	final Organisation organisation;

	private final String prefix;

	OverviewFixture(Organisations organisations, JdbcClient jdbc) {
		this(organisations, jdbc, "Overview town");
	}

	OverviewFixture(Organisations organisations, JdbcClient jdbc, String name) {
		this(organisations, jdbc, name, Country.SE);
	}

	OverviewFixture(Organisations organisations, JdbcClient jdbc, String name, Country country) {
		this.jdbc = jdbc;
		this.prefix = "ov" + System.nanoTime();
		this.organisation = organisations.create(this.prefix, name, country);
	}

	long unit(String code) {
		return this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level)
				values (:org, :code, :name, 'UNIT') returning id
				""")
			.param("org", this.organisation.id())
			.param("code", code)
			.param("name", "Unit " + code)
			.query(Long.class)
			.single();
	}

	void staff(long unit, String role) {
		String number = "n" + System.nanoTime();
		long id = this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, experience_start,
					employment_start)
				values (:org, :number, :number, :unit, :role, 1.0, date '2024-01-01', date '2024-01-01')
				returning id
				""")
			.param("org", this.organisation.id())
			.param("number", number)
			.param("unit", unit)
			.param("role", role)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from)
				values (:org, :id, :unit, :role, 1.0, date '2024-01-01')
				""")
			.param("org", this.organisation.id())
			.param("id", id)
			.param("unit", unit)
			.param("role", role)
			.update();
		changed();
	}

	/**
	 * What every change to the organisation's data through Bryt does
	 * ({@code OrganisationChanged}): the workload's figures are cached by this version,
	 * and a member added behind its back would be missing from figures cached before (the
	 * national roll-up, not cached, counted them: NationalRollUpTests failed on the day
	 * an earlier snapshot had cached).
	 */
	void changed() {
		this.jdbc.sql("""
				insert into workload_version (organisation_id, version) values (:org, 1)
				on conflict (organisation_id) do update set version = workload_version.version + 1
				""").param("org", this.organisation.id()).update();
	}

	/**
	 * An account with the roles (comma separated), covering the units, made
	 * {@code daysAgo} days ago and its password set by its holder then (an account its
	 * holder took over, as {@code Organisations.heldByHolderSince} asks of the unions'
	 * side); its username is the prefix, a dash and {@code name}.
	 */
	String account(String name, String roles, int daysAgo, long... covered) {
		String username = this.prefix + "-" + name;
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, created_at,
					password_set_by_holder_at)
				values (:org, :username, :display, 'x', string_to_array(:roles, ','),
					now() - make_interval(days => :days), now() - make_interval(days => :days))
				returning id
				""")
			.param("org", this.organisation.id())
			.param("username", username)
			.param("display", "Person " + name)
			.param("roles", roles)
			.param("days", daysAgo)
			.query(Long.class)
			.single();
		for (long unit : covered) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", this.organisation.id())
				.param("id", id)
				.param("unit", unit)
				.update();
		}
		return username;
	}

	String token() {
		String token = "bryt_overview-test-" + System.nanoTime();
		try {
			this.jdbc.sql("insert into api_token (organisation_id, name, token_hash) values (:org, 'test', :hash)")
				.param("org", this.organisation.id())
				.param("hash", MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
				.update();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		return token;
	}

}
