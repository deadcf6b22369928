package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
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
 * The results pages (issue 13, item 5) of a closed annual cycle in the demo municipality,
 * on its real accounts: the union representative covers BOF and everything below it, the
 * manager BOF-UTR, the committee and HR everything.
 *
 * <p>
 * The cycle's snapshot (written by SQL, as {@link ResultsFixture} does), each unit named
 * by its code; one scored area "load" with one item l1 on a 4-point scale (0–3, a value
 * {@code v} scores {@code v/3}), and a 0–10 recommend item:
 *
 * <pre>
 * unit     parent  invited  respondents  l1 values           rec values
 * BOF      –       1        0
 * BOF-MOT  BOF     5        3            1 1 1
 * BOF-UTR  BOF     8        6            2 2 2 2 2 2
 * BOF-PLA  BOF     10       8            3 3 3 3 2 2 1 0     10 10 10 9 8 7 6 0
 * VUX      –       12       7            3 3 2 2 2 1 0
 * </pre>
 *
 * By hand, with the minimum of 5:
 * <ul>
 * <li>BOF-MOT: 3 &lt; 5, hidden (below the minimum).</li>
 * <li>BOF (17 = 0 + 3 + 6 + 8) is shown; less its shown children BOF-UTR (6) and BOF-PLA
 * (8) it leaves 0 + 3 = 3 &lt; 5, so the smaller of the two, BOF-UTR, is hidden too
 * (complementary); then 3 + 6 = 9 ≥ 5 and BOF-PLA stays.</li>
 * <li>BOF-PLA: index 100 · (3+3+3+3+2+2+1+0)/3 / 8 = 100 · 17/24 = 70.83 → 71;
 * participation 8/10 → 80 %; recommend: promoters 4 (10, 10, 10, 9), detractors 2 (6, 0)
 * of 8 → +25.</li>
 * <li>BOF: index 100 · (3 + 12 + 17)/3 / 17 = 100 · 32/51 = 62.75 → 63; participation
 * 17/24 = 70.8 % → 70 %; recommend: BOF-PLA's 8 answers → +25.</li>
 * <li>VUX: index 100 · 13/3 / 7 = 100 · 13/21 = 61.90 → 62; participation 7/12 = 58.3 % →
 * 60 %; nobody answered the recommend item: no figure.</li>
 * </ul>
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsPageTests {

	private static final String BELOW = "Hidden: too few answered to keep everyone anonymous.";

	private static final String COMPLEMENTARY = "Hidden: showing it would let a smaller group beside it be worked out (the larger unit minus this one).";

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

	private long closed;

	private long open;

	@BeforeAll
	void survey() {
		this.rows = new DemoSurveyRows(this.jdbc, this.organisations);
		this.units.putAll(this.rows.units());
		long demoId = this.rows.organisation();
		this.instrument = this.rows.instrument("results-page-test", "Results page test", """
				(:i, 'load', 1, '{"en": "Load"}', true),
				(:i, 'other', 2, '{"en": "Other"}', false)
				""", """
				(:i, 'l1', 'load', 1, 'scale', '{"en": "I have time for my cases"}', 't4', false),
				(:i, 'rec', 'other', 1, 'recommend', '{"en": "Would you recommend us?"}', null, false)
				""");
		this.closed = cycle(demoId, "closed");
		respond(this.closed, "BOF-MOT", new int[] { 1, 1, 1 }, null);
		respond(this.closed, "BOF-UTR", new int[] { 2, 2, 2, 2, 2, 2 }, null);
		respond(this.closed, "BOF-PLA", new int[] { 3, 3, 3, 3, 2, 2, 1, 0 }, new int[] { 10, 10, 10, 9, 8, 7, 6, 0 });
		respond(this.closed, "VUX", new int[] { 3, 3, 2, 2, 2, 1, 0 }, null);
		// released rows of a closed cycle: summarised as the close summarises them
		new ResultSummaries(this.jdbc).summarise(this.closed);
		this.open = cycle(demoId, "open");
		respond(this.open, "VUX", new int[] { 3, 3, 3, 3, 3, 3, 3, 3 }, null);
	}

	private long cycle(long organisation, String status) {
		long cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', :closes, :status) returning id
				""")
			.param("org", organisation)
			.param("instrument", this.instrument)
			.param("status", status)
			// the open cycle closes far ahead, so no closing job run by another test
			// closes it
			.param("closes", "open".equals(status) ? LocalDate.of(2099, 12, 31) : LocalDate.of(2026, 3, 27))
			.query(Long.class)
			.single();
		group(cycle, "BOF", null, 1);
		group(cycle, "BOF-MOT", "BOF", 5);
		group(cycle, "BOF-UTR", "BOF", 8);
		group(cycle, "BOF-PLA", "BOF", 10);
		group(cycle, "VUX", null, 12);
		return cycle;
	}

	private void group(long cycle, String code, String parent, int invited) {
		this.rows.group(cycle, code, parent, invited);
	}

	/** One response per l1 value, the i-th also answering the recommend item if given. */
	private void respond(long cycle, String code, int[] load, int[] recommend) {
		for (int i = 0; i < load.length; i++) {
			UUID id = this.rows.response(cycle, code, null);
			answer(id, "l1", load[i]);
			if (recommend != null) {
				answer(id, "rec", recommend[i]);
			}
		}
	}

	private void answer(UUID response, String item, int value) {
		this.rows.answer(response, item, value);
	}

	@Test
	void theCommitteeSeesTheHandComputedFiguresAndTheHiddenUnitsWithTheirReasons() throws Exception {
		List<String> heatmap = csv("committee", "heatmap", null);
		assertThat(heatmap).containsExactly("Unit,Participation,Load,Would recommend,Why hidden", "BOF,70%,63,25,",
				"BOF-MOT,,,," + BELOW, "BOF-UTR,,,," + COMPLEMENTARY, "BOF-PLA,80%,71,25,", "VUX,60%,62,–,");
		String page = page("committee", this.closed, null);
		assertThat(page).contains("Hidden", "Hidden: too few answered to keep everyone anonymous.",
				"Hidden: showing it would let a smaller group beside it be worked out", "bryt-heat-mid");
		// on the page, the hidden units' cells say "Hidden" and why, never a figure
		assertThat(heatmapCells(page, "BOF-MOT")).containsExactly("Hidden", "Hidden", "Hidden", BELOW);
		assertThat(heatmapCells(page, "BOF-UTR")).containsExactly("Hidden", "Hidden", "Hidden", COMPLEMENTARY);
		assertThat(heatmapCells(page, "BOF-PLA")).containsExactly("80%", "71", "25", "");
		assertThat(page).contains("bryt-heat-mid");
	}

	@Test
	void theUnionSeesTheSameFiguresForItsUnitsAndNothingOutsideItsCover() throws Exception {
		List<String> heatmap = csv("union", "heatmap", null);
		assertThat(heatmap).containsExactly("Unit,Participation,Load,Would recommend,Why hidden", "BOF,70%,63,25,",
				"BOF-MOT,,,," + BELOW, "BOF-UTR,,,," + COMPLEMENTARY, "BOF-PLA,80%,71,25,");
		assertThat(csv("committee", "heatmap", null)).containsAll(heatmap.subList(1, heatmap.size()));
		String page = page("union", this.closed, null);
		assertThat(page).doesNotContain("VUX", ">62<");
		// VUX's distribution, asked for by the union, is not given: the first own unit is
		assertThat(csv("union", "distribution", "VUX")).first().asString().startsWith("Question");
		assertThat(String.join("\n", csv("union", "distribution", "VUX"))).doesNotContain("VUX");
		// the manager of BOF-UTR sees that unit alone, hidden for the same reason
		assertThat(csv("manager", "heatmap", null))
			.containsExactly("Unit,Participation,Load,Would recommend,Why hidden", "BOF-UTR,,,," + COMPLEMENTARY);
	}

	@Test
	void theDistributionIsExportedWithTheSameSuppression() throws Exception {
		// BOF-PLA: l1 0: 1, 1: 1, 2: 2, 3: 4 of 8 (12.5 % rounds half-even to 12 %, as
		// every percentage in Bryt's tables); rec 0: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 3
		List<String> shown = csv("hr", "distribution", "BOF-PLA");
		assertThat(shown).startsWith("Question,Answer,Answers,Share,Why hidden",
				"I have time for my cases,Never,1,12%,", "I have time for my cases,Seldom,1,12%,",
				"I have time for my cases,Often,2,25%,", "I have time for my cases,Always,4,50%,");
		assertThat(shown).hasSize(1 + 4 + 11);
		assertThat(shown).last().isEqualTo("Would you recommend us?,10 – Extremely likely,3,38%,");
		List<String> hidden = csv("hr", "distribution", "BOF-MOT");
		assertThat(hidden).contains("I have time for my cases,Never,,," + BELOW,
				"I have time for my cases,Seldom,,," + BELOW);
		assertThat(hidden.subList(1, hidden.size())).allMatch((line) -> line.endsWith(BELOW));
	}

	@Test
	void anOpenCycleShowsNoFigure() throws Exception {
		String page = page("committee", this.open, null);
		assertThat(page).contains("Results are shown when the survey has closed, on 2099-12-31")
			.doesNotContain("VUX", "id=\"heatmap\"");
		this.mvc.perform(as("committee", get("/surveys/results/" + this.open).param("export", "heatmap")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theListAndTheCyclesPageLinkToTheClosedCycleOnly() throws Exception {
		String list = this.mvc.perform(as("union", get("/surveys/results")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("/surveys/results/" + this.closed + "\"")
			.doesNotContain("/surveys/results/" + this.open + "\"");
		String cycles = this.mvc.perform(as("hr", get("/surveys/cycles")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(cycles).contains("/surveys/results/" + this.closed + "\"")
			.doesNotContain("/surveys/results/" + this.open + "\"");
		this.mvc.perform(as("staff", get("/surveys/results/" + this.closed))).andExpect(status().isForbidden());
	}

	/** The texts of a unit's row's cells in the page's heatmap, after the unit's name. */
	private static List<String> heatmapCells(String page, String unit) {
		String heatmap = page.substring(page.indexOf("id=\"heatmap\""),
				page.indexOf("</table>", page.indexOf("id=\"heatmap\"")));
		Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(heatmap);
		while (row.find()) {
			if (row.group(1).contains(">" + unit + "</a>")) {
				List<String> cells = new ArrayList<>();
				Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
				while (cell.find()) {
					cells.add(cell.group(1).strip());
				}
				return cells;
			}
		}
		throw new AssertionError("No row of " + unit + " in the heatmap");
	}

	private String page(String username, long cycle, String unit) throws Exception {
		MockHttpServletRequestBuilder request = get("/surveys/results/" + cycle);
		if (unit != null) {
			request.param("unit", String.valueOf(this.units.get(unit)));
		}
		return this.mvc.perform(as(username, request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> csv(String username, String table, String unit) throws Exception {
		MockHttpServletRequestBuilder request = get("/surveys/results/" + this.closed).param("export", table)
			.param("format", "csv");
		if (unit != null) {
			request.param("unit", String.valueOf(this.units.get(unit)));
		}
		byte[] body = this.mvc.perform(as(username, request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
		return Arrays.asList(text.split("\r\n"));
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername(username))).locale(Locale.ENGLISH);
	}

}
