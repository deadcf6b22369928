package bryt.overview;

import java.util.List;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Snapshots taken and recalculated through the page, and the two parties' comments and
 * sign-offs: each side writes and signs only its own, forged requests are refused, a
 * sign-off freezes the side's comment, a recalculation starts without either, and the
 * identity-number guard keeps a number out without showing it back.
 */
@BrytTest
class SnapshotReviewTests {

	private static final Quarter Q4_2025 = new Quarter(2025, 4);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private JdbcClient jdbc;

	private OverviewFixture fixture;

	private long a;

	private String hr;

	private String union;

	private Snapshot snapshot;

	@BeforeEach
	void organisation() {
		this.fixture = new OverviewFixture(this.organisations, this.jdbc);
		this.a = this.fixture.unit("A");
		this.fixture.staff(this.a, "SOCIAL_WORKER");
		this.fixture.staff(this.a, "FIRST_LINE_LEAD");
		this.hr = this.fixture.account("hr", "HR", 0);
		// an account that has stood unchanged for more than 30 days speaks for the unions
		this.union = this.fixture.account("union", "UNION_REPRESENTATIVE", 31, this.a);
		this.snapshot = this.snapshots.take(this.fixture.organisation, Q4_2025, null, null);
	}

	@Test
	void hrTakesASnapshotAndComputesAQuarterAgainOnlyWithAReasonAndTheFirstStaysAsItWas() throws Exception {
		Quarter q3 = new Quarter(2025, 3);
		as(this.hr, post("/overview/snapshots").param("quarter", "2025-Q3"))
			.andExpect(redirectedUrlPattern("/overview/snapshots/*"));
		Snapshot first = this.snapshots.latest(this.fixture.organisation.id(), q3).orElseThrow();
		assertThat(first.version()).isEqualTo(1);

		Document refused = html(
				as(this.hr, post("/overview/snapshots").param("quarter", "2025-Q3").param("reason", " "))
					.andExpect(status().isOk()));
		assertThat(refused.title()).startsWith("Error:");
		assertThat(refused.select("#reason-error").text()).contains("say why it is computed again");
		for (String crafted : List.of("2099-Q1", "nonsense", "")) {
			assertThat(html(as(this.hr, post("/overview/snapshots").param("quarter", crafted).param("reason", "x")))
				.select("#quarter-error")
				.text()).as(crafted).contains("Choose a quarter");
		}
		Document guarded = html(as(this.hr,
				post("/overview/snapshots").param("quarter", "2025-Q3").param("reason", "Wrong for 19121212-1212")));
		assertThat(guarded.select("#reason-error").text()).contains("personal identity number");
		assertThat(guarded.outerHtml()).doesNotContain("1212-1212").doesNotContain("19121212");

		this.jdbc.sql("update unit set name = 'Unit A renamed' where id = :id").param("id", this.a).update();
		as(this.hr, post("/overview/snapshots").param("quarter", "2025-Q3").param("reason", "A lead was missing"))
			.andExpect(redirectedUrlPattern("/overview/snapshots/*"));
		Snapshot second = this.snapshots.latest(this.fixture.organisation.id(), q3).orElseThrow();
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.reason()).isEqualTo("A lead was missing");
		assertThat(second.units().get(1).name()).isEqualTo("Unit A renamed");
		assertThat(this.snapshots.find(this.fixture.organisation.id(), first.id())).contains(first);
		assertThat(first.units().get(1).name()).isEqualTo("Unit A");
		// one social worker, one lead
		assertThat(first.figure("workload.staffPerLead", this.a).orElseThrow().value()).isEqualTo(1.0);

		// the list: who asked by role, never by name, and why
		Document list = html(as(this.hr, get("/overview/snapshots")));
		String text = list.select("#snapshots").text();
		assertThat(text).contains("Quarter 2025-Q3, version 2")
			.contains("A lead was missing")
			.contains("HR")
			.contains("The quarter-end job")
			.doesNotContain("Person hr");
		// a manager reads the list but has no form, and may not take one
		String manager = this.fixture.account("manager", "MANAGER", 0, this.a);
		assertThat(html(as(manager, get("/overview/snapshots"))).select("form#take")).isEmpty();
		as(manager, post("/overview/snapshots").param("quarter", "2025-Q3").param("reason", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void eachSideWritesAndSignsOnlyItsOwnAndForgedRequestsAreRefused() throws Exception {
		String base = "/overview/snapshots/" + this.snapshot.id();
		as(this.hr, post(base + "/employer/comment").param("body", "The employer agrees."))
			.andExpect(redirectedUrl(base));
		as(this.union, post(base + "/union/comment").param("body", "The unions see the load rising."))
			.andExpect(redirectedUrl(base));

		String manager = this.fixture.account("manager", "MANAGER", 0, this.a);
		String committee = this.fixture.account("committee", "COMMITTEE_MEMBER", 0);
		String both = this.fixture.account("both", "HR,UNION_REPRESENTATIVE", 40, this.a);
		for (String[] forged : List.of(new String[] { manager, "employer" }, new String[] { manager, "union" },
				new String[] { committee, "employer" }, new String[] { this.hr, "union" },
				new String[] { this.union, "employer" }, new String[] { both, "employer" },
				new String[] { both, "union" })) {
			as(forged[0], post(base + "/" + forged[1] + "/comment").param("body", "Forged"))
				.andExpect(status().isForbidden());
			as(forged[0], signOff(base + "/" + forged[1] + "/sign-off", 1)).andExpect(status().isForbidden());
		}
		// another organisation's HR, and a snapshot of another organisation
		OverviewFixture other = new OverviewFixture(this.organisations, this.jdbc);
		String otherHr = other.account("hr", "HR", 0);
		as(otherHr, post(base + "/employer/comment").param("body", "Forged")).andExpect(status().isNotFound());
		as(otherHr, signOff(base + "/employer/sign-off", 1)).andExpect(status().isNotFound());
		as(otherHr, get(base)).andExpect(status().isNotFound());

		Snapshot read = this.snapshots.find(this.fixture.organisation.id(), this.snapshot.id()).orElseThrow();
		assertThat(read.comment(Snapshot.Side.EMPLOYER).orElseThrow().body()).isEqualTo("The employer agrees.");
		assertThat(read.comment(Snapshot.Side.UNION).orElseThrow().body()).isEqualTo("The unions see the load rising.");
		assertThat(read.reviews()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from overview_comment where body = 'Forged'")
			.query(Integer.class)
			.single()).isZero();

		Document page = html(as(this.union, get(base)));
		assertThat(page.select("#comment-EMPLOYER-text").text()).isEqualTo("The employer agrees.");
		assertThat(page.select("#comment-UNION-text").text()).isEqualTo("The unions see the load rising.");
		assertThat(page.select("#comment-EMPLOYER form")).isEmpty();
		assertThat(page.select("#comment-UNION form, #sign-off form")).hasSize(2);
		assertThat(page.select("#sign-off form").attr("action")).endsWith("/union/sign-off");
		assertThat(html(as(committee, get(base))).select("main form")).isEmpty();
	}

	@Test
	void aSignOffFreezesTheSidesCommentAndANewVersionStartsWithoutEither() throws Exception {
		String base = "/overview/snapshots/" + this.snapshot.id();
		as(this.hr, post(base + "/employer/comment").param("body", "First words."))
			.andExpect(status().is3xxRedirection());
		as(this.hr, signOff(base + "/employer/sign-off", 1)).andExpect(redirectedUrl(base));

		Document refused = html(as(this.hr, post(base + "/employer/comment").param("body", "Second thoughts.")));
		assertThat(refused.select("#refused").text()).contains("signed this snapshot off");
		html(as(this.hr, signOff(base + "/employer/sign-off", 1)));
		// the unions still write theirs, then sign
		as(this.union, post(base + "/union/comment").param("body", "Ours.")).andExpect(status().is3xxRedirection());
		as(this.union, signOff(base + "/union/sign-off", 1)).andExpect(status().is3xxRedirection());

		Snapshot signed = this.snapshots.find(this.fixture.organisation.id(), this.snapshot.id()).orElseThrow();
		assertThat(signed.comment(Snapshot.Side.EMPLOYER).orElseThrow().body()).isEqualTo("First words.");
		assertThat(signed.reviews()).extracting(Snapshot.Review::side)
			.containsExactly(Snapshot.Side.EMPLOYER, Snapshot.Side.UNION);
		assertThat(signed.review(Snapshot.Side.EMPLOYER).orElseThrow().reviewedOn()).isEqualTo(ServerDay.today());
		// the figures did not move
		assertThat(signed.figures()).isEqualTo(this.snapshot.figures());
		Document page = html(as(this.hr, get(base + "?lang=en")));
		assertThat(page.select("#reviewed-EMPLOYER").text()).isEqualTo("By the employer on " + ServerDay.today());
		assertThat(page.select("main form")).isEmpty();

		Snapshot second = this.snapshots.take(this.fixture.organisation, Q4_2025, null, "Corrected import");
		assertThat(second.reviews()).isEmpty();
		assertThat(second.comments()).isEmpty();
		// the old version is no longer commented on
		String unionOnly = this.fixture.account("union2", "SAFETY_REPRESENTATIVE", 31, this.a);
		assertThat(html(as(unionOnly, post(base + "/union/comment").param("body", "Late."))).select("#refused").text())
			.contains("newer version");
		as(unionOnly, post("/overview/snapshots/" + second.id() + "/union/comment").param("body", "On the new one."))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aCommentIsPlainTextUpTo4000CharactersWithoutAnIdentityNumberAndANewUnionAccountWaits() throws Exception {
		String base = "/overview/snapshots/" + this.snapshot.id();
		Document guarded = html(
				as(this.hr, post(base + "/employer/comment").param("body", "About 19121212-1212's unit")));
		assertThat(guarded.title()).startsWith("Error:");
		assertThat(guarded.select("#body-error").text()).contains("personal identity number");
		assertThat(guarded.outerHtml()).doesNotContain("1212-1212");
		Document tooLong = html(as(this.hr, post(base + "/employer/comment").param("body", "x".repeat(4001))));
		assertThat(tooLong.select("#body-error").text()).isNotEmpty();
		as(this.hr, post(base + "/employer/comment").param("body", "<b>" + "y".repeat(3993)))
			.andExpect(status().is3xxRedirection());
		assertThat(html(as(this.hr, get(base))).select("#comment-EMPLOYER-text b")).isEmpty();

		// an account an administrator made yesterday does not speak for the unions yet
		String fresh = this.fixture.account("fresh", "UNION_REPRESENTATIVE", 1, this.a);
		Document waits = html(as(fresh, post(base + "/union/comment").param("body", "Made up.")));
		assertThat(waits.select("#refused").text()).contains("30 days");
		as(fresh, signOff(base + "/union/sign-off", 1));
		Snapshot read = this.snapshots.find(this.fixture.organisation.id(), this.snapshot.id()).orElseThrow();
		assertThat(read.comment(Snapshot.Side.UNION)).isEmpty();
		assertThat(read.review(Snapshot.Side.UNION)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from overview_comment where body like '%1212%'")
			.query(Integer.class)
			.single()).isZero();

		// An account whose password an administrator set (its holder never set one) is
		// told so on the page, which was an error page before (the outsider review), and
		// is refused like the fresh one.
		String adminsPassword = this.fixture.account("adminset", "UNION_REPRESENTATIVE", 60, this.a);
		this.jdbc.sql("update account set password_set_by_holder_at = null where username = :u")
			.param("u", adminsPassword)
			.update();
		Document page = html(as(adminsPassword, get(base)).andExpect(status().isOk()));
		assertThat(page.select("#speaks-never").text()).contains("set by an administrator");
		assertThat(page.select("#speaks-from")).isEmpty();
		Document refused = html(as(adminsPassword, post(base + "/union/comment").param("body", "Made up.")));
		assertThat(refused.select("#refused").text()).contains("30 days");
	}

	private ResultActions as(String username,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(this.accounts.loadUserByUsername(username))).with(csrf()));
	}

	/** A sign-off with the box ticked for the version. */
	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signOff(String path,
			int version) {
		return post(path).param("confirmed", "true").param("version", Integer.toString(version));
	}

	private static Document html(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

}
