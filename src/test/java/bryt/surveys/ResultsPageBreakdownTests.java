package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import bryt.BrytTest;
import bryt.organisation.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Breakdowns by tenure band (issue 13, item 3): a unit's area indices by band, shown only
 * when every band of the area reaches the minimum.
 *
 * <p>
 * A closed pulse in 2005 (far back, and a pulse: no other test's cycle joins it); areas
 * "load" (l1) and "safe" (s1), 4-point scales (a value {@code v} scores {@code v/3}).
 *
 * <pre>
 * unit     parent  band      l1 values    s1 values
 * BOF      –
 * BOF-MOT  BOF     under_1   2 2 2 2 2 2  3 3 3 3 3 3
 * BOF-UTR  BOF     under_1   3 3 3 3 3    3 3 3 3 3
 *                  1_3       2 2 2 2 2    3 3 3 3 3
 *                  3_10      1 1 1 1 1    3 3 3 3 3
 *                  10_plus   0 0 0 0 0    3 3 3 (two skipped)
 * </pre>
 *
 * By hand, with the minimum of 5: BOF-UTR's load has 5 in each of the four bands: shown,
 * 100, 100 · 2/3 → 67, 100 · 1/3 → 33, 0. Its safe area was answered by 3 in band 10_plus
 * (&lt; 5): the whole breakdown of safe is hidden, though the unit's safe index (18
 * answers) is shown. BOF-MOT's six are all in band under_1, the three other bands are
 * empty (0 &lt; 5): its breakdown is not shown, only a sentence why. No answer carries an
 * age band (no birth year is recorded): the age breakdown says so.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsPageBreakdownTests {

	private static final String BREAKDOWN = "Breakdown hidden: at least one group in it is too small.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	private DemoSurveyRows rows;

	private final Map<String, Long> units = new LinkedHashMap<>();

	private long instrument;

	private long cycle;

	@BeforeAll
	void survey() {
		this.rows = new DemoSurveyRows(this.jdbc, this.organisations);
		this.units.putAll(this.rows.units());
		long demoId = this.rows.organisation();
		this.instrument = this.rows.instrument("results-breakdown-test", "Results breakdown test", """
				(:i, 'load', 1, '{"en": "Load"}', true),
				(:i, 'safe', 2, '{"en": "Safe"}', true)
				""", """
				(:i, 'l1', 'load', 1, 'scale', '{"en": "I have time for my cases"}', 't4', false),
				(:i, 's1', 'safe', 1, 'scale', '{"en": "I can speak up"}', 't4', false)
				""");
		this.cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'pulse', :instrument, date '2005-09-05', date '2005-09-16', 'closed') returning id
				""").param("org", demoId).param("instrument", this.instrument).query(Long.class).single();
		group("BOF", null);
		group("BOF-MOT", "BOF");
		group("BOF-UTR", "BOF");
		respond("BOF-MOT", "under_1", new int[] { 2, 2, 2, 2, 2, 2 }, 6);
		respond("BOF-UTR", "under_1", new int[] { 3, 3, 3, 3, 3 }, 5);
		respond("BOF-UTR", "1_3", new int[] { 2, 2, 2, 2, 2 }, 5);
		respond("BOF-UTR", "3_10", new int[] { 1, 1, 1, 1, 1 }, 5);
		respond("BOF-UTR", "10_plus", new int[] { 0, 0, 0, 0, 0 }, 3);
	}

	private void group(String code, String parent) {
		this.rows.group(this.cycle, code, parent, 30);
	}

	/**
	 * One response per l1 value, in a tenure band; the first {@code safe} answer s1 with
	 * 3.
	 */
	private void respond(String code, String band, int[] load, int safe) {
		for (int i = 0; i < load.length; i++) {
			UUID id = this.rows.response(this.cycle, code, band);
			answer(id, "l1", load[i]);
			if (i < safe) {
				answer(id, "s1", 3);
			}
		}
	}

	private void answer(UUID response, String item, int value) {
		this.rows.answer(response, item, value);
	}

	@Test
	void aUnitsAreaIsBrokenDownByTenureOnlyWhenEveryBandReachesTheMinimum() throws Exception {
		assertThat(csv("BOF-UTR", "tenure")).containsExactly(
				"Area,Under 1 year,1 to 3 years,3 to 10 years,10 years or more,Why hidden", "Load,100,67,33,0,",
				"Safe,,,,," + BREAKDOWN);
		String page = page("BOF-UTR", "tenure");
		String table = page.substring(page.indexOf("id=\"breakdown-table\""),
				page.indexOf("</table>", page.indexOf("id=\"breakdown-table\"")));
		assertThat(table).contains(">67<", ">33<", ">Hidden<", BREAKDOWN);
		// the select keeps the choice
		assertThat(page).contains("<option value=\"tenure\" selected=\"selected\">");
	}

	@Test
	void aUnitWithEmptyBandsGetsASentenceInsteadOfABreakdown() throws Exception {
		String page = page("BOF-MOT", "tenure");
		assertThat(page).contains("The breakdown of BOF-MOT by years employed is not shown.", BREAKDOWN)
			.doesNotContain("id=\"breakdown-table\"");
		assertThat(page("BOF-UTR", "age")).contains("No answer carries an age band")
			.doesNotContain("id=\"breakdown-table\"");
		// without the parameter there is no breakdown, only the select
		assertThat(page("BOF-UTR", null)).contains("id=\"breakdown-select\"")
			.doesNotContain("id=\"breakdown-table\"", BREAKDOWN);
	}

	private String page(String unit, String breakdown) throws Exception {
		MockHttpServletRequestBuilder request = get("/surveys/results/" + this.cycle).param("unit",
				String.valueOf(this.units.get(unit)));
		if (breakdown != null) {
			request.param("breakdown", breakdown);
		}
		return this.mvc.perform(as(request)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private List<String> csv(String unit, String breakdown) throws Exception {
		byte[] body = this.mvc
			.perform(as(get("/surveys/results/" + this.cycle).param("export", "breakdown")
				.param("format", "csv")
				.param("unit", String.valueOf(this.units.get(unit)))
				.param("breakdown", breakdown)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
		return Arrays.asList(text.split("\r\n"));
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername("committee"))).locale(Locale.ENGLISH);
	}

}
