package bryt.organisation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Organisations are the platform operator's: created and listed from the command line on
 * the host, never by an organisation's administrator.
 */
@BrytTest
class OrganisationOperatorTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private OrganisationCommand command;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anAdministratorCanNeitherListNorCreateOrganisations() throws Exception {
		assertThat(status(get("/admin/organisations"))).isEqualTo(404);
		assertThat(status(post("/admin/organisations").param("code", "diverted")
			.param("name", "Diverted kommun")
			.param("country", "SE")
			.param("adminUsername", "diverter")
			.param("adminName", "Diverter")
			.param("adminPassword", "a password of my choosing"))).isEqualTo(404);
		assertThat(
				this.jdbc.sql("select count(*) from organisation where code = 'diverted'").query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from account where username = 'diverter'").query(Long.class).single())
			.isZero();
		String reportList = this.mvc.perform(get("/report")).andReturn().getResponse().getContentAsString();
		assertThat(reportList).doesNotContain("Diverted kommun");
		// Nor are other organisations listed on any page of theirs.
		this.jdbc.sql("insert into organisation (code, name, country) values ('other-op', 'Annanstans kommun', 'SE')")
			.update();
		String accounts = this.mvc.perform(as("admin", get("/admin/accounts")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(accounts).doesNotContain("Annanstans kommun");
	}

	@Test
	void theOperatorCreatesAnOrganisationWithItsFirstAdministratorFromTheCommandLine() throws Exception {
		String out = run("create", "--code", "operatorby", "--name", "Operatorby kommun", "--country", "se", "--admin",
				"Operatorby.Admin", "--admin-name", "Första administratören");
		assertThat(out).startsWith("Created organisation operatorby with the administrator operatorby.admin\n");
		String password = out.lines()
			.filter((line) -> line.startsWith("Initial password: "))
			.findFirst()
			.orElseThrow()
			.substring("Initial password: ".length());
		assertThat(password).hasSize(20);

		assertThat(run("list")).contains("operatorby\tSE\tOperatorby kommun\n");
		assertThat(this.mvc.perform(get("/report")).andReturn().getResponse().getContentAsString())
			.contains("Operatorby kommun");
		// The first administrator logs in with it, and must then set up a second factor.
		this.mvc.perform(formLogin().user("operatorby.admin").password(password))
			.andExpect(redirectedUrl("/login/second-factor"));
		assertThat(this.jdbc.sql("""
				select a.roles::text from account a join organisation o on o.id = a.organisation_id
				where o.code = 'operatorby' and a.username = 'operatorby.admin'
				""").query(String.class).single()).isEqualTo("{ADMINISTRATOR}");
	}

	@Test
	void aTakenUsernameCreatesNoOrganisation() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> run("create", "--code", "takenby", "--name", "Takenby", "--country", "DK", "--admin", "admin")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("in use");
		assertThat(this.jdbc.sql("select count(*) from organisation where code = 'takenby'").query(Long.class).single())
			.isZero();
	}

	private String run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = this.command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(as("admin", request)).andReturn().getResponse().getStatus();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.users.loadUserByUsername(username))).with(csrf());
	}

}
