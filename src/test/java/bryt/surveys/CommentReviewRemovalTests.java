package bryt.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import bryt.BrytTest;
import bryt.organisation.Organisation;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Removals after the second outside review (docs/surveys/comments.md, F2): whole words
 * only, at most 60 characters, and until the release the other side sees the words each
 * removal replaced and may put them back, which takes back the other side's approval as a
 * removal does; the release keeps the labels and none of the removed words.
 *
 * <p>
 * Cycles in the demo municipality as {@code CommentReviewPartiesTests}: BOF 1 respondent,
 * BOF-MOT 9, BOF-UTR 12 with the one comment, shown under BOF-UTR. The demo's {@code hr}
 * and {@code union} review (the demo accounts stand a year, their passwords as their
 * holders'), each for their side.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentReviewRemovalTests {

	private static final String TEXT = "Vi mår inte bra. Anna på mottagningen är bra, men chefen ignorerar hot från klienter och ledningen döljer det.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	private final Map<String, Long> units = new LinkedHashMap<>();

	private long organisation;

	private long instrument;

	@BeforeAll
	void instrument() {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		this.organisation = demo.id();
		for (Unit unit : this.organisations.units(demo.id())) {
			this.units.put(unit.code(), unit.id());
		}
		this.instrument = this.jdbc.sql("""
				insert into survey_instrument (organisation_id, key, name, locales, read_only)
				values (:org, 'comment-removal-test', '{"en": "Comment test"}', '{en}', false) returning id
				""").param("org", demo.id()).query(Long.class).single();
		this.jdbc.sql("""
				insert into survey_area (instrument_id, key, position, name, scored)
				values (:i, 'other', 1, '{"en": "Other"}', false)
				""").param("i", this.instrument).update();
		this.jdbc.sql("""
				insert into survey_item (instrument_id, key, area_key, position, kind, text) values
					(:i, 'free', 'other', 1, 'text', '{"en": "What would make work better?"}')
				""").param("i", this.instrument).update();
	}

	/**
	 * Words inside a longer word are not removed ("an" in "Anna"); a run of 61 characters
	 * is refused with a message, nothing changed; the whole name is removed.
	 */
	@Test
	void aRemovalTakesWholeWordsAndAtMostSixtyCharacters() throws Exception {
		long cycle = cycle();
		String id = comment(cycle);
		assertThat(refused(cycle, id, "an", "NAME")).contains("does not contain those words as whole words");
		String sentence = "chefen ignorerar hot från klienter och ledningen döljer det.";
		assertThat(sentence).hasSize(60);
		assertThat(refused(cycle, id, "men " + sentence, "DETAIL")).contains("Remove at most 60 characters");
		assertThat(reviewed(cycle)).isNull();
		redirected("hr", "redact", cycle, Map.of("comment", id, "words", "anna", "label", "NAME"));
		assertThat(CommentText.released(reviewed(cycle), true))
			.isEqualTo("Vi mår inte bra. [namn borttaget] på mottagningen är bra, men chefen ignorerar hot från "
					+ "klienter och ledningen döljer det.");
	}

	/**
	 * HR removes "inte" (which would turn the comment's meaning) after the union
	 * approved: the union's approval is taken back, and its page shows the words struck
	 * through beside the label. The union puts them back: HR's approval, given meanwhile,
	 * is taken back, and the comment reads as written. A stale undo is refused. A name
	 * removed and approved by both: the released text has the label and not the name, in
	 * no column.
	 */
	@Test
	void theOtherSideSeesWhatWasRemovedAndPutsItBack() throws Exception {
		long cycle = cycle();
		String id = comment(cycle);
		redirected("union", "approve", cycle, Map.of());
		redirected("hr", "redact", cycle, Map.of("comment", id, "words", "inte", "label", "DETAIL"));
		assertThat(approvals(cycle)).isEmpty();
		String union = review("union", cycle);
		assertThat(union)
			.contains("Vi mår <mark class=\"bryt-removed\"><span class=\"govuk-visually-hidden\">removed: "
					+ "</span><span lang=\"sv\">[uppgift borttagen]</span></mark> <del class=\"bryt-removed-original\">"
					+ "<span class=\"govuk-visually-hidden\">the words removed: </span>inte</del> bra.")
			.contains("Put back “inte”");
		redirected("hr", "approve", cycle, Map.of());
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/undo")).with(csrf())
				.param("comment", id)
				.param("removal", "0")
				.param("original", "bra"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("That removal has changed since the page was shown");
		redirected("union", "undo", cycle, Map.of("comment", id, "removal", "0", "original", "inte"));
		assertThat(approvals(cycle)).isEmpty();
		assertThat(CommentText.released(reviewed(cycle), true)).isEqualTo(TEXT);
		assertThat(review("hr", cycle)).doesNotContain("bryt-removed\"").contains("Vi mår inte bra.");

		redirected("hr", "redact", cycle, Map.of("comment", id, "words", "Anna", "label", "NAME"));
		redirected("hr", "approve", cycle, Map.of());
		redirected("union", "approve", cycle, Map.of());
		List<Map<String, Object>> stored = this.jdbc
			.sql("select text, redacted from survey_comment where cycle_id = :c")
			.param("c", cycle)
			.query()
			.listOfRows();
		assertThat(stored).hasSize(1);
		assertThat(stored.getFirst().get("redacted")).isNull();
		assertThat((String) stored.getFirst().get("text")).startsWith("Vi mår inte bra. [namn borttaget] på")
			.doesNotContain("Anna")
			.doesNotContain("\uE000")
			.doesNotContain("\uE002");
	}

	/** The words the pure text functions take and give, by hand. */
	@Test
	void textFunctions() {
		String once = CommentText.remove("Karin och karin; Karins bil", false, "karin", "[namn borttaget]")
			.orElseThrow();
		assertThat(CommentText.released(once, true)).isEqualTo("[namn borttaget] och [namn borttaget]; Karins bil");
		assertThat(CommentText.parts(once, true)).extracting(CommentText.Part::original)
			.containsExactly("Karin", null, "karin", null);
		String undone = CommentText.undo(once, 1, "karin").orElseThrow();
		assertThat(CommentText.released(undone, true)).isEqualTo("[namn borttaget] och karin; Karins bil");
		assertThat(CommentText.undo(once, 1, "Karin")).isEmpty();
		assertThat(CommentText.remove("Anna", false, "an", "[x]")).isEmpty();
		assertThat(CommentText.remove("Ö-gruppen", false, "Ö", "[x]")).isPresent();
	}

	private long cycle() {
		long cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', date '2026-03-27', 'closed') returning id
				""").param("org", this.organisation).param("instrument", this.instrument).query(Long.class).single();
		group(cycle, "BOF", null, 1);
		group(cycle, "BOF-MOT", "BOF", 9);
		group(cycle, "BOF-UTR", "BOF", 12);
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				values (:id, :cycle, :unit, 'free', :text)
				""")
			.param("id", UUID.randomUUID())
			.param("cycle", cycle)
			.param("unit", this.units.get("BOF-UTR"))
			.param("text", TEXT)
			.update();
		return cycle;
	}

	private String comment(long cycle) {
		return this.jdbc.sql("select id::text from survey_comment where cycle_id = :c")
			.param("c", cycle)
			.query(String.class)
			.single();
	}

	private String reviewed(long cycle) {
		return this.jdbc.sql("select redacted from survey_comment where cycle_id = :c")
			.param("c", cycle)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void group(long cycle, String code, String parent, int respondents) {
		this.jdbc.sql("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				values (:cycle, :unit, :parent, :name, :invited)
				""")
			.param("cycle", cycle)
			.param("unit", this.units.get(code))
			.param("parent", (parent != null) ? this.units.get(parent) : null)
			.param("name", code)
			.param("invited", respondents + 3)
			.update();
		for (int i = 0; i < respondents; i++) {
			this.jdbc.sql("insert into survey_response (id, cycle_id, unit_id) values (:id, :cycle, :unit)")
				.param("id", UUID.randomUUID())
				.param("cycle", cycle)
				.param("unit", this.units.get(code))
				.update();
		}
	}

	private List<String> approvals(long cycle) {
		return this.jdbc.sql("select side from survey_comment_approval where cycle_id = :cycle order by side")
			.param("cycle", cycle)
			.query(String.class)
			.list();
	}

	private void redirected(String who, String action, long cycle, Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = as(who,
				post("/surveys/results/" + cycle + "/comments/review/" + action))
			.with(csrf());
		params.forEach((name, value) -> request.param(name, value));
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private String refused(long cycle, String comment, String words, String label) throws Exception {
		return this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", comment)
				.param("words", words)
				.param("label", label))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String review(String who, long cycle) throws Exception {
		return this.mvc.perform(as(who, get("/surveys/results/" + cycle + "/comments/review")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername(username))).locale(Locale.ENGLISH);
	}

}
