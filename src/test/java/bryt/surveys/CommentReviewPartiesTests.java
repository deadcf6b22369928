package bryt.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import bryt.BrytTest;
import bryt.organisation.CurrentAccount;
import bryt.organisation.SecondFactorStepUp;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.shared.DemoMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The comment review's two parties after the outside review (docs/surveys/comments.md):
 * an administrator cannot approve for the employee side through an account they just made
 * or changed (M1), the employee side is union or safety representatives, a reviewer
 * labels what they removed and the other side sees where (M2), and reviewers of comments
 * that wait for review log in with a second factor (M4).
 *
 * <p>
 * Cycles in the demo municipality, as {@code CommentReviewTests}: BOF 1 respondent,
 * BOF-MOT 9, BOF-UTR 12 with the one comment (shown there: BOF less BOF-UTR leaves 10,
 * the comment minimum; see that class's arithmetic).
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentReviewPartiesTests {

	private static final String UNDER_REVIEW = "The comments are under review";

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

	@Autowired
	private PasswordEncoder passwordEncoder;

	private final Map<String, Long> units = new LinkedHashMap<>();

	private long organisation;

	private long instrument;

	private String hash;

	@BeforeAll
	void instrument() {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		this.organisation = demo.id();
		for (Unit unit : this.organisations.units(demo.id())) {
			this.units.put(unit.code(), unit.id());
		}
		this.instrument = this.jdbc.sql("""
				insert into survey_instrument (organisation_id, key, name, locales, read_only)
				values (:org, 'comment-parties-test', '{"en": "Comment test"}', '{en}', false) returning id
				""").param("org", demo.id()).query(Long.class).single();
		this.jdbc.sql("""
				insert into survey_area (instrument_id, key, position, name, scored)
				values (:i, 'other', 1, '{"en": "Other"}', false)
				""").param("i", this.instrument).update();
		this.jdbc.sql("""
				insert into survey_item (instrument_id, key, area_key, position, kind, text) values
					(:i, 'free', 'other', 1, 'text', '{"en": "What would make work better?"}')
				""").param("i", this.instrument).update();
		this.hash = this.passwordEncoder.encode(DemoMode.PASSWORD);
	}

	/**
	 * An administrator's attack: a new account with the union role approves for the
	 * employee side after HR approved. Not recorded, nothing released; the same account
	 * counts once it has stood 30 days; and an administrator's change of an old account
	 * (a role taken away, a password set) starts the 30 days again.
	 */
	@Test
	void anAccountAnAdministratorJustMadeOrChangedDoesNotApproveForTheEmployeeSide() throws Exception {
		long cycle = cycle("Nothing to remove here");
		long fake = account("p8-fake-union", "UNION_REPRESENTATIVE", "0 days");
		approve("hr", cycle);
		String refused = this.mvc
			.perform(as("p8-fake-union", post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Your approval was not recorded")
			.contains("Your approval for the employee side counts from");
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(page("committee", cycle)).contains(UNDER_REVIEW);
		// 29 days on it still does not count; 31 days on it does
		this.jdbc.sql("""
				update account set created_at = now() - interval '29 days',
					password_set_by_holder_at = now() - interval '29 days' where id = :id
				""").param("id", fake).update();
		approveRefused("p8-fake-union", cycle);
		this.jdbc.sql("""
				update account set created_at = now() - interval '31 days',
					password_set_by_holder_at = now() - interval '31 days' where id = :id
				""").param("id", fake).update();
		approve("p8-fake-union", cycle);
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE", "EMPLOYER");
		assertThat(page("committee", cycle)).doesNotContain(UNDER_REVIEW).contains("Nothing to remove here");
		assertThat(this.jdbc
			.sql("select approved_by from survey_comment_approval where cycle_id = :c and side = 'EMPLOYEE'")
			.param("c", cycle)
			.query(String.class)
			.single()).isEqualTo("P8 p8-fake-union (p8-fake-union)");

		// an administrator's second account, a representative for a year, stops being an
		// administrator: changed now, so it waits 30 days again
		long second = account("p8-admins-second", "ADMINISTRATOR\",\"UNION_REPRESENTATIVE", "365 days");
		long next = cycle("Second cycle");
		approve("hr", next);
		this.mvc
			.perform(as("p8-admins-second", post("/surveys/results/" + next + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(next))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(as("admin", post("/admin/accounts/" + second)).with(csrf())
				.param("username", "p8-admins-second")
				.param("displayName", "P8 p8-admins-second")
				.param("roles", "UNION_REPRESENTATIVE")
				.param("unitIds", String.valueOf(this.units.get("BOF")))
				.param("enabled", "true")
				.param("password", ""))
			.andExpect(redirectedUrl("/admin/accounts"));
		approveRefused("p8-admins-second", next);
		// a real representative of a year whose password an administrator would set: the
		// administrator may not (since the evening's outsider review), and it still
		// approves
		long real = account("p8-real-union", "UNION_REPRESENTATIVE", "365 days");
		this.mvc
			.perform(as("admin", post("/admin/accounts/" + real)).with(csrf())
				.param("username", "p8-real-union")
				.param("displayName", "P8 p8-real-union")
				.param("roles", "UNION_REPRESENTATIVE")
				.param("unitIds", String.valueOf(this.units.get("BOF")))
				.param("enabled", "true")
				.param("password", "a password the administrator knows"))
			.andExpect(status().isOk());
		assertThat(approvals(next)).containsExactly("EMPLOYER");
		approve("p8-real-union", next);
		assertThat(approvals(next)).containsExactly("EMPLOYEE", "EMPLOYER");
	}

	/**
	 * The employee side: a safety representative approves as a union representative does.
	 */
	@Test
	void aSafetyRepresentativeApprovesForTheEmployeeSide() throws Exception {
		long cycle = cycle("Safety matters");
		account("p8-safety", "SAFETY_REPRESENTATIVE", "365 days");
		assertThat(review("p8-safety", cycle)).contains("You approve for the employee side");
		approve("p8-safety", cycle);
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE");
		approve("hr", cycle);
		assertThat(page("committee", cycle)).doesNotContain(UNDER_REVIEW).contains("Safety matters");
	}

	/**
	 * HR removes a place and a name with their labels; the union sees both marked where
	 * they were, and a label a respondent typed is not marked; the released text has the
	 * labels and no mark. No label chosen (an older form) means a name; an unknown one is
	 * refused with a message.
	 */
	@Test
	void aRemovalCarriesTheChosenLabelAndTheOtherSideSeesWhereItWas() throws Exception {
		long cycle = cycle("I work at Storgatan 5 with Karin, who wrote [namn borttaget] on the board");
		String id = this.jdbc.sql("select id::text from survey_comment where cycle_id = :c and text like 'I work%'")
			.param("c", cycle)
			.query(String.class)
			.single();
		assertThat(redact(cycle, id, "Storgatan 5", "X")).contains("Choose what the words are");
		assertThat(this.jdbc.sql("select count(*) from survey_comment where cycle_id = :c and redacted is not null")
			.param("c", cycle)
			.query(Integer.class)
			.single()).isZero();
		this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", id)
				.param("words", "storgatan 5")
				.param("label", "PLACE"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(as("hr", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", id)
				.param("words", "Karin"))
			.andExpect(status().is3xxRedirection());
		String union = review("union", cycle);
		assertThat(union)
			.contains("I work at " + marked("[plats borttagen]", "Storgatan 5") + " with "
					+ marked("[namn borttaget]", "Karin") + ", who wrote [namn borttaget] on the board")
			.contains("Highlighted labels mark what a reviewer removed");
		// the union removes a detail too: its label is the reviewer's choice again
		this.mvc
			.perform(as("union", post("/surveys/results/" + cycle + "/comments/review/redact")).with(csrf())
				.param("comment", id)
				.param("words", "board")
				.param("label", "DETAIL"))
			.andExpect(status().is3xxRedirection());
		approve("union", cycle);
		approve("hr", cycle);
		String stored = this.jdbc.sql("select text from survey_comment where cycle_id = :c")
			.param("c", cycle)
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(
				"I work at [plats borttagen] with [namn borttaget], who wrote [namn borttaget] on the [uppgift borttagen]");
		assertThat(page("committee", cycle)).contains(stored).doesNotContain("bryt-removed");
	}

	/**
	 * Reviewers of comments that wait for review log in with a second factor; other
	 * staff, and reviewers once the comments are released, with the password alone (M4).
	 */
	@Test
	void reviewersOfCommentsThatWaitForReviewNeedASecondFactor() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		String hr = org.code() + "-hr";
		String union = org.code() + "-union";
		String staff = org.code() + "-staff";
		this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles) values
					(:org, :hr, 'HR', :hash, '{HR}'), (:org, :union, 'Union', :hash, '{UNION_REPRESENTATIVE}'),
					(:org, :staff, 'Staff', :hash, '{STAFF}')
				""")
			.param("org", org.id())
			.param("hr", hr)
			.param("union", union)
			.param("staff", staff)
			.param("hash", this.hash)
			.update();
		for (String who : List.of(hr, union, staff)) {
			this.mvc.perform(formLogin().user(who).password(DemoMode.PASSWORD)).andExpect(redirectedUrl("/"));
		}
		long cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', date '2026-03-27', 'closed') returning id
				""").param("org", org.id()).param("instrument", org.instrument()).query(Long.class).single();
		this.jdbc.sql("""
				insert into survey_comment (id, cycle_id, unit_id, item_key, text)
				values (:id, :cycle, :unit, 'free', 'Waiting for review')
				""").param("id", UUID.randomUUID()).param("cycle", cycle).param("unit", org.a()).update();
		for (String who : List.of(hr, union)) {
			this.mvc.perform(formLogin().user(who).password(DemoMode.PASSWORD))
				.andExpect(redirectedUrl("/login/second-factor"));
		}
		this.mvc.perform(formLogin().user(staff).password(DemoMode.PASSWORD)).andExpect(redirectedUrl("/"));
		this.jdbc.sql("insert into survey_comment_release (cycle_id, released_at) values (:c, now())")
			.param("c", cycle)
			.update();
		this.mvc.perform(formLogin().user(hr).password(DemoMode.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	/** A closed cycle of the class comment's groups with one comment in BOF-UTR. */
	private long cycle(String text) {
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
			.param("text", text)
			.update();
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

	/**
	 * An account of the demo municipality (covering BOF), created {@code age} ago and its
	 * password set by its holder then (F1), with the roles (written into a text array
	 * literal).
	 */
	private long account(String username, String roles, String age) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, created_at,
					password_set_by_holder_at)
				values (:org, :username, :name, :hash, cast(:roles as text[]), now() - cast(:age as interval),
					now() - cast(:age as interval))
				returning id
				""")
			.param("org", this.organisation)
			.param("username", username)
			.param("name", "P8 " + username)
			.param("hash", this.hash)
			.param("roles", "{\"" + roles + "\"}")
			.param("age", age)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
			.param("org", this.organisation)
			.param("id", id)
			.param("unit", this.units.get("BOF"))
			.update();
		return id;
	}

	private List<String> approvals(long cycle) {
		return this.jdbc.sql("select side from survey_comment_approval where cycle_id = :cycle order by side")
			.param("cycle", cycle)
			.query(String.class)
			.list();
	}

	private void approve(String who, long cycle) throws Exception {
		this.mvc
			.perform(as(who, post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private void approveRefused(String who, long cycle) throws Exception {
		assertThat(this.mvc
			.perform(as(who, post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Your approval was not recorded");
	}

	private String redact(long cycle, String comment, String words, String label) throws Exception {
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

	private String page(String who, long cycle) throws Exception {
		return this.mvc
			.perform(as(who,
					get("/surveys/results/" + cycle + "/comments").param("unit",
							String.valueOf(this.units.get("BOF-UTR")))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * A removal as the review page marks it (F2, F6): the label in the organisation's
	 * language with a prefix for screen readers, the words it replaced struck through
	 * beside it.
	 */
	private static String marked(String label, String original) {
		return "<mark class=\"bryt-removed\"><span class=\"govuk-visually-hidden\">removed: </span><span lang=\"sv\">"
				+ label + "</span></mark> <del class=\"bryt-removed-original\"><span class=\"govuk-visually-hidden\">"
				+ "the words removed: </span>" + original + "</del>";
	}

	/**
	 * A request of the account's login, which has passed the second factor (F4: the
	 * review asks on every request).
	 */
	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		CurrentAccount account = (CurrentAccount) this.accounts.loadUserByUsername(username);
		List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(SecondFactorStepUp.PASSED));
		return request
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(account, null, authorities)))
			.locale(Locale.ENGLISH);
	}

}
