package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The trend over cycles on the results page (issue 13, item 5): the area indices of the
 * previous closed cycles of the same program, each cycle decided on its own respondents.
 *
 * <p>
 * Two closed annual cycles in the demo municipality, far back (2011 and 2012) so that no
 * other test's cycle falls in their five years. The instrument of
 * {@link ResultsPageMeasureTests}' kind: area "load" (item l1), area "safe" (item s1),
 * 4-point scales (a value {@code v} scores {@code v/3}).
 *
 * <pre>
 * 2011-03-07  unit     parent  l1              s1
 *             BOF      –
 *             BOF-MOT  BOF     1 1 1 1         –
 *             BOF-UTR  BOF     3 3 3 3 3       3 3 3 3 3
 *             VUX      –       0 0 0 0 0 0     –
 * 2012-03-05  BOF      –
 *             BOF-MOT  BOF     2 2 2 2 2       2 2 2 2 2
 *             BOF-UTR  BOF     3 3 3 3 3 3     3 3 3 3 3 3
 *             BOF-PLA  BOF     1 1 1 1 1       –
 *             VUX      –       3 3 3 3 3       –
 * </pre>
 *
 * By hand, with the minimum of 5:
 * <ul>
 * <li>2011: BOF-MOT 4 &lt; 5 is hidden (below the minimum); BOF (9) less BOF-UTR (5)
 * leaves 4, so BOF-UTR is hidden too (complementary), both for their whole row. Load: BOF
 * 100 · (4/3 + 5) / 9 = 100 · 19/27 = 70.4 → 70, VUX 0. Safe: BOF 100 (BOF-UTR's five);
 * VUX answered none: "–". BOF-PLA was not in the 2011 snapshot: "–".</li>
 * <li>2012: every unit has at least 5 and BOF (16) less 5 + 6 + 5 leaves 0: all shown.
 * Load: BOF-MOT 100 · 2/3 → 67, BOF-UTR 100, BOF-PLA 100 · 1/3 → 33, BOF 100 · (10/3 +
 * 18/3 + 5/3) / 16 = 100 · 11/16 = 68.75 → 69, VUX 100. Safe: BOF-MOT 67, BOF-UTR 100,
 * BOF 100 · (10/3 + 6) / 11 = 84.8 → 85; BOF-PLA and VUX answered none: "–".</li>
 * </ul>
 * Had the engine weighed the two cycles together, BOF-MOT's 4 + 5 would have been one
 * group: each cycle is decided alone, so the 2011 cell stays hidden.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsPageTrendTests {

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

	private long first;

	private long second;

	@BeforeAll
	void survey() {
		this.rows = new DemoSurveyRows(this.jdbc, this.organisations);
		this.units.putAll(this.rows.units());
		long demoId = this.rows.organisation();
		this.instrument = this.rows.instrument("results-trend-test", "Results trend test", """
				(:i, 'load', 1, '{"en": "Load"}', true),
				(:i, 'safe', 2, '{"en": "Safe"}', true)
				""", """
				(:i, 'l1', 'load', 1, 'scale', '{"en": "I have time for my cases"}', 't4', false),
				(:i, 's1', 'safe', 1, 'scale', '{"en": "I can speak up"}', 't4', false)
				""");
		this.first = cycle(demoId, LocalDate.of(2011, 3, 7));
		group(this.first, "BOF", null);
		group(this.first, "BOF-MOT", "BOF");
		group(this.first, "BOF-UTR", "BOF");
		group(this.first, "VUX", null);
		respond(this.first, "BOF-MOT", new int[] { 1, 1, 1, 1 }, new int[0]);
		respond(this.first, "BOF-UTR", new int[] { 3, 3, 3, 3, 3 }, new int[] { 3, 3, 3, 3, 3 });
		respond(this.first, "VUX", new int[] { 0, 0, 0, 0, 0, 0 }, new int[0]);
		this.second = cycle(demoId, LocalDate.of(2012, 3, 5));
		group(this.second, "BOF", null);
		group(this.second, "BOF-MOT", "BOF");
		group(this.second, "BOF-UTR", "BOF");
		group(this.second, "BOF-PLA", "BOF");
		group(this.second, "VUX", null);
		respond(this.second, "BOF-MOT", new int[] { 2, 2, 2, 2, 2 }, new int[] { 2, 2, 2, 2, 2 });
		respond(this.second, "BOF-UTR", new int[] { 3, 3, 3, 3, 3, 3 }, new int[] { 3, 3, 3, 3, 3, 3 });
		respond(this.second, "BOF-PLA", new int[] { 1, 1, 1, 1, 1 }, new int[0]);
		respond(this.second, "VUX", new int[] { 3, 3, 3, 3, 3 }, new int[0]);
	}

	private long cycle(long organisation, LocalDate opens) {
		return this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, :opens, :closes, 'closed') returning id
				""")
			.param("org", organisation)
			.param("instrument", this.instrument)
			.param("opens", opens)
			.param("closes", opens.plusDays(18))
			.query(Long.class)
			.single();
	}

	private void group(long cycle, String code, String parent) {
		this.rows.group(cycle, code, parent, 10);
	}

	/** One response per l1 value; the first {@code safe.length} also answer s1. */
	private void respond(long cycle, String code, int[] load, int[] safe) {
		for (int i = 0; i < load.length; i++) {
			UUID id = this.rows.response(cycle, code, null);
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
	void eachCycleOfTheTrendIsDecidedOnItsOwnRespondents() throws Exception {
		assertThat(csv(this.second, "trend")).containsExactly("Unit,Area,2011-03-07,2012-03-05,Why hidden",
				"BOF,Load,70,69,", "BOF,Safe,100,85,", "BOF-MOT,Load,,67,2011-03-07: " + BELOW,
				"BOF-MOT,Safe,,67,2011-03-07: " + BELOW, "BOF-UTR,Load,,100,2011-03-07: " + COMPLEMENTARY,
				"BOF-UTR,Safe,,100,2011-03-07: " + COMPLEMENTARY, "BOF-PLA,Load,–,33,", "BOF-PLA,Safe,–,–,",
				"VUX,Load,0,100,", "VUX,Safe,–,–,");
		String page = page(this.second);
		String trend = page.substring(page.indexOf("id=\"trend-table\""),
				page.indexOf("</table>", page.indexOf("id=\"trend-table\"")));
		assertThat(trend).contains("2011-03-07", "2012-03-05", ">Hidden<", "bryt-heat-low", "bryt-heat-high");
	}

	@Test
	void theFirstCycleHasNoTrend() throws Exception {
		assertThat(page(this.first)).doesNotContain("id=\"trend\"", "2012-03-05")
			.contains("There is no trend yet: this is the first closed survey of its kind.");
		// issue 13's review: the trend's download of a first survey was a 404 (an error
		// page, JSON for the API's clients); now the page that says why there is none
		for (String format : List.of("csv", "xlsx")) {
			this.mvc.perform(as(get("/surveys/results/" + this.first).param("export", "trend").param("format", format)))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/surveys/results/" + this.first + "#no-trend"));
		}
	}

	/**
	 * A closed cycle's figures are kept once computed (they never change); an older cycle
	 * that closes later still joins the trend on the next view. 2010: VUX's five answer
	 * l1 with 1 (load 100 · 1/3 → 33); nothing else, so every other unit has no 2010
	 * figure ("–"; VUX is shown: 5 reach the minimum).
	 */
	@Test
	void anOlderCycleClosedLaterJoinsTheTrendOfAPageAlreadySeen() throws Exception {
		long older = cycle(this.rows.organisation(), LocalDate.of(2010, 3, 1));
		this.jdbc.sql("update survey_cycle set status = 'open' where id = :id").param("id", older).update();
		group(older, "VUX", null);
		respond(older, "VUX", new int[] { 1, 1, 1, 1, 1 }, new int[0]);
		try {
			assertThat(csv(this.second, "trend").getFirst()).isEqualTo("Unit,Area,2011-03-07,2012-03-05,Why hidden");
			this.jdbc.sql("update survey_cycle set status = 'closed' where id = :id").param("id", older).update();
			List<String> trend = csv(this.second, "trend");
			assertThat(trend.getFirst()).isEqualTo("Unit,Area,2010-03-01,2011-03-07,2012-03-05,Why hidden");
			assertThat(trend).contains("VUX,Load,33,0,100,", "BOF-PLA,Load,–,–,33,");
		}
		finally {
			this.jdbc.sql("update survey_cycle set status = 'open' where id = :id").param("id", older).update();
		}
	}

	private String page(long cycle) throws Exception {
		return this.mvc.perform(as(get("/surveys/results/" + cycle)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> csv(long cycle, String table) throws Exception {
		byte[] body = this.mvc
			.perform(as(get("/surveys/results/" + cycle).param("export", table).param("format", "csv")))
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
