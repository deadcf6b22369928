package bryt.workload;

import java.text.NumberFormat;
import java.util.Locale;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Item 5 of issue 11: the help pages explain the figures in three languages with the
 * numbers of the organisation's load model and the band edges, read when the page is
 * drawn; the load-model page is open to union and committee, read only; a date before any
 * data says "No data", not 0 %.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Organisations organisations;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private JdbcClient jdbc;

	private Organisation org;

	@BeforeAll
	void organisation() {
		this.org = this.organisations.create("help-test", "Hjälpkommun", Country.SE);
		WorkloadFixture files = new WorkloadFixture(this.mvc, this.org);
		files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				""");
		files.staff("""
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				E1,Alva Berg,BOU,social_worker,1,2015-01-01,2020-01-01,,
				""");
	}

	@Test
	void theWorkloadHelpPageShowsTheBandEdgesAndTheModelInEachLanguage() throws Exception {
		String en = page("en");
		// By hand, from the defaults: 100 points; factors 0.6 and 0.8; half time with
		// nine
		// months in the profession: 100 × 0.5 × 0.8 = 40 points.
		assertThat(en).contains("<html lang=\"en\">")
			.contains("above 110%")
			.contains("above 100%, up to and including 110%")
			.contains("from 95% up to and including 100%")
			.contains("below 95%")
			.contains("What a worker can carry: 100 points")
			.contains("0.6 in the first six months in the profession, 0.8 from six months")
			.contains("half time with 9 months in the profession: 100 × 0.5 × 0.8 = 40 points")
			.contains("the co-handler carries 50% of its points")
			.contains("1 for complexity 1, 1.5 for complexity 2 and 2 for complexity 3")
			// The organisation's own case types, from its catalogue.
			.contains("BBU-UTR: ")
			.contains("deadline 120 days")
			.contains("LVU: ")
			.contains("id=\"forecast\"")
			.contains("id=\"twoHandlers\"");
		for (String language : new String[] { "sv", "da" }) {
			NumberFormat percent = NumberFormat.getPercentInstance(Locale.of(language));
			assertThat(page(language)).as(language)
				.contains("<html lang=\"" + language + "\">")
				.contains(percent.format(Band.RED_ABOVE))
				.contains(percent.format(Band.AMBER_ABOVE))
				.contains(percent.format(Band.GREEN_FROM))
				.contains("100 × 0,5 × 0,8 = 40");
		}
		assertThat(page("sv")).contains("över 110\u00a0%").contains("Regeln om två handläggare");
		assertThat(page("da")).contains("over 110\u00a0%").contains("Reglen om to sagsbehandlere");
	}

	/** The numbers come from the organisation's load model when the page is drawn. */
	@Test
	void anotherLoadModelShowsOtherNumbers() throws Exception {
		Organisation other = this.organisations.create("help-model", "Modellkommun", Country.DK);
		this.jdbc.sql("""
				update workload_settings set base_capacity = 120, factor_under_2_years = 0.75, co_handler_share = 0.4
				where organisation_id = :org
				""").param("org", other.id()).update();
		String page = this.mvc
			.perform(get("/help/workload").header("Accept-Language", "en")
				.with(user(TestAccounts.of(other.id(), Role.STAFF))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// 120 × 0.5 × 0.75 = 45.
		assertThat(page).contains("What a worker can carry: 120 points")
			.contains("120 × 0.5 × 0.75 = 45 points")
			.contains("the co-handler carries 40% of its points")
			// The Danish catalogue: compulsory placement needs two handlers.
			.contains("ANBR-TVANG: ");
	}

	@Test
	void theIndexAndTheOtherModulesHelpPagesRenderInEachLanguage() throws Exception {
		for (String language : new String[] { "sv", "da", "en" }) {
			String index = as("/help", language, "union");
			assertThat(index).contains("href=\"/help/workload\"", "href=\"/help/voice\"",
					"href=\"/help/organisation\"");
			assertThat(as("/help/organisation", language, "staff")).contains("id=\"roles\"");
		}
		// The demo's channels: 7 days to acknowledge, 3 months to give feedback.
		assertThat(as("/help/voice", "en", "staff")).contains(cell("7 days"), cell("3 months"));
		assertThat(as("/help/voice", "sv", "staff")).contains(cell("7 dagar"), cell("3 månader"));
		assertThat(as("/help/voice", "da", "staff")).contains(cell("7 dage"), cell("3 måneder"));
	}

	@Test
	void keyFiguresLinkToTheirExplanation() throws Exception {
		String overview = as("/workload", "en", "hr");
		assertThat(overview).contains("href=\"/help/workload#load\"")
			.contains("href=\"/help/workload#twoHandlers\"")
			.contains("href=\"/help/workload#forecast\"")
			.contains("<span>Help</span> <span class=\"govuk-visually-hidden\">on Load</span>");
	}

	@Test
	void unionAndCommitteeReadTheLoadModelButCannotChangeIt() throws Exception {
		for (String who : new String[] { "union", "committee" }) {
			String page = as("/workload/case-types", "en", who);
			assertThat(page).as(who)
				.contains("<h1>The load model</h1>")
				.contains("100 points")
				.contains("above 110%")
				.contains("BBU-UTR");
			this.mvc
				.perform(multipart("/workload/imports").file("file", "code,name,weight\nX,X,1\n".getBytes())
					.param("kind", "case-types")
					.with(csrf())
					.with(user(this.accounts.loadUserByUsername(who))))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/workload/case-types").with(csrf()).with(user(this.accounts.loadUserByUsername(who))))
				.andExpect(status().is4xxClientError());
		}
		// The link to it from the workload page.
		assertThat(as("/workload", "en", "committee")).contains("href=\"/workload/case-types\"");
	}

	@Test
	void aDateBeforeAnyDataSaysNoDataNotZeroPercent() throws Exception {
		RequestBuilder before = get("/workload").param("at", "2019-06-01")
			.header("Accept-Language", "sv")
			.with(user(TestAccounts.of(this.org.id(), Role.HR)));
		String page = this.mvc.perform(before).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"no-data\"")
			.contains(">Ingen data<")
			.doesNotContain("0\u00a0% ·")
			.doesNotContain("utrymme kvar");
		// On a date with staff the load is there: 0 points of 100, a real 0 %.
		String after = this.mvc
			.perform(get("/workload").param("at", "2024-06-01")
				.header("Accept-Language", "sv")
				.with(user(TestAccounts.of(this.org.id(), Role.HR))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).doesNotContain("id=\"no-data\"").contains("0\u00a0% · utrymme kvar");
		String unit = this.mvc
			.perform(get("/workload/units/" + unitId("BOU")).param("at", "2019-06-01")
				.header("Accept-Language", "da")
				.with(user(TestAccounts.of(this.org.id(), Role.HR))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unit).contains("id=\"no-data\"").contains(">Ingen data<").doesNotContain("ledig kapacitet");
		String english = this.mvc
			.perform(get("/workload").param("at", "2019-06-01")
				.header("Accept-Language", "en")
				.with(user(TestAccounts.of(this.org.id(), Role.HR))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains(">No data<").doesNotContain("room left");
	}

	private static String cell(String text) {
		return "<td class=\"govuk-table__cell\">" + text + "</td>";
	}

	private long unitId(String code) {
		return this.jdbc.sql("select id from unit where organisation_id = :org and code = :code")
			.param("org", this.org.id())
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private String page(String language) throws Exception {
		return this.mvc
			.perform(get("/help/workload").header("Accept-Language", language)
				.with(user(TestAccounts.of(this.org.id(), Role.STAFF))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String as(String path, String language, String username) throws Exception {
		return this.mvc
			.perform(get(path).header("Accept-Language", language)
				.with(user(this.accounts.loadUserByUsername(username))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
