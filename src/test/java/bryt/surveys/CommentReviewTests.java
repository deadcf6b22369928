package bryt.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Comments of a closed cycle (issue 13 item 3): reviewed by one reviewer of each party,
 * released when both approved the current text, shown shuffled at the comment minimum.
 *
 * <p>
 * Each test gets a closed annual cycle of its own in the demo municipality (Swedish), its
 * snapshot named by unit code:
 *
 * <pre>
 * unit     parent  respondents  comments
 * BOF      –       1            –
 * BOF-MOT  BOF     9            "MOT: the phones never stop"
 * BOF-UTR  BOF     12           "UTR comment 1" … "UTR comment 20" (comment 1 names Karin Lind)
 * VUX      –       9            "VUX: nobody listens"
 * </pre>
 *
 * By hand, scores at 5: BOF less its shown children (BOF-MOT 9, BOF-UTR 12) leaves 1 &lt;
 * 5, so the smaller, BOF-MOT, is hidden (complementary), leaving 10. Comments at 10, only
 * where scores are shown: BOF-MOT hidden; VUX 9 &lt; 10 hidden (a root: no parent to
 * count in); BOF (22) less BOF-UTR (12) leaves 1 + 9 = 10 ≥ 10, so BOF and BOF-UTR (12)
 * show comments. So BOF-MOT's comment is reviewed and shown as BOF's (its parent reaches
 * the minimum), BOF-UTR's 20 as BOF-UTR's (and in BOF), and VUX's comment is never shown
 * to anyone, reviewers included.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentReviewTests {

	private static final String BELOW = "Hidden: too few answered to keep everyone anonymous.";

	private static final String UNDER_REVIEW = "The comments are under review";

	private static final Pattern COMMENT = Pattern.compile("<blockquote class=\"bryt-comment\">(.*?)</blockquote>",
			Pattern.DOTALL);

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
				values (:org, 'comment-review-test', '{"en": "Comment test"}', '{en}', false) returning id
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
	 * A closed cycle with the snapshot, respondents and comments of the class comment.
	 */
	private long cycle() {
		long cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', date '2026-03-27', 'closed') returning id
				""").param("org", this.organisation).param("instrument", this.instrument).query(Long.class).single();
		group(cycle, "BOF", null, 1);
		group(cycle, "BOF-MOT", "BOF", 9);
		group(cycle, "BOF-UTR", "BOF", 12);
		group(cycle, "VUX", null, 9);
		comment(cycle, "BOF-MOT", "MOT: the phones never stop");
		comment(cycle, "BOF-UTR", "UTR comment 1: Karin Lind never has time, ask karin lind yourself");
		for (int i = 2; i <= 20; i++) {
			comment(cycle, "BOF-UTR", "UTR comment " + i);
		}
		comment(cycle, "VUX", "VUX: nobody listens");
		return cycle;
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

	private void comment(long cycle, String code, String text) {
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				values (:id, :cycle, :unit, 'free', :text)
				""")
			.param("id", UUID.randomUUID())
			.param("cycle", cycle)
			.param("unit", this.units.get(code))
			.param("text", text)
			.update();
	}

	@Test
	void commentsOfAUnitOfNineAreNeverShownAndOfTwelveAreOnceBothSidesApproved() throws Exception {
		long cycle = cycle();
		String review = review("hr", cycle);
		List<String> reviewed = comments(review);
		// 20 of BOF-UTR and BOF-MOT's one (shown as BOF's); never VUX's
		assertThat(reviewed).hasSize(21).contains("MOT: the phones never stop").doesNotContain("VUX: nobody listens");
		assertThat(review).contains("BOF: What would make work better?", "BOF-UTR: What would make work better?")
			.doesNotContain("BOF-MOT:")
			.doesNotContain("VUX:");
		assertThat(comments(review("union", cycle))).containsExactlyInAnyOrderElementsOf(reviewed);
		approve("hr", cycle);
		approve("union", cycle);

		assertThat(comments(page("committee", cycle, "BOF-UTR"))).hasSize(20)
			.allMatch((text) -> text.startsWith("UTR comment "));
		assertThat(comments(page("committee", cycle, "BOF"))).hasSize(21).contains("MOT: the phones never stop");
		String mot = page("committee", cycle, "BOF-MOT");
		assertThat(comments(mot)).isEmpty();
		assertThat(mot).contains("Hidden: showing it would let a smaller group beside it be worked out");
		String vux = page("committee", cycle, "VUX");
		assertThat(comments(vux)).isEmpty();
		assertThat(vux).contains(BELOW).doesNotContain("nobody listens");
		// never reviewed, never to be shown: its original text is not kept after the
		// release
		assertThat(this.jdbc.sql("select count(*) from survey_comment where cycle_id = :cycle and unit_id = :vux")
			.param("cycle", cycle)
			.param("vux", this.units.get("VUX"))
			.query(Integer.class)
			.single()).isZero();
		// the union sees the units it represents (BOF and below), the same texts
		assertThat(comments(page("union", cycle, "BOF-UTR"))).hasSize(20);
		assertThat(page("union", cycle, "VUX")).doesNotContain("VUX");
		assertThat(page("manager", cycle, null)).contains("Comments: BOF-UTR");
	}

	@Test
	void releaseNeedsBothSides() throws Exception {
		long cycle = cycle();
		approve("hr", cycle);
		String before = page("committee", cycle, "BOF-UTR");
		assertThat(before).contains(UNDER_REVIEW);
		assertThat(comments(before)).isEmpty();
		assertThat(review("union", cycle)).contains("Approved by");
		approve("union", cycle);
		String after = page("committee", cycle, "BOF-UTR");
		assertThat(after).doesNotContain(UNDER_REVIEW);
		assertThat(comments(after)).hasSize(20);
		// released: nothing more is removed, and a second approval changes nothing
		assertThat(redact("hr", cycle, id(cycle, "UTR comment 5"), "comment")).contains("have been released");
		assertThat(comments(page("committee", cycle, "BOF-UTR"))).contains("UTR comment 5");
	}

	@Test
	void aRemovalAfterAnApprovalTakesTheOtherSidesBackAndTheOriginalIsNotKept() throws Exception {
		long cycle = cycle();
		approve("union", cycle);
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE");
		String karin = id(cycle, "UTR comment 1:");
		this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", karin)
				.param("words", "Karin Lind"))
			.andExpect(status().is3xxRedirection());
		assertThat(approvals(cycle)).isEmpty();
		approve("hr", cycle);
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(page("committee", cycle, "BOF-UTR")).contains(UNDER_REVIEW);
		approve("union", cycle);
		// both cases of the name are gone, in the organisation's language (Swedish)
		String expected = "UTR comment 1: [namn borttaget] never has time, ask [namn borttaget] yourself";
		assertThat(comments(page("committee", cycle, "BOF-UTR"))).contains(expected);
		List<String> stored = this.jdbc
			.sql("select text || ' ' || coalesce(redacted, '') from survey_comment where cycle_id = :cycle")
			.param("cycle", cycle)
			.query(String.class)
			.list();
		assertThat(stored).hasSize(21).noneMatch((text) -> text.toLowerCase(Locale.ROOT).contains("karin"));
		assertThat(this.jdbc.sql("select count(*) from survey_comment where cycle_id = :cycle and redacted is not null")
			.param("cycle", cycle)
			.query(Integer.class)
			.single()).isZero();
		// the reviewers are named on the approvals, not on a comment
		assertThat(this.jdbc.sql("select approved_by from survey_comment_approval where cycle_id = :cycle")
			.param("cycle", cycle)
			.query(String.class)
			.list()).hasSize(2);
	}

	@Test
	void theOrderDiffersBetweenViewsAndNoIdOrDateIsShown() throws Exception {
		long cycle = cycle();
		approve("hr", cycle);
		approve("union", cycle);
		String first = page("committee", cycle, "BOF-UTR");
		String second = page("committee", cycle, "BOF-UTR");
		// 20 comments: two views in the same order by chance with probability 1/20! ≈
		// 4·10⁻¹⁹
		assertThat(comments(first)).hasSize(20).containsExactlyInAnyOrderElementsOf(comments(second));
		assertThat(comments(first)).isNotEqualTo(comments(second));
		String ids = String.join(" ",
				this.jdbc.sql("select id::text from survey_comment where cycle_id = :cycle")
					.param("cycle", cycle)
					.query(String.class)
					.list());
		for (String id : ids.split(" ")) {
			assertThat(first).doesNotContain(id);
		}
		// no date near the comments (the heading names the cycle by its opening day)
		assertThat(first.substring(first.indexOf("id=\"comments\""))).doesNotContainPattern("20[0-9]{2}-[0-9]{2}");
	}

	@Test
	void anIdentityNumberIsRemovedBeforeReview() throws Exception {
		long cycle = cycle();
		comment(cycle, "BOF-UTR", "Call me on 19121212-1212 or 121212-1212");
		String review = review("hr", cycle);
		assertThat(review).doesNotContain("1212-1212")
			.contains("Call me on [personnummer borttaget] or [personnummer borttaget]");
		assertThat(this.jdbc.sql("select text from survey_comment where cycle_id = :cycle and text like 'Call me%'")
			.param("cycle", cycle)
			.query(String.class)
			.single()).isEqualTo("Call me on [personnummer borttaget] or [personnummer borttaget]");
	}

	@Test
	void badRemovalsGetAMessageAndChangeNothing() throws Exception {
		long cycle = cycle();
		approve("union", cycle);
		String id = id(cycle, "UTR comment 3");
		assertThat(redact("hr", cycle, id, "  ")).contains("Enter the name to remove")
			.contains("<title>Error: Review comments: Annual work-environment survey, 2026-03-02");
		assertThat(review("hr", cycle)).contains("<title>Review comments: Annual work-environment survey, 2026-03-02");
		assertThat(redact("hr", cycle, id, "Sven")).contains("does not contain those words");
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE");
		assertThat(this.jdbc.sql("select count(*) from survey_comment where cycle_id = :cycle and redacted is not null")
			.param("cycle", cycle)
			.query(Integer.class)
			.single()).isZero();
		// VUX's comment is not the reviewers' to see, nor to change
		this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", id(cycle, "VUX: nobody listens"))
				.param("words", "nobody"))
			.andExpect(status().isNotFound());
	}

	@Test
	void anotherOrganisationsCycleIsNotFoundAndOnlyReviewersReviewWithAToken() throws Exception {
		CycleFixture.Org other = this.fixture.create();
		long foreign = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', date '2026-03-27', 'closed') returning id
				""").param("org", other.id()).param("instrument", other.instrument()).query(Long.class).single();
		for (String who : List.of("hr", "union", "admin")) {
			this.mvc.perform(as(who, get("/surveys/results/" + foreign + "/comments/review")))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(as(who, post("/surveys/results/" + foreign + "/comments/review/approve"))
					.param("version", this.commentReview.textVersion(foreign))
					.with(csrf()))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(as(who, post("/surveys/results/" + foreign + "/comments/review/redact")).with(csrf())
					.param("comment", UUID.randomUUID().toString())
					.param("words", "x"))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(as("committee", get("/surveys/results/" + foreign + "/comments")))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from survey_comment_approval where cycle_id = :cycle")
			.param("cycle", foreign)
			.query(Integer.class)
			.single()).isZero();

		long cycle = cycle();
		// a forged post (no CSRF token) records nothing
		this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/approve")).param("version",
					this.commentReview.textVersion(cycle)))
			.andExpect(status().isForbidden());
		for (String who : List.of("committee", "manager", "staff")) {
			this.mvc.perform(as(who, get("/surveys/results/" + cycle + "/comments/review")))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(as(who, post("/surveys/results/" + cycle + "/comments/review/approve"))
					.param("version", this.commentReview.textVersion(cycle))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(as("staff", get("/surveys/results/" + cycle + "/comments"))).andExpect(status().isForbidden());
		assertThat(approvals(cycle)).isEmpty();
	}

	/**
	 * The outsider review of 2026-11-30: the union removed a name and kept the page open;
	 * HR undid that removal, removed another word and approved; the union's approval from
	 * the old page released texts it had never seen. An approval is now of the texts the
	 * page showed: from a page older than a change it is refused and records nothing, and
	 * from the page read again it counts.
	 */
	@Test
	void anApprovalFromAPageOlderThanAChangeIsRefusedAndNothingIsReleased() throws Exception {
		long cycle = cycle();
		String karin = id(cycle, "UTR comment 1:");
		this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", karin)
				.param("words", "Karin Lind"))
			.andExpect(status().is3xxRedirection());
		String unionsPage = review("union", cycle);
		String read = version(unionsPage);
		// HR changes the texts after the union's page was drawn, and approves
		this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", karin)
				.param("words", "ask"))
			.andExpect(status().is3xxRedirection());
		approve("hr", cycle);
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");

		String refused = this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/approve")).with(csrf())
				.param("version", read))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("the comments changed after you opened this page");
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(page("committee", cycle, "BOF-UTR")).contains(UNDER_REVIEW);
		String reviewLink = "href=\"/surveys/results/" + cycle + "/comments/review\"";
		assertThat(page("union", cycle, "BOF-UTR")).contains(reviewLink);

		// read again: the page's version is the texts' new one, and the approval releases
		String again = version(review("union", cycle));
		assertThat(again).isNotEqualTo(read);
		this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/approve")).with(csrf())
				.param("version", again))
			.andExpect(status().is3xxRedirection());
		assertThat(page("committee", cycle, "BOF-UTR")).doesNotContain(UNDER_REVIEW);
		// released: no link back to a review that would only send the reviewer here again
		assertThat(page("union", cycle, "BOF-UTR")).doesNotContain(reviewLink);
	}

	/**
	 * The outsider review of 2026-11-30 evening: the union removed a name and approved; a
	 * safety representative (the same side) undid the removal; HR approved; the name was
	 * released under the union's approval of a text without it. A change now takes back
	 * every approval of the comment, the changer's side's too; and an approval without
	 * the version of the texts read is refused.
	 */
	@Test
	void aChangeBySomeoneOfTheSameSideTakesThatSidesApprovalBackAndAnApprovalNeedsTheVersionRead() throws Exception {
		long cycle = cycle();
		String karin = id(cycle, "UTR comment 1:");
		this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", karin)
				.param("words", "Karin Lind"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/approve")).with(csrf())
				.param("version", version(review("union", cycle))))
			.andExpect(status().is3xxRedirection());
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE");

		review("safety", cycle);
		this.mvc
			.perform(as("safety", post("/surveys/results/" + cycle + "/comments/review/undo")).with(csrf())
				.param("comment", karin)
				.param("removal", "0")
				.param("original", "Karin Lind"))
			.andExpect(status().is3xxRedirection());
		assertThat(approvals(cycle)).as("the union approved a text without the name").isEmpty();

		this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/approve")).with(csrf())
				.param("version", version(review("hr", cycle))))
			.andExpect(status().is3xxRedirection());
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(page("committee", cycle, "BOF-UTR")).contains(UNDER_REVIEW).doesNotContain("Karin Lind");

		// a forged approval without the version read: refused, nothing recorded
		String refused = this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/approve")).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("the comments changed after you opened this page");
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(page("committee", cycle, "BOF-UTR")).contains(UNDER_REVIEW);
	}

	/**
	 * The evening's second outsider review: the union representative's account, linked to
	 * the employer's identity provider, approved for the employee side from a session
	 * through that provider, which the employer's IT controls. Refused with a message,
	 * nothing recorded; from a session of its own it counts.
	 */
	@Test
	void anEmployeeSideApprovalFromASessionThroughTheEmployersProviderIsRefused() throws Exception {
		long cycle = cycle();
		bryt.shared.security.OidcLogin throughEmployer = bryt.EmployerProviderSession.of(this.jdbc, this.organisation,
				"crt-" + cycle + "-e", this.accounts.loadUserByUsername("union"));
		String read = version(review("union", cycle));

		String refused = this.mvc
			.perform(post("/surveys/results/" + cycle + "/comments/review/approve?lang=en").param("version", read)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.authentication(throughEmployer))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("you logged in through the employer&#39;s identity provider");
		assertThat(approvals(cycle)).isEmpty();

		this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/approve")).with(csrf())
				.param("version", read))
			.andExpect(status().is3xxRedirection());
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE");
	}

	private static String version(String reviewPage) {
		Matcher matcher = Pattern.compile("name=\"version\" value=\"([0-9a-f]{64})\"").matcher(reviewPage);
		assertThat(matcher.find()).as("the approval form names the texts' version").isTrue();
		return matcher.group(1);
	}

	private List<String> approvals(long cycle) {
		return this.jdbc.sql("select side from survey_comment_approval where cycle_id = :cycle order by side")
			.param("cycle", cycle)
			.query(String.class)
			.list();
	}

	private String id(long cycle, String prefix) {
		return this.jdbc.sql("select id::text from survey_comment where cycle_id = :cycle and text like :prefix")
			.param("cycle", cycle)
			.param("prefix", prefix + "%")
			.query(String.class)
			.single();
	}

	private void approve(String who, long cycle) throws Exception {
		this.mvc
			.perform(as(who, post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private String redact(String who, long cycle, String comment, String words) throws Exception {
		return this.mvc
			.perform(as(who, post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", comment)
				.param("words", words))
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

	private String page(String who, long cycle, String unit) throws Exception {
		MockHttpServletRequestBuilder request = get("/surveys/results/" + cycle + "/comments");
		if (unit != null) {
			request.param("unit", String.valueOf(this.units.get(unit)));
		}
		return this.mvc.perform(as(who, request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> comments(String page) {
		List<String> texts = new ArrayList<>();
		Matcher matcher = COMMENT.matcher(page);
		while (matcher.find()) {
			texts.add(matcher.group(1).strip());
		}
		return texts;
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.accounts.loadUserByUsername(username))).locale(Locale.ENGLISH);
	}

}
