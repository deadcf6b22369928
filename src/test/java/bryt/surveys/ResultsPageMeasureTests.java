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
 * Each figure of the results page is decided on its own respondents (issue 13, items 3
 * and 5): an item some skipped rests on fewer people than its unit.
 *
 * <p>
 * A closed annual cycle in the demo municipality; two scored areas, "load" with item l1
 * and "safe" with item s1, each on a 4-point scale (0–3, a value {@code v} scores
 * {@code v/3}). Everyone answered l1; s1 was skipped by some:
 *
 * <pre>
 * unit     parent  invited  respondents  l1 values        s1 values (answered)
 * BOF      –       1        0
 * BOF-MOT  BOF     5        5            1 1 1 1 1        2 2 2 2 2   (5)
 * BOF-UTR  BOF     10       6            2 2 2 2 2 2      3 3 3 3 3 3 (6)
 * BOF-PLA  BOF     10       7            3 3 3 3 3 3 3    0 0 0       (3)
 * VUX      –       10       6            3 3 2 2 1 1      3 3 3       (3)
 * </pre>
 *
 * By hand, with the minimum of 5:
 * <ul>
 * <li>Participation and load (the unit's respondents, everyone answered l1): every unit
 * has at least 5 and BOF (18) less its children (5 + 6 + 7) leaves 0: all shown.
 * Participation: BOF 18/26 = 69.2 % → 70 %, BOF-MOT 5/5 → 100 %, BOF-UTR 6/10 → 60 %,
 * BOF-PLA 7/10 → 70 %, VUX 6/10 → 60 %. Load: BOF-MOT 100 · 1/3 = 33.3 → 33, BOF-UTR 100
 * · 2/3 → 67, BOF-PLA 100, BOF 100 · (5/3 + 12/3 + 21/3) / 18 = 100 · 38/54 = 70.4 → 70,
 * VUX 100 · (12/3) / 6 = 66.7 → 67.</li>
 * <li>s1 and the safe area (those who answered s1): VUX 3 &lt; 5 and BOF-PLA 3 &lt; 5,
 * hidden (below the minimum) though their units of 6 and 7 are shown. BOF (14) less its
 * shown children BOF-MOT (5) and BOF-UTR (6) leaves 3 &lt; 5, so the smaller, BOF-MOT, is
 * hidden for s1 only (complementary), its participation and load still shown; then 3 + 5
 * = 8 ≥ 5. Safe: BOF-UTR 100, BOF 100 · (5 · 2/3 + 6 · 1 + 3 · 0) / 14 = 100 · 2/3 → 67.
 * The old page (one decision per unit) showed VUX's s1 of 3 people and BOF-MOT's safe
 * index 67, from which BOF's 67 gives away BOF-PLA's three answers.</li>
 * </ul>
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsPageMeasureTests {

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

	@Autowired
	private SurveyFigures figures;

	private final Map<String, Long> units = new LinkedHashMap<>();

	private long instrument;

	private long cycle;

	@BeforeAll
	void survey() {
		this.rows = new DemoSurveyRows(this.jdbc, this.organisations);
		this.units.putAll(this.rows.units());
		long demoId = this.rows.organisation();
		this.instrument = this.rows.instrument("results-measure-test", "Results measure test", """
				(:i, 'load', 1, '{"en": "Load"}', true),
				(:i, 'safe', 2, '{"en": "Safe"}', true)
				""", """
				(:i, 'l1', 'load', 1, 'scale', '{"en": "I have time for my cases"}', 't4', false),
				(:i, 's1', 'safe', 1, 'scale', '{"en": "I can speak up"}', 't4', false)
				""");
		this.cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-04-06', date '2026-04-24', 'closed') returning id
				""").param("org", demoId).param("instrument", this.instrument).query(Long.class).single();
		group("BOF", null, 1);
		group("BOF-MOT", "BOF", 5);
		group("BOF-UTR", "BOF", 10);
		group("BOF-PLA", "BOF", 10);
		group("VUX", null, 10);
		respond("BOF-MOT", new int[] { 1, 1, 1, 1, 1 }, new int[] { 2, 2, 2, 2, 2 });
		respond("BOF-UTR", new int[] { 2, 2, 2, 2, 2, 2 }, new int[] { 3, 3, 3, 3, 3, 3 });
		respond("BOF-PLA", new int[] { 3, 3, 3, 3, 3, 3, 3 }, new int[] { 0, 0, 0 });
		respond("VUX", new int[] { 3, 3, 2, 2, 1, 1 }, new int[] { 3, 3, 3 });
	}

	private void group(String code, String parent, int invited) {
		this.rows.group(this.cycle, code, parent, invited);
	}

	/** One response per l1 value; the first {@code safe.length} also answer s1. */
	private void respond(String code, int[] load, int[] safe) {
		for (int i = 0; i < load.length; i++) {
			UUID id = this.rows.response(this.cycle, code, null);
			answer(id, "l1", load[i]);
			if (i < safe.length) {
				answer(id, "s1", safe[i]);
			}
		}
	}

	private void answer(UUID response, String item, int value) {
		this.rows.answer(response, item, value);
	}

	@Test
	void anItemAnsweredByThreeOfSixIsHiddenAloneOnThePageAndInTheExports() throws Exception {
		assertThat(csv("heatmap", null)).contains("VUX,60%,67,,Safe: " + BELOW, "BOF-PLA,70%,100,,Safe: " + BELOW);
		String page = page("VUX");
		assertThat(heatmapCells(page, "VUX")).containsExactly("60%", "67", "Hidden", "Safe: " + BELOW);
		// VUX's distribution: l1's six answers are shown, s1's three are not, anywhere
		assertThat(csv("distribution", "VUX")).containsExactly("Question,Answer,Answers,Share,Why hidden",
				"I have time for my cases,Never,0,0%,", "I have time for my cases,Seldom,2,33%,",
				"I have time for my cases,Often,2,33%,", "I have time for my cases,Always,2,33%,",
				"I can speak up,Never,,," + BELOW, "I can speak up,Seldom,,," + BELOW,
				"I can speak up,Often,,," + BELOW, "I can speak up,Always,,," + BELOW);
		String distributions = page.substring(page.indexOf("id=\"distributions\""));
		assertThat(distributions).contains("I have time for my cases", "Seldom: 2", BELOW).doesNotContain("Always: 3");
	}

	@Test
	void aChildIsHiddenForOneItemOnlyThroughComplementarySuppressionOfThatItem() throws Exception {
		assertThat(csv("heatmap", null)).containsExactly("Unit,Participation,Load,Safe,Why hidden", "BOF,70%,70,67,",
				"BOF-MOT,100%,33,,Safe: " + COMPLEMENTARY, "BOF-UTR,60%,67,100,", "BOF-PLA,70%,100,,Safe: " + BELOW,
				"VUX,60%,67,,Safe: " + BELOW);
		String page = page("BOF-MOT");
		assertThat(heatmapCells(page, "BOF-MOT")).containsExactly("100%", "33", "Hidden", "Safe: " + COMPLEMENTARY);
		assertThat(heatmapCells(page, "BOF")).containsExactly("70%", "70", "67", "");
		List<String> distribution = csv("distribution", "BOF-MOT");
		assertThat(distribution).contains("I have time for my cases,Seldom,5,100%,",
				"I can speak up,Often,,," + COMPLEMENTARY);
		assertThat(String.join("\n", distribution)).doesNotContain("I can speak up,Often,5");
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

	private String page(String unit) throws Exception {
		return this.mvc
			.perform(as(get("/surveys/results/" + this.cycle).param("unit", String.valueOf(this.units.get(unit)))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> csv(String table, String unit) throws Exception {
		MockHttpServletRequestBuilder request = get("/surveys/results/" + this.cycle).param("export", table)
			.param("format", "csv");
		if (unit != null) {
			request.param("unit", String.valueOf(this.units.get(unit)));
		}
		byte[] body = this.mvc.perform(as(request))
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

	/**
	 * The overview's figures through the module's API (issue 13 item 7) show the same
	 * cells as the page (item 3: every output through one engine): the hand-computed
	 * indices of the class comment, and the same three safe figures hidden.
	 */
	@Test
	void theOverviewsFiguresShowWhatThePageShowsAndHideWhatItHides() {
		long demo = this.organisations.findByCode("exempelby").orElseThrow().id();
		Map<String, SurveyFigures.Figure> byUnit = new LinkedHashMap<>();
		this.figures.figures(demo, LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 6))
			.stream()
			.filter((figure) -> figure.program().equals("annual")
					&& figure.periodEnd().equals(LocalDate.of(2026, 4, 24)))
			.forEach((figure) -> byUnit.put(figure.unitName(), figure));
		assertThat(byUnit.keySet()).containsExactlyInAnyOrder("BOF", "BOF-MOT", "BOF-UTR", "BOF-PLA", "VUX");
		assertThat(byUnit.get("BOF").areaIndices()).containsEntry("load", 70).containsEntry("safe", 67);
		assertThat(byUnit.get("BOF-UTR").areaIndices()).containsEntry("load", 67).containsEntry("safe", 100);
		for (String hidden : List.of("BOF-MOT", "BOF-PLA", "VUX")) {
			assertThat(byUnit.get(hidden).areaIndices()).as(hidden).doesNotContainKey("safe");
			assertThat(byUnit.get(hidden).hidden()).as(hidden)
				.contains(new SurveyFigures.Measure(SurveyFigures.Measure.Kind.AREA_INDEX, "safe"));
		}
		assertThat(byUnit.get("BOF-MOT").areaIndices()).containsEntry("load", 33);
		assertThat(byUnit.get("BOF-PLA").areaIndices()).containsEntry("load", 100);
		assertThat(byUnit.get("VUX").areaIndices()).containsEntry("load", 67);
		assertThat(byUnit.get("BOF").participationPercent()).isEqualTo(70);
		assertThat(byUnit.get("BOF-UTR").participationPercent()).isEqualTo(60);
	}

	/**
	 * The second review: a breakdown by tenure of answers that carry no tenure band (this
	 * cycle's, like answers given with paper codes) said a group was too small; it says
	 * no answer carries one.
	 */
	@Test
	void aTenureBreakdownOfAnswersWithoutBandsSaysSo() throws Exception {
		String page = this.mvc
			.perform(as(get("/surveys/results/" + this.cycle).param("unit", String.valueOf(this.units.get("BOF-UTR")))
				.param("breakdown", "tenure")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("No answer carries a tenure band").doesNotContain("id=\"breakdown-table\"");
	}

	/**
	 * The second review: the heatmap's hint promised a would-recommend score on an
	 * instrument without a recommend item (this one has two scale items only).
	 */
	@Test
	void theHintPromisesNoRecommendScoreWhereThereIsNone() throws Exception {
		assertThat(page("VUX")).contains("index from 0 (weakest) to 100 (strongest) and participation rounded")
			.doesNotContain("would-recommend");
	}

}
