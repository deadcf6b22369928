package bryt.shared.web;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Item 7 of issue 11: a browser that sends no {@code Accept-Language} gets the language
 * of the organisation the page is about: the logged-in account's, or on a reporter's page
 * the one in the path; without an organisation English, as before. A browser's language
 * and {@code ?lang=} still win. This class's MockMvc sends no {@code Accept-Language}
 * (the shared one of {@code @BrytTest} sends English).
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationLanguageTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private Organisations organisations;

	private MockMvc mvc;

	private Organisation swedish;

	private Organisation danish;

	@BeforeAll
	void organisations() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.swedish = this.organisations.create("sprak-se", "Språkkommun", Country.SE);
		this.danish = this.organisations.create("sprog-dk", "Sprogkommune", Country.DK);
	}

	@Test
	void aLoggedInPageOpensInTheLanguageOfTheAccountsOrganisation() throws Exception {
		assertThat(page(get("/help/workload").with(user(TestAccounts.of(this.swedish.id(), Role.HR)))))
			.contains("<html lang=\"sv\">");
		assertThat(page(get("/help/workload").with(user(TestAccounts.of(this.danish.id(), Role.HR)))))
			.contains("<html lang=\"da\">");
		assertThat(page(get("/workload").with(user(TestAccounts.of(this.danish.id(), Role.COMMITTEE_MEMBER)))))
			.contains("<html lang=\"da\">")
			.contains("Arbejdsbyrde");
	}

	@Test
	void aReportersPageOpensInTheLanguageOfTheOrganisationInItsPath() throws Exception {
		MockHttpServletResponse danish = this.mvc.perform(get("/report/sprog-dk")).andReturn().getResponse();
		assertThat(danish.getContentAsString()).contains("<html lang=\"da\">");
		assertThat(danish.getHeaders("Set-Cookie")).isEmpty();
		assertThat(page(get("/report/sprak-se"))).contains("<html lang=\"sv\">");
		assertThat(page(get("/report/sprog-dk/follow-up"))).contains("<html lang=\"da\">");
	}

	@Test
	void withoutAnOrganisationThePageStaysEnglish() throws Exception {
		assertThat(page(get("/login"))).contains("<html lang=\"en\">");
	}

	@Test
	void theBrowsersLanguageAndTheChosenOneStillWin() throws Exception {
		assertThat(page(get("/report/sprog-dk").header("Accept-Language", "sv"))).contains("<html lang=\"sv\">");
		assertThat(page(get("/report/sprog-dk?lang=en"))).contains("<html lang=\"en\">");
		assertThat(page(get("/help/workload").header("Accept-Language", "en")
			.with(user(TestAccounts.of(this.danish.id(), Role.HR))))).contains("<html lang=\"en\">");
	}

	private String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
