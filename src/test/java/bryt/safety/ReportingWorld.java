package bryt.safety;

import java.time.LocalDate;

import jakarta.servlet.http.Cookie;

import bryt.organisation.CurrentAccount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An organisation of its own for one test, so that tests sharing the database do not see
 * each other's incidents: a department with two units, staff in them, and an account for
 * every role, none with a Voice key until it unlocks one ({@link Login#unlockKey()}).
 *
 * <pre>
 * Department (union and safety representative cover it)
 * ├── Unit A (manager covers it; staff "Anna" and "Bo")
 * └── Unit B (staff "Cilla")
 * </pre>
 */
final class ReportingWorld {

	static final String PASSWORD = "Fjord-Lichen-Quartz-7318";

	final long org;

	final String code;

	final long department;

	final long unitA;

	final long unitB;

	final long anna;

	final long bo;

	final long cilla;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final UserDetailsService accounts;

	private final MockMvc mvc;

	ReportingWorld(JdbcClient jdbc, PasswordEncoder encoder, UserDetailsService accounts, MockMvc mvc, String code) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.accounts = accounts;
		this.mvc = mvc;
		this.code = code;
		this.org = jdbc.sql("insert into organisation (code, name, country) values (:code, :code, 'SE') returning id")
			.param("code", code)
			.query(Long.class)
			.single();
		this.department = unit("DEP", "Department", "DEPARTMENT", null);
		this.unitA = unit("A", "Unit A", "UNIT", this.department);
		this.unitB = unit("B", "Unit B", "UNIT", this.department);
		this.anna = staff("1", "Anna Andersson", this.unitA);
		this.bo = staff("2", "Bo Berg", this.unitA);
		this.cilla = staff("3", "Cilla Carlsson", this.unitB);
		account("hr", "HR", null);
		account("manager", "MANAGER", null, this.unitA);
		account("safety", "SAFETY_REPRESENTATIVE", null, this.department);
		account("union", "UNION_REPRESENTATIVE", null, this.department);
		account("admin", "ADMINISTRATOR", null);
		account("committee", "COMMITTEE_MEMBER", null);
		account("anna", "STAFF", this.anna);
		account("bo", "STAFF", this.bo);
		account("cilla", "STAFF", this.cilla);
	}

	/**
	 * Adds an account with one role, linked to a staff record, covering the units. It
	 * stands as made 31 days ago with a password its holder set then, so that it receives
	 * incidents' keys ({@link Incidents#KEY_STANDING}); {@link #freshAccount} makes one
	 * today, with the administrator's password.
	 */
	long account(String name, String role, Long staffId, long... coveredUnits) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, staff_id,
					created_at, password_set_by_holder_at)
				values (:org, :username, :name, :hash, cast(:roles as text[]), :staff, now() - interval '31 days',
					now() - interval '31 days')
				returning id
				""")
			.param("org", this.org)
			.param("username", username(name))
			.param("name", "Account " + name)
			.param("hash", this.encoder.encode(PASSWORD))
			.param("roles", "{" + role + "}")
			.param("staff", staffId)
			.query(Long.class)
			.single();
		for (long unit : coveredUnits) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", this.org)
				.param("id", id)
				.param("unit", unit)
				.update();
		}
		return id;
	}

	/** An account an administrator made just now. */
	long freshAccount(String name, String role, Long staffId, long... coveredUnits) {
		long id = account(name, role, staffId, coveredUnits);
		this.jdbc.sql("update account set created_at = now(), password_set_by_holder_at = null where id = :id")
			.param("id", id)
			.update();
		return id;
	}

	String username(String name) {
		return this.code + "-" + name;
	}

	long accountId(String name) {
		return this.jdbc.sql("select id from account where username = :username")
			.param("username", username(name))
			.query(Long.class)
			.single();
	}

	Login login(String name) {
		return new Login((CurrentAccount) this.accounts.loadUserByUsername(username(name)));
	}

	private long unit(String unitCode, String name, String level, Long parent) {
		return this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level, parent_id)
				values (:org, :code, :name, :level, :parent) returning id
				""")
			.param("org", this.org)
			.param("code", unitCode)
			.param("name", name)
			.param("level", level)
			.param("parent", parent)
			.query(Long.class)
			.single();
	}

	private long staff(String number, String name, long unit) {
		return this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, employment_start)
				values (:org, :number, :name, :unit, 'SOCIAL_WORKER', 1, :start) returning id
				""")
			.param("org", this.org)
			.param("number", number)
			.param("name", name)
			.param("unit", unit)
			.param("start", LocalDate.of(2020, 1, 1))
			.query(Long.class)
			.single();
	}

	/**
	 * One logged-in account with a session of its own, as a browser would have: the
	 * session (Spring Session, in the database) travels in its cookie.
	 */
	final class Login {

		final CurrentAccount account;

		private Cookie session;

		Login(CurrentAccount account) {
			this.account = account;
		}

		Authentication authentication() {
			return UsernamePasswordAuthenticationToken.authenticated(this.account, null, this.account.getAuthorities());
		}

		<B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult send(B request) throws Exception {
			if (this.session != null) {
				request.cookie(this.session);
			}
			MvcResult result = ReportingWorld.this.mvc.perform(request.with(user(this.account)).with(csrf()))
				.andReturn();
			for (String header : result.getResponse().getHeaders("Set-Cookie")) {
				String pair = header.substring(0, header.contains(";") ? header.indexOf(';') : header.length());
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (name.contains("SESSION") && !value.isEmpty()) {
					this.session = new Cookie(name, value);
				}
			}
			return result;
		}

		/** Creates the account's Voice key pair, or unlocks it, for this session. */
		void unlockKey() throws Exception {
			MvcResult result = send(post("/voice/unlock").param("password", PASSWORD));
			if (result.getFlashMap().containsKey("wrongPassword")) {
				throw new IllegalStateException("The key was not unlocked");
			}
		}

	}

}
