package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import bryt.MailTest;
import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The staff import takes an optional work address (V26), where invitations are mailed; a
 * malformed one is refused with its line and column, a file without the column keeps the
 * addresses given before.
 */
@BrytTest
class InvitationAddressImportTests extends MailTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theStaffImportTakesAWorkAddressAndRefusesAMalformedOne() throws Exception {
		Organisation org = this.organisations.create("s3-import", "Adresskommun", Country.SE);
		upload(org, "units", """
				code,name,parent,level
				SOC,Socialtjänsten,,department
				""");

		MvcResult bad = upload(org, "staff", """
				employee_number,name,unit,role,fte,employment_start,e-post
				E1,Alva Berg,SOC,social_worker,1,2020-01-01,alva.berg@exempel.se
				E2,Bror Dahl,SOC,social_worker,1,2020-01-01,bror.dahl
				""");
		assertThat(bad.getResponse().getContentAsString()).contains("Expected an e-mail address like name@example.org")
			.contains("3");
		assertThat(addresses(org)).isEmpty();

		MvcResult good = upload(org, "staff", """
				employee_number,name,unit,role,fte,employment_start,e-post
				E1,Alva Berg,SOC,social_worker,1,2020-01-01,alva.berg@exempel.se
				E2,Bror Dahl,SOC,social_worker,1,2020-01-01,
				""");
		assertThat(good.getModelAndView().getModel().get("changed")).isEqualTo(2);
		assertThat(addresses(org)).isEqualTo(Map.of("E1", "alva.berg@exempel.se"));

		// A file without the column: nothing changes, the address stays.
		MvcResult without = upload(org, "staff", """
				employee_number,name,unit,role,fte,employment_start
				E1,Alva Berg,SOC,social_worker,1,2020-01-01
				E2,Bror Dahl,SOC,social_worker,1,2020-01-01
				""");
		assertThat(without.getModelAndView().getModel().get("changed")).isEqualTo(0);
		assertThat(addresses(org)).isEqualTo(Map.of("E1", "alva.berg@exempel.se"));
		assertThat(this.organisations.workEmails(org.id()).values()).containsExactly("alva.berg@exempel.se");
	}

	private Map<String, String> addresses(Organisation org) {
		return this.jdbc
			.sql("select employee_number, work_email from staff where organisation_id = :id and work_email is not null")
			.param("id", org.id())
			.query((rs, row) -> Map.entry(rs.getString("employee_number"), rs.getString("work_email")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private MvcResult upload(Organisation org, String kind, String csv) throws Exception {
		return this.mvc
			.perform(multipart("/workload/imports")
				.file(new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("kind", kind)
				.header("Accept-Language", "en")
				.with(user(TestAccounts.of(org.id(), Role.HR)))
				.with(csrf()))
			.andReturn();
	}

}
