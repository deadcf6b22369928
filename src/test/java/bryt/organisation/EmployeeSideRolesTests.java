package bryt.organisation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 16, item 2: the union and safety representatives' roles, and the employee side's
 * administration right itself, are granted in Bryt only by an account of the same
 * organisation holding {@link Role#EMPLOYEE_SIDE_ADMINISTRATOR}, or by the platform
 * operator on the command line; never by the employer's administrator nor by an identity
 * provider.
 */
@BrytTest
@ExtendWith(OutputCaptureExtension.class)
class EmployeeSideRolesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private Accounts service;

	@Autowired
	private OrganisationCommand command;

	@Autowired
	private SecondFactors secondFactors;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private org.springframework.security.crypto.password.PasswordEncoder encoder;

	@Test
	void anEmployerAdministratorsForgedPostGrantingAUnionRoleIsRefusedAndNothingChanges() throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("esr-forged");
		administrator("esr-forged", ids);
		long staff = id("esr-forged-staff");
		long union = id("esr-forged-union");

		// The staff member's account made a union representative with a unit: refused.
		MvcResult grant = this.mvc
			.perform(as("esr-forged-admin", post("/admin/accounts/" + staff)).param("username", "esr-forged-staff")
				.param("displayName", "Alma")
				.param("roles", "STAFF", "UNION_REPRESENTATIVE")
				.param("unitIds", String.valueOf(ids.a()))
				.param("enabled", "true")
				.param("password", ""))
			.andReturn();
		assertThat(grant.getResponse().getStatus()).isEqualTo(200);
		assertThat(grant.getResponse().getContentAsString()).contains(
				"Only the employee side&#39;s administrator grants the union representative&#39;s, the safety representative&#39;s and the employee-side administrator&#39;s roles.");
		assertThat(roles(staff)).isEqualTo("{STAFF}");
		assertThat(units(staff)).isEmpty();
		assertThat(origins(staff)).isZero();

		// Nor the right itself, nor a new account with a representative's role.
		assertThat(this.mvc
			.perform(as("esr-forged-admin", post("/admin/accounts/" + staff)).param("username", "esr-forged-staff")
				.param("displayName", "Alma")
				.param("roles", "EMPLOYEE_SIDE_ADMINISTRATOR")
				.param("enabled", "true")
				.param("password", ""))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(roles(staff)).isEqualTo("{STAFF}");
		assertThat(this.mvc
			.perform(as("esr-forged-admin", post("/admin/accounts")).param("username", "esr-forged-safety")
				.param("displayName", "Sara")
				.param("roles", "SAFETY_REPRESENTATIVE")
				.param("unitIds", String.valueOf(ids.a()))
				.param("enabled", "true")
				.param("password", "Lingon-Sjo-Pelare-27"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(this.accounts.findForLogin("esr-forged-safety")).isEmpty();

		// A union representative's form without the role does not revoke it, and its
		// units are not the employer's to move.
		assertThat(this.mvc
			.perform(as("esr-forged-admin", post("/admin/accounts/" + union)).param("username", "esr-forged-union")
				.param("displayName", "Union D")
				.param("roles", "UNION_REPRESENTATIVE")
				.param("unitIds", String.valueOf(ids.b()))
				.param("enabled", "true")
				.param("password", ""))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(
					"The employee side&#39;s administrator sets the units of an account with a union or safety representative&#39;s role.");
		assertThat(units(union)).containsExactly(ids.d());
		this.mvc
			.perform(as("esr-forged-admin", post("/admin/accounts/" + union)).param("username", "esr-forged-union")
				.param("displayName", "Union D renamed")
				.param("roles", "STAFF")
				.param("enabled", "true")
				.param("password", ""))
			.andReturn();
		assertThat(roles(union)).isEqualTo("{STAFF,UNION_REPRESENTATIVE}");
		assertThat(units(union)).containsExactly(ids.d());
		assertThat(name(union)).isEqualTo("Union D renamed");

		// The employer's administrator keeps the employer's roles and their units.
		this.mvc
			.perform(as("esr-forged-admin", post("/admin/accounts/" + staff)).param("username", "esr-forged-staff")
				.param("displayName", "Alma")
				.param("roles", "STAFF", "MANAGER")
				.param("unitIds", String.valueOf(ids.a1()))
				.param("enabled", "true")
				.param("password", ""))
			.andReturn();
		assertThat(roles(staff)).isEqualTo("{MANAGER,STAFF}");
		assertThat(units(staff)).containsExactly(ids.a1());

		// Its account page shows the representative's role and units, and offers no box
		// for them.
		String page = page("esr-forged-admin", "/admin/accounts/" + union);
		assertThat(page).contains("Granted by the employee side&#39;s administrator:")
			.contains("The employee side&#39;s administrator sets the units this account covers: Afdeling D")
			.doesNotContain("id=\"role-UNION_REPRESENTATIVE\"")
			.doesNotContain("id=\"role-EMPLOYEE_SIDE_ADMINISTRATOR\"")
			.contains("id=\"role-MANAGER\"");
	}

	@Test
	void theEmployeeSideAdministratorGrantsAndRevokesAndTheOriginSaysWho() throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("esr-grant");
		administrator("esr-grant", ids);
		long side = employeeSide("esr-grant", ids, "Eva Sida");
		long staff = id("esr-grant-staff");
		assertThat(accessChanged(staff)).isFalse();

		String list = page("esr-grant-side", "/employee-side/accounts");
		assertThat(list).contains("Alma").contains("Union D").contains("Union representative");
		// nothing of the employer's: no staff member's name, no employer role
		assertThat(list).doesNotContain("Alma Ek").doesNotContain("Staff member").doesNotContain(">Manager<");

		assertThat(this.mvc
			.perform(as("esr-grant-side", post("/employee-side/accounts/" + staff))
				.param("roles", "UNION_REPRESENTATIVE", "SAFETY_REPRESENTATIVE")
				.param("unitIds", String.valueOf(ids.b())))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/employee-side/accounts");
		assertThat(roles(staff)).isEqualTo("{SAFETY_REPRESENTATIVE,STAFF,UNION_REPRESENTATIVE}");
		assertThat(units(staff)).containsExactly(ids.b());
		assertThat(this.jdbc.sql("""
				select granted_by from account_role_origin where account_id = :id and role = 'UNION_REPRESENTATIVE'
				""").param("id", staff).query(Long.class).single()).isEqualTo(side);
		// an access change: the 30-day standings start again
		assertThat(accessChanged(staff)).isTrue();
		assertThat(page("esr-grant-admin", "/admin/accounts/" + staff))
			.contains("Union representative: granted in Bryt by Eva Sida")
			.contains("Safety representative: granted in Bryt by Eva Sida");
		assertThat(page("esr-grant-side", "/employee-side/accounts/" + staff))
			.contains("Union representative: granted in Bryt by Eva Sida")
			.doesNotContain("Staff member");

		// Revoked again: no covering role left, so no covered unit either.
		this.mvc.perform(as("esr-grant-side", post("/employee-side/accounts/" + staff))).andReturn();
		assertThat(roles(staff)).isEqualTo("{STAFF}");
		assertThat(units(staff)).isEmpty();
		assertThat(origins(staff)).isZero();
	}

	@Test
	void theEmployeeSideAdministratorGrantsNoEmployerRoleAndMovesNoManagersUnits() throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("esr-limit");
		employeeSide("esr-limit", ids, "Eva Sida");
		long staff = id("esr-limit-staff");
		long manager = id("esr-limit-manager");
		for (String role : List.of("HR", "ADMINISTRATOR", "MANAGER", "COMMITTEE_MEMBER")) {
			MvcResult result = this.mvc
				.perform(as("esr-limit-side", post("/employee-side/accounts/" + staff)).param("roles", role)
					.param("unitIds", String.valueOf(ids.a())))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(role).isEqualTo(200);
			assertThat(result.getResponse().getContentAsString()).as(role)
				.contains("Only the employer&#39;s administrator grants that role.");
			assertThat(roles(staff)).as(role).isEqualTo("{STAFF}");
			assertThat(units(staff)).as(role).isEmpty();
		}
		// the manager's units are the employer's, and a manager is no representative
		assertThat(this.mvc
			.perform(as("esr-limit-side", post("/employee-side/accounts/" + manager)).param("unitIds",
					String.valueOf(ids.b())))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("The employer&#39;s administrator sets the units of an account");
		assertThat(this.mvc
			.perform(as("esr-limit-side", post("/employee-side/accounts/" + manager))
				.param("roles", "UNION_REPRESENTATIVE")
				.param("unitIds", String.valueOf(ids.a())))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("One account cannot be both a manager and a union or safety representative");
		assertThat(roles(manager)).isEqualTo("{MANAGER}");
		assertThat(units(manager)).containsExactly(ids.a());
		// nor the employer's administrator's pages
		assertThat(this.mvc.perform(as("esr-limit-side", get("/admin/accounts/" + staff)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc
			.perform(as("esr-limit-side", post("/admin/accounts/" + staff)).param("username", "esr-limit-staff")
				.param("displayName", "Alma")
				.param("roles", "HR")
				.param("enabled", "true"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(roles(staff)).isEqualTo("{STAFF}");
		// the right logs in with a second factor, as an administrator does
		assertThat(this.secondFactors.mustLogInStrongly(this.accounts.findForLogin("esr-limit-side").orElseThrow()))
			.isTrue();
	}

	@Test
	void anotherOrganisationsEmployeeSideAdministratorReachesNothing() throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("esr-here");
		OrganisationFixture.Ids other = this.fixture.create("esr-there");
		long outsider = employeeSide("esr-there", other, "Otto Annan");
		long staff = id("esr-here-staff");
		assertThat(page("esr-there-side", "/employee-side/accounts")).doesNotContain("esr-here-");
		assertThat(this.mvc.perform(as("esr-there-side", get("/employee-side/accounts/" + staff)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(as("esr-there-side", post("/employee-side/accounts/" + staff))
				.param("roles", "UNION_REPRESENTATIVE")
				.param("unitIds", String.valueOf(other.a())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(roles(staff)).isEqualTo("{STAFF}");
		// the service itself asks whether the granting account holds the right here
		assertThatThrownBy(() -> this.service.saveEmployeeSide(ids.organisation(), staff,
				EnumSet.of(Role.UNION_REPRESENTATIVE), Set.of(ids.a()),
				new BeanPropertyBindingResult(
						EmployeeSideForm.of(this.accounts.find(ids.organisation(), staff).orElseThrow()), "form"),
				outsider))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(roles(staff)).isEqualTo("{STAFF}");
	}

	@Test
	void thePlatformOperatorGrantsAnyRoleFromTheCommandLineAndItIsLogged(CapturedOutput output) throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("esr-op");
		administrator("esr-op", ids);
		long staff = id("esr-op-staff");
		long hr = id("esr-op-hr");

		assertThat(run("grant", "--user", "ESR-OP-STAFF", "--role", "employee_side_administrator"))
			.isEqualTo("Account esr-op-staff now holds [EMPLOYEE_SIDE_ADMINISTRATOR, STAFF]\n");
		assertThat(this.jdbc.sql("""
				select by_operator from account_role_origin
				where account_id = :id and role = 'EMPLOYEE_SIDE_ADMINISTRATOR'
				""").param("id", staff).query(Boolean.class).single()).isTrue();
		assertThat(page("esr-op-admin", "/admin/accounts/" + staff))
			.contains("Employee-side administrator: granted by the platform operator");
		assertThat(output.getAll()).contains("The platform operator changed the roles of account " + staff);

		// a representative needs units, named by code in the account's organisation
		assertThatThrownBy(() -> run("grant", "--user", "esr-op-hr", "--role", "UNION_REPRESENTATIVE"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Managers and union representatives need at least one unit.");
		assertThatThrownBy(() -> run("grant", "--user", "esr-op-hr", "--role", "UNION_REPRESENTATIVE", "--units", "Z"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No unit with the code Z");
		assertThatThrownBy(() -> run("grant", "--user", "esr-op-hr", "--role", "BOSS"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--role BOSS is not a role");
		assertThat(roles(hr)).isEqualTo("{HR}");
		assertThat(run("grant", "--user", "esr-op-hr", "--role", "UNION_REPRESENTATIVE,SAFETY_REPRESENTATIVE",
				"--units", "B"))
			.contains("[HR, SAFETY_REPRESENTATIVE, UNION_REPRESENTATIVE]");
		assertThat(units(hr)).containsExactly(ids.b());
		assertThat(run("revoke", "--user", "esr-op-hr", "--role", "SAFETY_REPRESENTATIVE"))
			.contains("[HR, UNION_REPRESENTATIVE]");
		assertThat(this.jdbc.sql("select role from account_role_origin where account_id = :id order by role")
			.param("id", hr)
			.query(String.class)
			.list()).containsExactly("UNION_REPRESENTATIVE");
		// the employee side's administrator the operator named now grants, in Bryt
		this.mvc
			.perform(as("esr-op-staff", post("/employee-side/accounts/" + id("esr-op-manager"))).param("roles",
					"EMPLOYEE_SIDE_ADMINISTRATOR"))
			.andReturn();
		assertThat(roles(id("esr-op-manager"))).isEqualTo("{EMPLOYEE_SIDE_ADMINISTRATOR,MANAGER}");
	}

	@Test
	void noProviderOriginForTheEmployeeSidesRolesAndTheDemosRepresentativesCameThroughTheRight() {
		long org = this.fixture.create("esr-idp").organisation();
		long staff = id("esr-idp-staff");
		long provider = this.jdbc.sql("""
				insert into oidc_provider (organisation_id, registration_id, label, issuer, client_id)
				values (:org, 'esr-idp', 'Esr', 'https://idp.example', 'bryt') returning id
				""").param("org", org).query(Long.class).single();
		for (String role : List.of("EMPLOYEE_SIDE_ADMINISTRATOR", "UNION_REPRESENTATIVE", "SAFETY_REPRESENTATIVE")) {
			assertThatThrownBy(() -> this.jdbc.sql("""
					insert into account_role_origin (organisation_id, account_id, role, provider_id, granted_at)
					values (:org, :account, :role, :provider, now())
					""")
				.param("org", org)
				.param("account", staff)
				.param("role", role)
				.param("provider", provider)
				.update()).as(role).isInstanceOf(DataIntegrityViolationException.class);
		}
		assertThat(OidcProvider.EMPLOYER_ROLES).doesNotContainAnyElementsOf(Role.EMPLOYEE_SIDE);

		long side = id("employeeside");
		assertThat(this.jdbc.sql("""
				select o.role || ':' || coalesce(g.username, case when o.by_operator then 'operator' end)
				from account_role_origin o join account a on a.id = o.account_id
					left join account g on g.id = o.granted_by
				where a.username in ('employeeside', 'union', 'safety') order by a.username
				""").query(String.class).list()).containsExactly("EMPLOYEE_SIDE_ADMINISTRATOR:operator",
				"SAFETY_REPRESENTATIVE:employeeside", "UNION_REPRESENTATIVE:employeeside");
		assertThat(roles(side)).isEqualTo("{EMPLOYEE_SIDE_ADMINISTRATOR}");
	}

	/**
	 * The outsider review of 2026-11-30 evening: the employer's administrator reset the
	 * employee side's administrator's password, logged in as it and granted a union role.
	 * The employer's administrator now sets no password of an account holding a role of
	 * the employee side (and still sets others'); the platform operator resets it.
	 */
	@Test
	void theEmployersAdministratorSetsNoPasswordOfTheEmployeeSideAndTheOperatorResetsIt(CapturedOutput output)
			throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("esr-pw");
		administrator("esr-pw", ids);
		long side = employeeSide("esr-pw", ids, "Facket Fia");
		String before = hash(side);

		String refused = this.mvc
			.perform(as("esr-pw-admin", post("/admin/accounts/" + side)).param("username", "esr-pw-side")
				.param("displayName", "Facket Fia")
				.param("enabled", "true")
				.param("password", "Hallon-Tak-Fonster-81"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains(
				"The employer&#39;s administrator does not set the password of an account with a role of the employee side");
		assertThat(hash(side)).isEqualTo(before);
		assertThat(accessChanged(side)).isFalse();
		// its page offers no password field, and says who resets it
		String form = page("esr-pw-admin", "/admin/accounts/" + side);
		assertThat(form).doesNotContain("id=\"password\"").contains("id=\"password-employee-side\"");
		assertThat(page("esr-pw-admin", "/admin/accounts/" + id("esr-pw-hr"))).contains("id=\"password\"");

		// an account of the employer's side: its password is the administrator's to reset
		long hr = id("esr-pw-hr");
		String hrBefore = hash(hr);
		this.mvc
			.perform(as("esr-pw-admin", post("/admin/accounts/" + hr)).param("username", "esr-pw-hr")
				.param("displayName", "HR")
				.param("roles", "HR")
				.param("enabled", "true")
				.param("password", "Hallon-Tak-Fonster-81"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		assertThat(hash(hr)).isNotEqualTo(hrBefore);

		String printed = run("reset-password", "--user", "ESR-PW-SIDE");
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("^New password of esr-pw-side: (\\S{20})\n$")
			.matcher(printed);
		assertThat(matcher.matches()).as(printed).isTrue();
		assertThat(this.encoder.matches(matcher.group(1), hash(side))).isTrue();
		assertThat(output.getAll()).contains("The platform operator reset the password of account " + side)
			.doesNotContain(matcher.group(1));
		assertThatThrownBy(() -> run("reset-password", "--user", "esr-pw-nobody"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("No account with the username esr-pw-nobody");
	}

	/**
	 * The second factor as the password: the employer's administrator does not reset that
	 * of an account holding a role of the employee side (with it gone, whoever knows or
	 * guesses the password sets up their own), still that of the employer's side's; the
	 * platform operator resets it from the command line.
	 */
	@Test
	void theEmployersAdministratorResetsNoSecondFactorOfTheEmployeeSideAndTheOperatorDoes(CapturedOutput output)
			throws Exception {
		OrganisationFixture.Ids ids = this.fixture.create("esr-tf");
		administrator("esr-tf", ids);
		long side = employeeSide("esr-tf", ids, "Facket Frida");
		long hr = id("esr-tf-hr");
		for (long account : new long[] { side, hr }) {
			this.jdbc.sql("""
					insert into account_second_factor (organisation_id, account_id, secret, confirmed_on)
					values (:org, :id, 'JBSWY3DPEHPK3PXP', current_date)
					""").param("org", ids.organisation()).param("id", account).update();
		}

		// a forged post (the page offers no button): the page again, saying who resets it
		String refused = this.mvc.perform(as("esr-tf-admin", post("/admin/accounts/" + side + "/second-factor/reset")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(factors(side)).isEqualTo(1);
		assertThat(refused).contains("id=\"second-factor-refused\"")
			.contains("does not reset the second factor of an account with a role of the employee side");
		// its page offers no reset, and says who does it
		assertThat(page("esr-tf-admin", "/admin/accounts/" + side)).contains("id=\"second-factor-employee-side\"")
			.doesNotContain("/second-factor/reset");
		assertThat(page("esr-tf-admin", "/admin/accounts/" + hr))
			.contains("/admin/accounts/" + hr + "/second-factor/reset");

		// an account of the employer's side: the administrator resets it
		this.mvc.perform(as("esr-tf-admin", post("/admin/accounts/" + hr + "/second-factor/reset")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("secondFactorReset", true));
		assertThat(factors(hr)).isZero();

		assertThat(run("reset-second-factor", "--user", "ESR-TF-SIDE"))
			.isEqualTo("The second factor of esr-tf-side is reset: its holder sets up a new one at the next login.\n");
		assertThat(factors(side)).isZero();
		assertThat(output.getAll()).contains("The platform operator reset the second factor of account " + side);
		assertThatThrownBy(() -> run("reset-second-factor", "--user", "esr-tf-nobody"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("No account with the username esr-tf-nobody");
	}

	private long factors(long account) {
		return this.jdbc.sql("select count(*) from account_second_factor where account_id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
	}

	private String hash(long account) {
		return this.jdbc.sql("select password_hash from account where id = :id")
			.param("id", account)
			.query(String.class)
			.single();
	}

	private void administrator(String prefix, OrganisationFixture.Ids ids) {
		this.accounts.create(ids.organisation(), prefix + "-admin", "Greta Admin", EnumSet.of(Role.ADMINISTRATOR), null,
				true, Set.of(), "{noop}unused");
	}

	private long employeeSide(String prefix, OrganisationFixture.Ids ids, String name) {
		return this.accounts.create(ids.organisation(), prefix + "-side", name,
				EnumSet.of(Role.EMPLOYEE_SIDE_ADMINISTRATOR), null, true, Set.of(), "{noop}unused");
	}

	private String run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = this.command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	private String page(String username, String path) throws Exception {
		MvcResult result = this.mvc.perform(as(username, get(path))).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.findForLogin(username).orElseThrow())).with(csrf());
	}

	private long id(String username) {
		return this.accounts.findForLogin(username).orElseThrow().accountId();
	}

	private String roles(long account) {
		return this.jdbc.sql("select roles::text from account where id = :id")
			.param("id", account)
			.query(String.class)
			.single();
	}

	private String name(long account) {
		return this.jdbc.sql("select display_name from account where id = :id")
			.param("id", account)
			.query(String.class)
			.single();
	}

	private boolean accessChanged(long account) {
		return this.jdbc.sql("select access_changed_at is not null from account where id = :id")
			.param("id", account)
			.query(Boolean.class)
			.single();
	}

	private List<Long> units(long account) {
		return this.jdbc.sql("select unit_id from account_unit where account_id = :id order by unit_id")
			.param("id", account)
			.query(Long.class)
			.list();
	}

	private long origins(long account) {
		return this.jdbc.sql("select count(*) from account_role_origin where account_id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
	}

}
