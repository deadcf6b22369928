package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import bryt.BrytTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/organisations/{org}/surveys/figures}: the engine's figures as JSON,
 * cut to what the caller may see. Units of an organisation of its own: T over A and B.
 *
 * <pre>
 * annual, March 2026, invited A 10, B 10
 *   A: 6 responses l1 = 3 (load 100), rec 10
 *   B: 3 responses l1 = 0 (load 0), rec 0; 3 responses rec 10 without l1
 * participation: A 6, B 6, T 12 → 60 % each, shown
 * load: A 6, B 3, T 9 → B below 5, T − A = 3 → A hidden too; T (6·100 + 3·0)/9 → 67
 * rec: A +100, B (3 − 3)/6 = 0, T (9 − 3)/12 = +50
 * </pre>
 */
@BrytTest
class SurveysApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService accounts;

	private ResultsFixture survey;

	private String code;

	private long top;

	private long a;

	private long b;

	private String token;

	@BeforeEach
	void survey() throws Exception {
		this.code = "api-" + System.nanoTime();
		this.survey = new ResultsFixture(this.jdbc, this.code);
		this.top = unit("T", null);
		this.a = unit("A", this.top);
		this.b = unit("B", this.top);
		long annual = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed");
		this.survey.group(annual, this.top, null, "Topp", 0);
		this.survey.group(annual, this.a, this.top, "Enhet A", 10);
		this.survey.group(annual, this.b, this.top, "Enhet B", 10);
		for (int i = 0; i < 6; i++) {
			this.survey.respond(annual, this.a, null, Map.of("l1", v(3), "rec", v(10)));
		}
		for (int i = 0; i < 3; i++) {
			this.survey.respond(annual, this.b, null, Map.of("l1", v(0), "rec", v(0)));
			this.survey.respond(annual, this.b, null, Map.of("rec", v(10)));
		}
		this.token = "bryt_surveys-api-test-" + System.nanoTime();
		this.jdbc.sql("insert into api_token (organisation_id, name, token_hash) values (:org, 'test', :hash)")
			.param("org", this.survey.organisation)
			.param("hash", MessageDigest.getInstance("SHA-256").digest(this.token.getBytes(StandardCharsets.UTF_8)))
			.update();
	}

	@Test
	void aTokenGetsTheEnginesFiguresAndNoHiddenOne() throws Exception {
		String json = this.mvc
			.perform(get(api() + "?from=2026-01-01&to=2026-06-30").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organisation").value(this.code))
			.andExpect(jsonPath("$.from").value("2026-01-01"))
			.andExpect(jsonPath("$.to").value("2026-06-30"))
			.andExpect(jsonPath("$.figures", hasSize(3)))
			.andExpect(jsonPath("$.figures[*].unitId").value(contains((int) this.top, (int) this.a, (int) this.b)))
			.andExpect(jsonPath("$.figures[*].program").value(contains("annual", "annual", "annual")))
			.andExpect(jsonPath("$.figures[*].periodStart").value(contains("2026-03-01", "2026-03-01", "2026-03-01")))
			.andExpect(jsonPath("$.figures[*].participationPercent").value(contains(60, 60, 60)))
			.andExpect(jsonPath("$.figures[*].recommendScore").value(contains(50, 100, 0)))
			.andExpect(jsonPath("$.figures[0].areaIndices.load").value(67))
			.andExpect(jsonPath("$.figures[0].hidden", hasSize(0)))
			.andExpect(jsonPath("$.figures[1].areaIndices.load").doesNotExist())
			.andExpect(jsonPath("$.figures[1].hidden[0].kind").value("AREA_INDEX"))
			.andExpect(jsonPath("$.figures[1].hidden[0].key").value("load"))
			.andExpect(jsonPath("$.figures[2].areaIndices.load").doesNotExist())
			.andExpect(jsonPath("$.figures[2].hidden[0].kind").value("AREA_INDEX"))
			.andExpect(jsonPath("$.figures[0].actions.planned").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the only index anywhere in the answer is T's: A's 100 and B's 0 never leave
		assertThat(json).containsOnlyOnce("\"load\":").contains("\"load\":67");
	}

	@Test
	void aUnionRepresentativeSeesItsCoveredUnitsTheCommitteeEverything() throws Exception {
		String union = account("union", "UNION_REPRESENTATIVE");
		this.jdbc.sql("""
				insert into account_unit (organisation_id, account_id, unit_id)
				select organisation_id, id, :unit from account where username = :username
				""").param("unit", this.a).param("username", union).update();
		this.mvc
			.perform(get(api() + "?from=2026-01-01&to=2026-06-30").with(user(this.accounts.loadUserByUsername(union))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures[*].unitId").value(contains((int) this.a)))
			.andExpect(jsonPath("$.figures[0].recommendScore").value(100))
			.andExpect(jsonPath("$.figures[0].areaIndices.load").doesNotExist());
		this.mvc
			.perform(get(api() + "?from=2026-01-01&to=2026-06-30")
				.with(user(this.accounts.loadUserByUsername(account("committee", "COMMITTEE_MEMBER")))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures[*].unitId")
				.value(containsInAnyOrder((int) this.top, (int) this.a, (int) this.b)));
		this.mvc
			.perform(get(api() + "?from=2026-01-01&to=2026-06-30")
				.with(user(this.accounts.loadUserByUsername(account("staff", "STAFF")))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anotherOrganisationIsRefusedAndAnUnknownOneNotFound() throws Exception {
		// HR of the demo municipality, on this organisation
		this.mvc.perform(get(api()).with(user(this.accounts.loadUserByUsername("hr"))))
			.andExpect(status().isForbidden());
		// this organisation's token, on the demo municipality
		this.mvc
			.perform(get("/api/v1/organisations/exempelby/surveys/figures").header("Authorization",
					"Bearer " + this.token))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/organisations/no-such-org/surveys/figures").header("Authorization",
					"Bearer " + this.token))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(api())).andExpect(status().isUnauthorized());
	}

	@Test
	void aBadPeriodIsA400ThatSaysWhatWasExpected() throws Exception {
		this.mvc.perform(get(api() + "?from=2026-13-01").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("A parameter has the wrong format; dates are yyyy-mm-dd."));
		this.mvc.perform(get(api() + "?from=2026-06-01&to=2026-01-01").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'from' (2026-06-01) must not be after 'to' (2026-01-01)."));
		this.mvc.perform(get(api() + "?from=2000-01-01&to=2026-01-01").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The period from 2000-01-01 to 2026-01-01 is longer than 5 years."));
	}

	private String api() {
		return "/api/v1/organisations/" + this.code + "/surveys/figures";
	}

	private long unit(String code, Long parent) {
		return this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level, parent_id)
				values (:org, :code, :code, 'UNIT', :parent) returning id
				""")
			.param("org", this.survey.organisation)
			.param("code", code)
			.param("parent", parent)
			.query(Long.class)
			.single();
	}

	private String account(String name, String role) {
		String username = this.code + "-" + name;
		this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, :name, 'x', cast(:roles as text[]))
				""")
			.param("org", this.survey.organisation)
			.param("username", username)
			.param("name", name)
			.param("roles", "{" + role + "}")
			.update();
		return username;
	}

}
