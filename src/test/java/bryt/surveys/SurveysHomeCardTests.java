package bryt.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page tells a reviewer when comments wait for its approval (brief surveys item
 * 3), so an account without a work address (none here is linked to staff: no mail can
 * reach them) learns it too. A closed cycle of the fixture's organisation: unit A, 12
 * respondents (a root of the snapshot, at the comment minimum 10: shown), one comment.
 */
@BrytTest
class SurveysHomeCardTests {

	private static final String CARD = "Survey comments to review";

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

	@Test
	void eachReviewerIsToldUntilItsSideHasApproved() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		String hr = account(org, "hr", "HR", true);
		String rep = account(org, "rep", "SAFETY_REPRESENTATIVE", true);
		String elsewhere = account(org, "repb", "SAFETY_REPRESENTATIVE", false);
		String staff = account(org, "staff", "STAFF", false);
		for (String who : List.of(hr, rep, elsewhere, staff)) {
			assertThat(home(who)).doesNotContain(CARD);
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
				values (:id, :cycle, :unit, 'free', 'Mer tid för handledning')
				""").param("id", UUID.randomUUID()).param("cycle", cycle).param("unit", org.a()).update();

		String review = "/surveys/results/" + cycle + "/comments/review";
		for (String who : List.of(hr, rep)) {
			assertThat(home(who)).contains(CARD)
				.contains("Surveys whose comments wait for your approval")
				.contains("href=\"" + review + "\"");
		}
		// A representative of unit B only (no comment there) and staff: nothing.
		assertThat(home(elsewhere)).doesNotContain(CARD);
		assertThat(home(staff)).doesNotContain(CARD);

		// Once its side approved, the representative is no longer told; HR still is.
		this.mvc
			.perform(as(rep, post(review + "/approve")).with(csrf())
				.param("version", this.commentReview.textVersion(cycle)))
			.andExpect(status().is3xxRedirection());
		assertThat(home(rep)).doesNotContain(CARD);
		assertThat(home(hr)).contains(CARD);
		// Released: nobody is told.
		this.mvc
			.perform(as(hr, post(review + "/approve")).with(csrf())
				.param("version", this.commentReview.textVersion(cycle)))
			.andExpect(status().is3xxRedirection());
		assertThat(home(hr)).doesNotContain(CARD);
		assertThat(home(rep)).doesNotContain(CARD);
	}

	private String home(String username) throws Exception {
		return this.mvc.perform(as(username, get("/")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** An account standing a year (its holder's own password), covering unit A or B. */
	private String account(CycleFixture.Org org, String name, String role, boolean coversA) {
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
		if (role.equals("SAFETY_REPRESENTATIVE")) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", org.id())
				.param("id", id)
				.param("unit", coversA ? org.a() : org.b())
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
