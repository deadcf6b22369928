package bryt.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.organisation.CurrentAccount;
import bryt.organisation.SecondFactorStepUp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review's usability findings (brief surveys2): words one side puts back are marked,
 * with that side, to the other until the release (item 2); a removal in every comment the
 * reviewer sees, and links to the comments reviewers changed (item 3).
 *
 * <p>
 * Each test has an organisation of its own ({@link CycleFixture}: D with A and B) and a
 * closed annual survey whose snapshot is D (root), A and B with 12 respondents each: at
 * the comment minimum of 10 both A and B show their comments (none hidden, so nothing
 * else needs hiding). {@code hr} reviews for the employer, {@code rep} (union, covering
 * D, so A and B) for the employee side, {@code repb} (safety representative) covers B
 * only. Comment ids are chosen, so that the page's order (by group, then id) is known.
 */
@BrytTest
class CommentReviewUsabilityTests {

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CommentReview commentReview;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private PasswordEncoder passwords;

	/**
	 * HR removes "Karin"; the representative puts it back. HR's page shows the words
	 * marked as put back by the employee side, with a warning on the comment and a link
	 * to it at the top; the representative's page shows the same. The released text is
	 * the respondent's, without any mark.
	 */
	@Test
	void wordsPutBackAreMarkedToTheOtherSideUntilTheRelease() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		String hr = account(org, "hr", "HR", null);
		String rep = account(org, "rep", "UNION_REPRESENTATIVE", org.d());
		long cycle = cycle(org);
		String karin = comment(cycle, org.a(), 1, "Karin sa att vi ska vänta.");
		comment(cycle, org.b(), 2, "Mer tid för handledning.");

		act(hr, cycle, "redact", Map.of("comment", karin, "words", "Karin", "label", "NAME"));
		act(rep, cycle, "undo", Map.of("comment", karin, "removal", "0", "original", "Karin"));

		String marked = "<ins class=\"bryt-put-back\"><span class=\"govuk-visually-hidden\">put back by the employee "
				+ "side: </span>Karin</ins> sa att vi ska vänta.";
		String hrPage = review(hr, cycle);
		assertThat(hrPage).contains(marked)
			.contains("Words removed from this comment were put back by the employee side. Read it again before you "
					+ "approve.")
			.contains("<a class=\"govuk-link\" href=\"#comment-1\">Comment 1, Enhet A " + org.code()
					+ ": no removals, words put back</a>")
			.contains("id=\"comment-1\"")
			.doesNotContain("href=\"#comment-2\"");
		assertThat(review(rep, cycle)).contains(marked);
		assertThat(this.jdbc.sql("select redacted from survey_comment where id = :id")
			.param("id", UUID.fromString(karin))
			.query(String.class)
			.single()).isEqualTo("\uE003EMPLOYEE\uE002Karin\uE001 sa att vi ska vänta.");

		act(hr, cycle, "approve", Map.of());
		act(rep, cycle, "approve", Map.of());
		assertThat(this.jdbc.sql("select text from survey_comment where id = :id")
			.param("id", UUID.fromString(karin))
			.query(String.class)
			.single()).isEqualTo("Karin sa att vi ska vänta.");
	}

	/**
	 * "Karin" removed in every comment HR sees, as whole words: in two comments of A and
	 * in "Karin-gruppen" (a hyphen is not part of a word), not in "Karins". Refused with
	 * a message and nothing changed: words no comment has, words only in comments the
	 * reviewer does not see (repb covers B; "saknar" is in A's), and a page older than a
	 * change. Each occurrence is a removal the other side sees and may undo; the
	 * representative's approval is taken back; the release keeps the labels.
	 */
	@Test
	void aRemovalInEveryCommentTakesTheWordsWhereverTheyOccurAsWholeWords() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		String hr = account(org, "hr", "HR", null);
		String rep = account(org, "rep", "UNION_REPRESENTATIVE", org.d());
		String repb = account(org, "repb", "SAFETY_REPRESENTATIVE", org.b());
		long cycle = cycle(org);
		String a1 = comment(cycle, org.a(), 11, "Karin är bra men Karin hinner inte.");
		String a2 = comment(cycle, org.a(), 12, "Vi saknar karin på mötena.");
		String b1 = comment(cycle, org.b(), 13, "Karins bil står alltid i vägen.");
		String b2 = comment(cycle, org.b(), 14, "Karin-gruppen fungerar bra.");
		String b3 = comment(cycle, org.b(), 15, "Ingen nämns här.");
		act(rep, cycle, "approve", Map.of());
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE");

		// Nowhere, or only where the reviewer does not look: refused, nothing changed.
		assertThat(refused(hr, cycle, a1, "Pelle", null))
			.contains("No comment you review contains those words as whole words");
		assertThat(refused(repb, cycle, b1, "saknar", null))
			.contains("No comment you review contains those words as whole words");
		// A page shown before another reviewer's change: refused.
		String before = version(review(hr, cycle));
		act(repb, cycle, "redact", Map.of("comment", b1, "words", "vägen", "label", "PLACE"));
		assertThat(refused(hr, cycle, a1, "Karin", before))
			.contains("The comments changed after you opened this page: read them again, then remove the words");
		assertThat(reviewed(a1)).isNull();

		this.mvc
			.perform(as(hr, post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", a1)
				.param("words", "Karin")
				.param("label", "NAME")
				.param("version", version(review(hr, cycle)))
				.param("scope", "all"))
			.andExpect(redirectedUrl("/surveys/results/" + cycle + "/comments/review"))
			.andExpect(flash().attribute("notice", "surveys.comments.review.redactedEverywhere"))
			.andExpect(flash().attribute("noticeCount", 3));

		assertThat(CommentText.released(reviewed(a1), true))
			.isEqualTo("[namn borttaget] är bra men [namn borttaget] hinner inte.");
		assertThat(CommentText.parts(reviewed(a1), true)).extracting(CommentText.Part::original)
			.containsExactly("Karin", null, "Karin", null);
		assertThat(CommentText.released(reviewed(a2), true)).isEqualTo("Vi saknar [namn borttaget] på mötena.");
		assertThat(CommentText.parts(reviewed(a2), true)).extracting(CommentText.Part::original)
			.containsExactly(null, "karin", null);
		assertThat(CommentText.released(reviewed(b1), true)).isEqualTo("Karins bil står alltid i [plats borttagen].");
		assertThat(CommentText.released(reviewed(b2), true)).isEqualTo("[namn borttaget]-gruppen fungerar bra.");
		assertThat(reviewed(b3)).isNull();
		assertThat(approvals(cycle)).isEmpty();

		// Removals like the others: counted, linked, each with its undo button.
		String page = review(rep, cycle);
		assertThat(page).contains("5 comments, 5 removals.")
			.contains("href=\"#comment-1\">Comment 1, Enhet A " + org.code() + ": 2 removals, no words put back</a>")
			.contains("href=\"#comment-2\">Comment 2, Enhet A " + org.code() + ": 1 removal, no words put back</a>")
			.contains("href=\"#comment-3\">Comment 3, Enhet B " + org.code() + ": 1 removal, no words put back</a>")
			.contains("href=\"#comment-4\">Comment 4, Enhet B " + org.code() + ": 1 removal, no words put back</a>")
			.doesNotContain("href=\"#comment-5\"")
			.contains("Put back “karin”");

		act(hr, cycle, "approve", Map.of());
		act(rep, cycle, "approve", Map.of());
		assertThat(this.jdbc.sql("select text from survey_comment where cycle_id = :c order by id")
			.param("c", cycle)
			.query(String.class)
			.list()).containsExactly("[namn borttaget] är bra men [namn borttaget] hinner inte.",
					"Vi saknar [namn borttaget] på mötena.", "Karins bil står alltid i [plats borttagen].",
					"[namn borttaget]-gruppen fungerar bra.", "Ingen nämns här.");
	}

	/** The refused page of a removal in every comment; nothing is changed. */
	private String refused(String who, long cycle, String comment, String words, String version) throws Exception {
		Map<String, String> before = texts(cycle);
		MockHttpServletRequestBuilder request = as(who, post("/surveys/results/" + cycle + "/comments/review/redact"))
			.with(csrf())
			.param("comment", comment)
			.param("words", words)
			.param("label", "NAME")
			.param("scope", "all");
		if (version != null) {
			request.param("version", version);
		}
		String page = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem");
		assertThat(texts(cycle)).isEqualTo(before);
		return page;
	}

	private Map<String, String> texts(long cycle) {
		Map<String, String> texts = new java.util.HashMap<>();
		this.jdbc.sql("select id::text, coalesce(redacted, text) as current from survey_comment where cycle_id = :c")
			.param("c", cycle)
			.query((rs) -> {
				texts.put(rs.getString("id"), rs.getString("current"));
			});
		return texts;
	}

	private static String version(String page) {
		Matcher matcher = Pattern.compile("name=\"version\" value=\"([0-9a-f]{64})\"").matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private String review(String who, long cycle) throws Exception {
		return this.mvc.perform(as(who, get("/surveys/results/" + cycle + "/comments/review")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void act(String who, long cycle, String action, Map<String, String> params) throws Exception {
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

	private String reviewed(String comment) {
		return this.jdbc.sql("select redacted from survey_comment where id = :id")
			.param("id", UUID.fromString(comment))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<String> approvals(long cycle) {
		return this.jdbc.sql("select side from survey_comment_approval where cycle_id = :c order by side")
			.param("c", cycle)
			.query(String.class)
			.list();
	}

	/** A closed annual survey: D (root), A and B under it, 12 respondents in A and B. */
	private long cycle(CycleFixture.Org org) {
		long cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', date '2026-03-27', 'closed') returning id
				""").param("org", org.id()).param("instrument", org.instrument()).query(Long.class).single();
		group(cycle, org.d(), null, "Avdelning D " + org.code(), 0);
		for (Map.Entry<Long, String> unit : Map.of(org.a(), "Enhet A ", org.b(), "Enhet B ").entrySet()) {
			group(cycle, unit.getKey(), org.d(), unit.getValue() + org.code(), 15);
			for (int i = 0; i < 12; i++) {
				this.jdbc.sql("insert into survey_response (id, cycle_id, unit_id) values (:id, :cycle, :unit)")
					.param("id", UUID.randomUUID())
					.param("cycle", cycle)
					.param("unit", unit.getKey())
					.update();
			}
		}
		return cycle;
	}

	private void group(long cycle, long unit, Long parent, String name, int invited) {
		this.jdbc.sql("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				values (:cycle, :unit, :parent, :name, :invited)
				""")
			.param("cycle", cycle)
			.param("unit", unit)
			.param("parent", parent)
			.param("name", name)
			.param("invited", invited)
			.update();
	}

	/** A comment with an id ending in the number (ids order the page within a group). */
	private String comment(long cycle, long unit, int number, String text) {
		UUID id = UUID.fromString(String.format("00000000-0000-4000-8000-%012d", number));
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				values (:id, :cycle, :unit, 'free', :text)
				""").param("id", id).param("cycle", cycle).param("unit", unit).param("text", text).update();
		return id.toString();
	}

	/**
	 * An account standing a year (its holder's own password), covering the unit (null:
	 * none).
	 */
	private String account(CycleFixture.Org org, String name, String role, Long unit) {
		String username = org.code() + "-" + name;
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, created_at,
					password_set_by_holder_at)
				values (:org, :username, :username, :hash, array[:role], now() - interval '1 year',
					now() - interval '1 year')
				returning id
				""")
			.param("org", org.id())
			.param("username", username)
			.param("hash", this.passwords.encode("not-used-here"))
			.param("role", role)
			.query(Long.class)
			.single();
		if (unit != null) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", org.id())
				.param("id", id)
				.param("unit", unit)
				.update();
		}
		return username;
	}

	/** A request of the account's login, past the second factor (the review asks). */
	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		CurrentAccount account = (CurrentAccount) this.accounts.loadUserByUsername(username);
		List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(SecondFactorStepUp.PASSED));
		return request
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(account, null, authorities)))
			.locale(Locale.ENGLISH);
	}

}
