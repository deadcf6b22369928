package bryt.surveys;

import java.time.LocalDate;

import bryt.ServerDay;
import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launch when no mail server is set up (the plain test context has none, as a new
 * installation has none): nobody is counted as mailed and every invitation is a paper
 * code, so that no code meant for a mail is lost and nobody is shut out for the pulse
 * gap.
 */
@BrytTest
class CycleLaunchWithoutMailTests {

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private CycleService cycles;

	@Test
	void everyInvitationIsAPaperCodeWhenNoMailServerIsSetUp() {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();

		CycleService.Invited invited = this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today, today.plusDays(13)));

		// 6 in A (the leaver not) and 3 in B, as CycleLaunchTests counts them; five have
		// a
		// work address, but with no mail server all nine get a paper code
		assertThat(invited.mailAvailable()).isFalse();
		assertThat(invited.invited()).isEqualTo(9);
		assertThat(invited.withMail()).isZero();
		assertThat(invited.mailed()).isZero();
		assertThat(invited.paperCodes()).hasSize(9).doesNotHaveDuplicates();
		assertThat(invited.unsentCodes()).isEmpty();
	}

}
