package bryt.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import bryt.BrytTest;
import bryt.organisation.CurrentAccount;
import bryt.organisation.SecondFactorStepUp;
import bryt.MailTest;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The employee side's approval counts only from an account that is its holder's own
 * (docs/surveys/comments.md, F1): the holder's own password and second factor, both at
 * least 30 days old, and no administrator's change since (its display name included); the
 * other employee-side reviewers are told by mail when an account gains the role and when
 * one approves, without any comment text.
 *
 * <p>
 * Each test has an organisation of its own ({@link CycleFixture}) with a closed cycle
 * whose one group, unit A, has 12 respondents (at least the comment minimum of 10, and
 * the group is the tree's only one, so nothing else needs hiding): its one comment is
 * shown. The real representative {@code rep1} is linked to staff A1, who has a work
 * address.
 */
@BrytTest
class CommentReviewHolderTests extends MailTest {

	private static final String COMMENT = "Bra chef men för mycket att göra";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CommentReview commentReview;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private PasswordEncoder passwordEncoder;

	/**
	 * The attack of the second review: an administrator makes a union account with a
	 * password of their choosing, and the account is 31 days old when the administrator
	 * approves through it. Refused: the password is the administrator's. The real
	 * representative was told by mail when the account got the role. The administrator,
	 * logged in as it, sets a password of their own: counted from then, so refused again.
	 */
	@Test
	void anAccountWhosePasswordAnAdministratorSetDoesNotApproveHowEverOld() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		account(org, "admin", "ADMINISTRATOR", null, "365 days", null, null);
		account(org, "hr", "HR", null, "365 days", null, null);
		account(org, "rep1", "UNION_REPRESENTATIVE", "A1", "365 days", "365 days", "365 days");
		// Issue 16: the administrator makes the account (an employee's) with a password
		// of
		// their choosing; the employee side's administrator makes it a representative.
		account(org, "sideadmin", "EMPLOYEE_SIDE_ADMINISTRATOR", null, "365 days", "365 days", "365 days");
		this.mvc
			.perform(as(org.code() + "-admin", post("/admin/accounts")).with(csrf())
				.param("username", org.code() + "-rep3")
				.param("displayName", "Bo Berg (Kommunal)")
				.param("roles", "STAFF")
				.param("enabled", "true")
				.param("password", "Lingon-Sjo-Pelare-27"))
			.andExpect(redirectedUrl("/admin/accounts"));
		long rep3 = this.jdbc.sql("select id from account where username = :u")
			.param("u", org.code() + "-rep3")
			.query(Long.class)
			.single();
		this.mvc
			.perform(as(org.code() + "-sideadmin", post("/employee-side/accounts/" + rep3)).with(csrf())
				.param("roles", "UNION_REPRESENTATIVE")
				.param("unitIds", String.valueOf(org.a())))
			.andExpect(redirectedUrl("/employee-side/accounts"));
		List<String> told = mails(org.emails().get("A1"));
		assertThat(told).hasSize(1);
		assertThat(told.getFirst()).contains("Bo Berg (Kommunal) (" + org.code() + "-rep3)")
			.contains("facklig företrädare eller skyddsombud");
		// a month passes with nobody but the administrator knowing the password
		this.jdbc.sql("update account set created_at = now() - interval '31 days' where username = :u")
			.param("u", org.code() + "-rep3")
			.update();
		long cycle = cycle(org);
		approve(org.code() + "-hr", cycle);
		assertThat(approveRefused(org.code() + "-rep3", cycle)).contains("after you have set your own password");
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		// the administrator, logged in as the account, chooses a password of their own:
		// it counts from now, 30 days on
		this.mvc
			.perform(as(org.code() + "-rep3", post("/account/password")).with(csrf())
				.param("currentPassword", "Lingon-Sjo-Pelare-27")
				.param("newPassword", "Hallon-Fjall-Kvarn-41")
				.param("confirmation", "Hallon-Fjall-Kvarn-41"))
			.andExpect(redirectedUrl("/"));
		assertThat(approveRefused(org.code() + "-rep3", cycle))
			.contains("Your approval for the employee side counts from");
		assertThat(approvals(cycle)).containsExactly("EMPLOYER");
		assertThat(mails(org.emails().get("A1"))).hasSize(1);
	}

	/**
	 * A representative who set their own password and second factor 31 days ago approves;
	 * the other representative is told, without the comment. A second factor set up 10
	 * days ago, or a display name an administrator changed today, makes the same account
	 * wait again.
	 */
	@Test
	void aHolderOfThirtyOneDaysApprovesAndTheOtherRepresentativesAreTold() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		account(org, "admin", "ADMINISTRATOR", null, "365 days", null, null);
		account(org, "hr", "HR", null, "365 days", null, null);
		account(org, "rep1", "UNION_REPRESENTATIVE", "A1", "365 days", "365 days", "365 days");
		long genuine = account(org, "rep2", "SAFETY_REPRESENTATIVE", null, "40 days", "31 days", "31 days");
		long cycle = cycle(org);
		approve(org.code() + "-rep2", cycle);
		assertThat(approvals(cycle)).containsExactly("EMPLOYEE");
		List<String> told = mails(org.emails().get("A1"));
		assertThat(told).hasSize(1);
		assertThat(told.getFirst()).contains("Rep2 " + org.code() + " (" + org.code() + "-rep2)")
			.contains("godkänt kommentarerna")
			.doesNotContain(COMMENT);
		approve(org.code() + "-hr", cycle);
		assertThat(this.jdbc.sql("select count(*) from survey_comment_release where cycle_id = :c")
			.param("c", cycle)
			.query(Integer.class)
			.single()).isEqualTo(1);

		long next = cycle(org);
		this.jdbc.sql("update account_second_factor set confirmed_on = current_date - 10 where account_id = :id")
			.param("id", genuine)
			.update();
		approveRefused(org.code() + "-rep2", next);
		this.jdbc.sql("update account_second_factor set confirmed_on = current_date - 31 where account_id = :id")
			.param("id", genuine)
			.update();
		this.mvc
			.perform(as(org.code() + "-admin", post("/admin/accounts/" + genuine)).with(csrf())
				.param("username", org.code() + "-rep2")
				.param("displayName", "Rep1 " + org.code())
				.param("roles", "SAFETY_REPRESENTATIVE")
				.param("unitIds", String.valueOf(org.a()))
				.param("enabled", "true")
				.param("password", ""))
			.andExpect(redirectedUrl("/admin/accounts"));
		approveRefused(org.code() + "-rep2", next);
		assertThat(approvals(next)).isEmpty();
	}

	/**
	 * An account of the organisation with the roles, linked to the staff member (or
	 * none), made {@code age} ago, its holder's own password and second factor set up
	 * {@code password} and {@code factor} ago (null: never).
	 */
	private long account(CycleFixture.Org org, String name, String roles, String staff, String age, String password,
			String factor) {
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, staff_id,
					created_at, password_set_by_holder_at)
				values (:org, :username, :name, :hash, cast(:roles as text[]),
					(select id from staff where organisation_id = :org and employee_number = :staff),
					now() - cast(:age as interval), now() - cast(:password as interval))
				returning id
				""")
			.param("org", org.id())
			.param("username", org.code() + "-" + name)
			.param("name", Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + org.code())
			.param("hash", this.passwordEncoder.encode("Lingon-Sjo-Pelare-27"))
			.param("roles", "{" + roles + "}")
			.param("staff", staff)
			.param("age", age)
			.param("password", password)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
			.param("org", org.id())
			.param("id", id)
			.param("unit", org.a())
			.update();
		if (factor != null) {
			this.jdbc.sql("""
					insert into account_second_factor (organisation_id, account_id, secret, confirmed_on)
					values (:org, :id, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', current_date - cast(:age as interval))
					""").param("org", org.id()).param("id", id).param("age", factor).update();
		}
		return id;
	}

	/** A closed cycle whose one group is unit A with 12 respondents and one comment. */
	private long cycle(CycleFixture.Org org) {
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
				values (:id, :cycle, :unit, 'free', :text)
				""")
			.param("id", UUID.randomUUID())
			.param("cycle", cycle)
			.param("unit", org.a())
			.param("text", COMMENT)
			.update();
		return cycle;
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

	private String approveRefused(String who, long cycle) throws Exception {
		String page = this.mvc
			.perform(as(who, post("/surveys/results/" + cycle + "/comments/review/approve"))
				.param("version", this.commentReview.textVersion(cycle))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Your approval was not recorded");
		return page;
	}

	/** The texts of the mails sent to the address. */
	private static List<String> mails(String address) throws Exception {
		List<String> texts = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
				texts.add(mail.getSubject() + "\n" + mail.getContent());
			}
		}
		return texts;
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
