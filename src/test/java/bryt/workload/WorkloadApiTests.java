package bryt.workload;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import bryt.BrytTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP API as a script uses it: a token created on the page, imports with it, and the
 * workload JSON with the names scripts rely on, cut to what each role may see.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class WorkloadApiTests {

	private static final String API = "/api/v1/organisations/exempelby";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private String token;

	@BeforeAll
	void createToken() throws Exception {
		this.token = ApiTokenPage.create(this.mvc, this.accounts, "payroll export");
	}

	@Test
	void importsWithATokenAsMultipartOrPlainBody() throws Exception {
		this.mvc
			.perform(multipart(API + "/imports/units")
				.file(new MockMultipartFile("file", "units.csv", "text/csv",
						"code,name,parent,level\nAPI-T,API team,BOF-UTR,team\n".getBytes()))
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(1))
			.andExpect(jsonPath("$.kind").value("units"));
		this.mvc
			.perform(post(API + "/imports/units").contentType("text/csv")
				.content("code,name,parent,level\nAPI-T,API team,BOF-UTR,team\n")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(0));
	}

	@Test
	void refusesABadFileWithProblemDetails() throws Exception {
		this.mvc
			.perform(post(API + "/imports/cases").contentType("text/csv")
				.content("case_ref,case_type,unit,opened\nAPI-1,EKB,NOWHERE,2026-01-01\nAPI-2,EKB,BOF,01/02/2026\n")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.problems", hasSize(2)))
			.andExpect(jsonPath("$.problems[0].line").value(3))
			.andExpect(jsonPath("$.problems[0].column").value(4))
			.andExpect(jsonPath("$.problems[0].code").value("date"))
			.andExpect(jsonPath("$.problems[1].line").value(2))
			.andExpect(jsonPath("$.problems[1].columnName").value("unit"))
			.andExpect(jsonPath("$.problems[1].message").value("No unit with this code."));
	}

	@Test
	void refusesANulCharacterAndAPersonalIdentityNumberHeaderWithLineAndColumnAndNoEcho(CapturedOutput output)
			throws Exception {
		this.mvc
			.perform(post(API + "/imports/cases").contentType("text/csv")
				.content("case_ref,case_type,unit,opened\nAPI-N,EKB,BOF,2026-01-0\u00001\n")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems", hasSize(1)))
			.andExpect(jsonPath("$.problems[0].line").value(2))
			.andExpect(jsonPath("$.problems[0].column").value(4))
			.andExpect(jsonPath("$.problems[0].code").value("nulCharacter"))
			.andExpect(jsonPath("$.problems[0].message")
				.value("This contains a NUL character (byte 0), which is not text. Export the file again as CSV."));
		this.mvc
			.perform(post(API + "/imports/cases").contentType("text/csv")
				.content("case_ref,case_type,unit,opened,811218-9876\nAPI-P,EKB,BOF,2026-01-01,19811218-9876\n")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems", hasSize(1)))
			.andExpect(jsonPath("$.problems[0].line").value(1))
			.andExpect(jsonPath("$.problems[0].column").value(5))
			.andExpect(jsonPath("$.problems[0].columnName").value(""))
			.andExpect(jsonPath("$.problems[0].code").value("personalIdentityNumber"))
			.andExpect(content().string(not(containsString("811218"))));
		assertThat(output.getAll()).doesNotContain("811218");
	}

	@Test
	void refusesAnUnknownTokenAndImportsByLoggedInUsers() throws Exception {
		this.mvc
			.perform(post(API + "/imports/units").contentType("text/csv")
				.content("code,name,parent,level\n")
				.header("Authorization", "Bearer bryt_not-a-token"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post(API + "/imports/units").contentType("text/csv")
				.content("code,name,parent,level\nX,X,,department\n")
				.with(user(this.accounts.loadUserByUsername("admin"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(API + "/workload")).andExpect(status().isUnauthorized());
	}

	@Test
	void servesTheWorkloadJsonWithTheNamesScriptsRelyOn() throws Exception {
		this.mvc
			.perform(get(API + "/workload").param("at", "2026-01-15").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.at").value("2026-01-15"))
			.andExpect(jsonPath("$.units[0].code").exists())
			.andExpect(jsonPath("$.units[0].openInvestigations").isNumber())
			.andExpect(jsonPath("$.units[0].investigationsPastDeadline").isNumber())
			.andExpect(jsonPath("$.units[0].twoHandlerViolations").isNumber())
			.andExpect(jsonPath("$.units[0].weightedLoad").isNumber())
			.andExpect(jsonPath("$.units[0].capacity").isNumber())
			.andExpect(jsonPath("$.units[?(@.code == 'BOF')].staffPerLead").isNotEmpty())
			.andExpect(jsonPath("$.workers[0].employeeNumber").exists())
			.andExpect(jsonPath("$.workers[0].unit").exists())
			.andExpect(jsonPath("$.workers[0].openCases").isNumber())
			.andExpect(jsonPath("$.workers[?(@.caseworker == true)].loadRatio", everyItem(notNullValue())))
			.andExpect(jsonPath("$.workers[?(@.caseworker == true)].band",
					everyItem(in(List.of("red", "amber", "green", "spare")))))
			// leads and managers carry no capacity: no ratio, no band
			.andExpect(jsonPath("$.workers[?(@.caseworker == false)].band", everyItem(nullValue())));
	}

	/**
	 * A real day outside the years Bryt covers is a 400 that says which years, not a 500.
	 */
	@Test
	void aDateOutsideTheCoveredYearsIsABadRequest() throws Exception {
		for (String path : List.of("/workload", "/workload/trend")) {
			for (String day : List.of("1900-01-01", "-999999999-01-01", "+10000-01-01")) {
				this.mvc.perform(get(API + path).param("at", day).header("Authorization", "Bearer " + this.token))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.anyOf(
							org.hamcrest.Matchers.containsString("1950-01-01 and 9999-12-31"),
							org.hamcrest.Matchers.containsString("dates are yyyy-mm-dd"))));
			}
		}
	}

	@Test
	void describesEveryApiRouteInTheOpenApiDocument() throws Exception {
		String document = this.mvc.perform(get("/api/v1/openapi.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Set<String> documented = new TreeSet<>();
		JsonNode paths = new JsonMapper().readTree(document).get("paths");
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
			}
		}
		Set<String> routes = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> info.getPatternValues().forEach((pattern) -> {
			if (pattern.startsWith("/api/")) {
				info.getMethodsCondition().getMethods().forEach((method) -> routes.add(method.name() + " " + pattern));
			}
		}));
		assertThat(documented).isEqualTo(routes);
	}

	@Test
	void showsEachRoleWhatItMaySee() throws Exception {
		long ownStaffId = this.jdbc.sql("select staff_id from account where username = 'staff'")
			.query(Long.class)
			.single();
		String ownNumber = this.jdbc.sql("select employee_number from staff where id = :id")
			.param("id", ownStaffId)
			.query(String.class)
			.single();
		this.mvc.perform(get(API + "/workload").with(user(this.accounts.loadUserByUsername("staff"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.units", hasSize(0)))
			.andExpect(jsonPath("$.total", is(nullValue())))
			.andExpect(jsonPath("$.workers", hasSize(1)))
			.andExpect(jsonPath("$.workers[0].employeeNumber").value(ownNumber));
		this.mvc.perform(get(API + "/workload").with(user(this.accounts.loadUserByUsername("committee"))))
			.andExpect(jsonPath("$.workers", hasSize(0)))
			.andExpect(jsonPath("$.units", not(hasSize(0))))
			.andExpect(jsonPath("$.total.code").value("exempelby"));
		// the manager covers BOF-UTR: its two teams and itself, and only their workers
		this.mvc.perform(get(API + "/workload").with(user(this.accounts.loadUserByUsername("manager"))))
			.andExpect(jsonPath("$.units[*].code", everyItem(containsString("BOF-UTR"))))
			.andExpect(jsonPath("$.workers[*].unit", everyItem(containsString("BOF-UTR"))))
			.andExpect(jsonPath("$.total", is(nullValue())));
	}

}
