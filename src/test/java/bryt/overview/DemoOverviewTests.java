package bryt.overview;

import java.time.LocalDate;
import java.util.List;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo municipality has eight quarters of snapshots, and the newest has both parties'
 * comments and sign-offs, which its committee report prints.
 */
@BrytTest
class DemoOverviewTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private MockMvc mvc;

	@Test
	void eightQuartersOfSnapshotsTheNewestSignedByBothWithBothComments() throws Exception {
		long org = this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
		// The demo is made on the day the context starts: its eight quarters end with the
		// one before today's (the demo's day, unless this test runs across a quarter's
		// end).
		Quarter newest = Quarter.of(ServerDay.today()).previous();
		Quarter first = newest.previous().previous().previous().previous().previous().previous().previous();

		List<Snapshot> demo = this.snapshots.list(org)
			.stream()
			.filter((snapshot) -> snapshot.version() == 1 && snapshot.reason() == null)
			.filter((snapshot) -> snapshot.quarter().compareTo(first) >= 0 && snapshot.quarter().compareTo(newest) <= 0)
			.toList();
		assertThat(demo).extracting(Snapshot::quarter)
			.containsExactlyInAnyOrderElementsOf(first.through(newest))
			.hasSize(8);

		Snapshot last = this.snapshots.latest(org, newest).orElseThrow();
		assertThat(last.comment(Snapshot.Side.EMPLOYER).orElseThrow().body()).isEqualTo(DemoOverview.EMPLOYER_COMMENT);
		assertThat(last.comment(Snapshot.Side.UNION).orElseThrow().body()).isEqualTo(DemoOverview.UNION_COMMENT);
		assertThat(last.review(Snapshot.Side.EMPLOYER)).isPresent();
		assertThat(last.review(Snapshot.Side.UNION)).isPresent();
		assertThat(last.figures()).anySatisfy((figure) -> assertThat(figure.value()).isNotNull());

		String report = this.mvc
			.perform(get("/overview/reports/" + last.id()).with(user(this.accounts.loadUserByUsername("committee"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(report).contains("Fackliga företrädare delar bilden av siffrorna")
			.contains("Arbetsgivaren konstaterar att andelen utredningar");
	}

}
