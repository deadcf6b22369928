package bryt.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import bryt.BrytTest;
import bryt.organisation.CurrentAccount;
import bryt.organisation.SecondFactorStepUp;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.shared.DemoMode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The comment review after the second outside review (docs/surveys/comments.md). F2:
 * removals take whole words only, at most 60 characters, and until the release the other
 * side sees the words each removal replaced and may put them back, which takes back the
 * other side's approval as a removal does; the release keeps the labels and none of the
 * removed words. F3: a reviewer sees the comments of its own units only, approves only
 * when it sees them all, and after the release the review page lists nothing.
 *
 * <p>
 * Cycles in the demo municipality as {@code CommentReviewPartiesTests}: BOF 1 respondent,
 * BOF-MOT 9, BOF-UTR 12 with the one comment, shown under BOF-UTR. The demo's {@code hr}
 * and {@code union} review (the demo accounts stand a year, their passwords as their
 * holders'), each for their side.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentReviewSecondReviewTests {

	/** The demo's union representative as an approval names it. */
	private static final String UNION = "Demo: fackligt ombud barn och familj (union)";

	private static final String TEXT = "Vi mår inte bra. Anna på mottagningen är bra, men chefen ignorerar hot från klienter och ledningen döljer det.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CommentReview commentReview;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CycleFixture fixture;

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
		// The words are back, marked as put back by the employee side until the release
		// (brief surveys2, item 2: HR does not approve the changed comment blind).
		assertThat(review("hr", cycle)).doesNotContain("bryt-removed\"")
			.contains("Vi mår <ins class=\"bryt-put-back\"><span class=\"govuk-visually-hidden\">put back by the "
					+ "employee side: </span>inte</ins> bra.")
			.contains("Words removed from this comment were put back by the employee side.");

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

	/**
	 * A cycle with a second root group, EKB (12 respondents, shown), whose comment the
	 * union (covering BOF) neither sees nor may change, and whose presence keeps the
	 * union's approval from counting; HR sees both. An employee-side account covering
	 * both departments approves; after the release the review page sends everyone to the
	 * comments page, which shows the union its own units only.
	 */
	@Test
	void aReviewerSeesItsOwnUnitsAndNothingAfterTheRelease() throws Exception {
		long cycle = cycle();
		group(cycle, "EKB", null, 12);
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				values (:id, :cycle, :unit, 'free', 'EB-kommentar om handläggningen')
				""").param("id", UUID.randomUUID()).param("cycle", cycle).param("unit", this.units.get("EKB")).update();
		String eb = this.jdbc.sql("select id::text from survey_comment where cycle_id = :c and text like 'EB-%'")
			.param("c", cycle)
			.query(String.class)
			.single();
		assertThat(review("union", cycle)).contains("Vi mår inte bra")
			.doesNotContain("EB-kommentar")
			.doesNotContain(eb);
		assertThat(review("hr", cycle)).contains("Vi mår inte bra").contains("EB-kommentar");
		this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", eb)
				.param("words", "handläggningen"))
			.andExpect(status().isNotFound());
		assertThat(this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("some comments are of units you do not cover");
		assertThat(approvals(cycle)).isEmpty();
		long both = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, created_at,
					password_set_by_holder_at)
				select :org, 'f3-both-departments', 'F3 both', password_hash, '{SAFETY_REPRESENTATIVE}',
					now() - interval '1 year', now() - interval '1 year'
				from account where username = 'union'
				returning id
				""").param("org", this.organisation).query(Long.class).single();
		for (String code : List.of("BOF", "EKB")) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", this.organisation)
				.param("id", both)
				.param("unit", this.units.get(code))
				.update();
		}
		redirected("hr", "approve", cycle, Map.of());
		this.mvc
			.perform(as("f3-both-departments", post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(redirectedUrl("/surveys/results/" + cycle + "/comments"));
		for (String who : List.of("union", "hr")) {
			this.mvc.perform(as(who, get("/surveys/results/" + cycle + "/comments/review")))
				.andExpect(redirectedUrl("/surveys/results/" + cycle + "/comments"));
		}
		String released = this.mvc
			.perform(as("union",
					get("/surveys/results/" + cycle + "/comments").param("unit",
							String.valueOf(this.units.get("EKB")))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(released).doesNotContain("EB-kommentar");
	}

	/**
	 * F4: two sessions of an HR account (no second factor) opened while nothing waited
	 * for review. Comments then wait: the first session's GET of the review and the
	 * second's POST of an approval are each held at the second-factor form, nothing
	 * approved. The first sets up its second factor and comes back to the review page;
	 * after that it reads the review.
	 */
	@Test
	void aSessionThatBeganBeforeCommentsWaitedNeedsTheSecondFactorOnEveryReviewRoute() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		String hr = org.code() + "-hr2";
		this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				select :org, :username, 'HR två', password_hash, '{HR}' from account where username = 'union'
				""").param("org", org.id()).param("username", hr).update();
		Browser reader = new Browser();
		Browser approver = new Browser();
		for (Browser browser : List.of(reader, approver)) {
			assertThat(browser.logIn(hr).getResponse().getRedirectedUrl()).isEqualTo("/");
		}
		long cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', date '2026-03-27', 'closed') returning id
				""").param("org", org.id()).param("instrument", org.instrument()).query(Long.class).single();
		this.jdbc.sql("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				values (:cycle, :unit, null, 'A', 15)
				""").param("cycle", cycle).param("unit", org.a()).update();
		for (int i = 0; i < 12; i++) {
			this.jdbc.sql("insert into survey_response (id, cycle_id, unit_id) values (:id, :cycle, :unit)")
				.param("id", UUID.randomUUID())
				.param("cycle", cycle)
				.param("unit", org.a())
				.update();
		}
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				values (:id, :cycle, :unit, 'free', 'Väntar på granskning')
				""").param("id", UUID.randomUUID()).param("cycle", cycle).param("unit", org.a()).update();
		String review = "/surveys/results/" + cycle + "/comments/review";
		assertThat(reader.perform(get(review)).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
		assertThat(approver.perform(post(review + "/approve").with(csrf())).getResponse().getRedirectedUrl())
			.isEqualTo("/login/second-factor");
		assertThat(approvals(cycle)).isEmpty();
		String enrolment = reader.perform(get("/login/second-factor")).getResponse().getContentAsString();
		Matcher secret = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>").matcher(enrolment);
		assertThat(secret.find()).isTrue();
		String code = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret.group(1).replace(" ", ""),
				System.currentTimeMillis() / 1000 / 30);
		assertThat(reader.perform(post("/login/second-factor/enrol").with(csrf()).param("code", code))
			.getResponse()
			.getContentAsString()).contains("<code>");
		assertThat(reader.perform(get(review)).getResponse().getContentAsString()).contains("Väntar på granskning");
		assertThat(approver.perform(get(review)).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
	}

	/**
	 * The demo: its second annual survey left comments in Barn och familj (made through
	 * the answer path), which wait for review (unless a test here released them), and the
	 * demo's union, covering Barn och familj, sees them all and may approve.
	 */
	@Test
	void theDemoHasCommentsToReview() throws Exception {
		long second = this.jdbc.sql("""
				select y.id from survey_cycle y join survey_instrument i on i.id = y.instrument_id
				where y.organisation_id = :org and i.organisation_id = :org and i.key = :pack and y.status = 'closed'
				""")
			.param("org", this.organisation)
			.param("pack", InstrumentImport.key(DemoSurveys.MEETING_PACK_NAME))
			.query(Long.class)
			.single();
		List<String> units = this.jdbc.sql("""
				select u.code from survey_comment c join unit u on u.id = c.unit_id where c.cycle_id = :c
				""").param("c", second).query(String.class).list();
		assertThat(units).hasSizeGreaterThan(5).allMatch((code) -> code.startsWith("BOF"));
		if (this.jdbc.sql("select count(*) from survey_comment_release where cycle_id = :c")
			.param("c", second)
			.query(Integer.class)
			.single() == 0) {
			String page = review("union", second);
			assertThat(page).contains("bryt-comment-review").doesNotContain("id=\"covering\"");
		}
	}

	/** The words the pure text functions take and give, by hand. */
	@Test
	void textFunctions() {
		String once = CommentText.remove("Karin och karin; Karins bil", false, "karin", "[namn borttaget]")
			.orElseThrow();
		assertThat(CommentText.released(once, true)).isEqualTo("[namn borttaget] och [namn borttaget]; Karins bil");
		assertThat(CommentText.parts(once, true)).extracting(CommentText.Part::original)
			.containsExactly("Karin", null, "karin", null);
		String undone = CommentText.undo(once, 1, "karin", CommentSide.EMPLOYEE).orElseThrow();
		assertThat(CommentText.released(undone, true)).isEqualTo("[namn borttaget] och karin; Karins bil");
		assertThat(CommentText.undo(once, 1, "Karin", CommentSide.EMPLOYEE)).isEmpty();
		assertThat(CommentText.remove("Anna", false, "an", "[x]")).isEmpty();
		assertThat(CommentText.remove("Ö-gruppen", false, "Ö", "[x]")).isPresent();
	}

	/**
	 * F3's per-unit approval (issue 13, brief surveys item 4): comments shown under
	 * BOF-UTR (the demo's {@code union} covers BOF) and under EKB (12 respondents, a
	 * root: shown at the comment minimum 10), which only {@code f3-ekb} covers. Each
	 * representative approves its own units; a removal by HR in EKB's comment takes back
	 * EKB's approval only; the release waits for HR and both units, then happens.
	 */
	@Test
	void eachRepresentativeApprovesTheUnitsItCoversAndTheReleaseWaitsForAll() throws Exception {
		long cycle = cycle();
		group(cycle, "EKB", null, 12);
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				values (:id, :cycle, :unit, 'free', 'EB-kommentar om handläggningen')
				""").param("id", UUID.randomUUID()).param("cycle", cycle).param("unit", this.units.get("EKB")).update();
		String eb = this.jdbc.sql("select id::text from survey_comment where cycle_id = :c and text like 'EB-%'")
			.param("c", cycle)
			.query(String.class)
			.single();
		representative("f3-ekb", "EKB");
		representative("f3-vux", "VUX");

		// The union's approval covers BOF-UTR's comment only; nothing released.
		assertThat(approve("union", cycle).getResponse().getContentAsString())
			.contains("Your approval is recorded for the comments of the units you cover");
		assertThat(unitApprovals(cycle)).containsExactly("BOF-UTR " + UNION);
		assertThat(approvals(cycle)).isEmpty();
		// A representative of no unit with comments has nothing to approve.
		assertThat(approve("f3-vux", cycle).getResponse().getContentAsString())
			.contains("some comments are of units you do not cover, and one approval releases them all");
		assertThat(unitApprovals(cycle)).containsExactly("BOF-UTR " + UNION);

		assertThat(approve("f3-ekb", cycle).getResponse().getContentAsString())
			.contains("Your approval is recorded for the comments of the units you cover");
		assertThat(unitApprovals(cycle)).containsExactly("BOF-UTR " + UNION, "EKB Rep f3-ekb (f3-ekb)");
		assertThat(released(cycle)).isFalse();

		// HR removes a word from EKB's comment: EKB's approval goes, BOF-UTR's stays.
		redirected("hr", "redact", cycle, Map.of("comment", eb, "words", "handläggningen"));
		assertThat(unitApprovals(cycle)).containsExactly("BOF-UTR " + UNION);
		redirected("hr", "approve", cycle, Map.of());
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(released(cycle)).isFalse();
		// Each representative sees its own units' approvals.
		assertThat(review("union", cycle)).contains("BOF-UTR: approved by " + UNION).doesNotContain("EB-kommentar");
		assertThat(review("f3-ekb", cycle)).contains("EB-kommentar").doesNotContain("BOF-UTR: approved");

		this.mvc
			.perform(as("f3-ekb", post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(redirectedUrl("/surveys/results/" + cycle + "/comments"));
		assertThat(released(cycle)).isTrue();
		assertThat(this.jdbc.sql("select text from survey_comment where cycle_id = :c and text like 'EB-%'")
			.param("c", cycle)
			.query(String.class)
			.single()).doesNotContain("handläggningen");
	}

	/**
	 * A safety representative of the demo municipality covering units, standing a year.
	 */
	private void representative(String username, String... unitCodes) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, created_at,
					password_set_by_holder_at)
				select :org, :username, :name, password_hash, '{SAFETY_REPRESENTATIVE}',
					now() - interval '1 year', now() - interval '1 year'
				from account where username = 'union'
				returning id
				""")
			.param("org", this.organisation)
			.param("username", username)
			.param("name", "Rep " + username)
			.query(Long.class)
			.single();
		for (String code : unitCodes) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", this.organisation)
				.param("id", id)
				.param("unit", this.units.get(code))
				.update();
		}
	}

	private MvcResult approve(String who, long cycle) throws Exception {
		return this.mvc
			.perform(as(who, post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
	}

	private List<String> unitApprovals(long cycle) {
		return this.jdbc.sql("""
				select g.name || ' ' || a.approved_by from survey_comment_unit_approval a
				join survey_group g on g.cycle_id = a.cycle_id and g.unit_id = a.unit_id
				where a.cycle_id = :cycle order by g.name
				""").param("cycle", cycle).query(String.class).list();
	}

	private boolean released(long cycle) {
		return this.jdbc.sql("select exists (select 1 from survey_comment_release where cycle_id = :cycle)")
			.param("cycle", cycle)
			.query(Boolean.class)
			.single();
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
		if (action.equals("approve")) {
			// as the review page's form sends it: the version of the texts it showed
			request.param("version", this.commentReview.textVersion(cycle));
		}
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

	/**
	 * A request of the account's login, which has passed the second factor (F4: the
	 * review asks on every request).
	 */
	/** A browser: its session cookie kept from one request to the next. */
	private final class Browser {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		MvcResult logIn(String username) throws Exception {
			perform(get("/login"));
			return perform(
					post("/login").with(csrf()).param("username", username).param("password", DemoMode.PASSWORD));
		}

		MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
			if (!this.cookies.isEmpty()) {
				request.cookie(this.cookies.entrySet()
					.stream()
					.map((cookie) -> new Cookie(cookie.getKey(), cookie.getValue()))
					.toArray(Cookie[]::new));
			}
			request.locale(Locale.ENGLISH);
			MvcResult result = CommentReviewSecondReviewTests.this.mvc.perform(request).andReturn();
			for (Cookie cookie : result.getResponse().getCookies()) {
				if (cookie.getMaxAge() == 0) {
					this.cookies.remove(cookie.getName());
				}
				else {
					this.cookies.put(cookie.getName(), cookie.getValue());
				}
			}
			return result;
		}

	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		CurrentAccount account = (CurrentAccount) this.accounts.loadUserByUsername(username);
		List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(SecondFactorStepUp.PASSED));
		return request
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(account, null, authorities)))
			.locale(Locale.ENGLISH);
	}

}
