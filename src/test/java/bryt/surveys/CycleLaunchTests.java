package bryt.surveys;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import bryt.ServerDay;
import bryt.MailTest;
import bryt.BrytTest;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A launch invites everyone employed on the opening day, once each, by mail or by paper
 * code, and stores no person on an invitation.
 */
@BrytTest
class CycleLaunchTests extends MailTest {

	static final Pattern LINK = Pattern.compile("https://bryt\\.example/s/([0-9A-Z]{26})");

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private CycleService cycles;

	@Autowired
	private InvitationKey key;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	void invitesCurrentStaffByMailToEachAddressAndByPaperCodeTheRest() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();

		CycleService.Invited invited = this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today, today.plusDays(13)));

		// 6 in A (the leaver not) and 3 in B; A1..A4 and B1 have an address.
		assertThat(invited.invited()).isEqualTo(9);
		assertThat(invited.withMail()).isEqualTo(5);
		assertThat(invited.mailed()).isEqualTo(5);
		assertThat(invited.paperCodes()).hasSize(4)
			.allMatch((code) -> code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}-[0-9A-Z]{2}"));
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(Arrays.stream(mails).map(CycleLaunchTests::to).collect(Collectors.toSet()))
			.isEqualTo(Set.copyOf(org.emails().values()));
		Set<String> codes = new HashSet<>();
		for (MimeMessage mail : mails) {
			codes.add(code(mail));
		}
		invited.paperCodes().forEach((code) -> codes.add(code.replace("-", "")));
		assertThat(codes).hasSize(9);

		long cycle = invited.cycle().id();
		assertThat(this.jdbc.sql("select invited from survey_cycle where id = :id")
			.param("id", cycle)
			.query(Integer.class)
			.single()).isEqualTo(9);
		Map<Long, Integer> groups = this.jdbc.sql("select unit_id, invited from survey_group where cycle_id = :id")
			.param("id", cycle)
			.query((rs, row) -> Map.entry(rs.getLong("unit_id"), rs.getInt("invited")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(groups).isEqualTo(Map.of(org.d(), 0, org.a(), 6, org.b(), 3));
		// Each code's HMAC is an invitation; the code itself is nowhere.
		List<byte[]> stored = this.jdbc.sql("select token_hmac from survey_invitation where cycle_id = :id")
			.param("id", cycle)
			.query(byte[].class)
			.list();
		assertThat(stored).hasSize(9);
		Set<String> storedHex = stored.stream().map(CycleLaunchTests::hex).collect(Collectors.toSet());
		assertThat(codes.stream()
			.map((code) -> hex(this.key.hmac(InvitationCode.parse(code).orElseThrow())))
			.collect(Collectors.toSet())).isEqualTo(storedHex);
		Map<String, Integer> tenure = this.jdbc.sql("""
				select coalesce(tenure_band, 'none') as tenure_band, count(*) as n from survey_invitation
				where cycle_id = :id group by tenure_band
				""")
			.param("id", cycle)
			.query((rs, row) -> Map.entry(rs.getString("tenure_band"), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		// Mailed: A1..A4 started 2 months ago, B1 2 years ago. A paper slip is handed out
		// unlinked within its unit, so it carries no band: A5, A6, B2, B3.
		assertThat(tenure).isEqualTo(Map.of("under_1", 4, "1_3", 1, "none", 4));
		// The slips by unit: A5 and A6 in A, B2 and B3 in B.
		assertThat(invited.paperByUnit().keySet()).containsExactly("Enhet A " + org.code(), "Enhet B " + org.code());
		assertThat(invited.paperByUnit().values()).allMatch((slips) -> slips.size() == 2);
		assertThat(this.jdbc.sql("select count(*) from survey_recipient where cycle_id = :id")
			.param("id", cycle)
			.query(Integer.class)
			.single()).isEqualTo(9);
	}

	/**
	 * With {@code bryt.surveys.answer-link} set (as MailTest does), the slips page shows
	 * no warning about the address (P5, item 2; CycleMendsTests shows the warning).
	 */
	@Test
	void theSlipsPageHasNoAddressWarningWhenTheAnswerLinkIsSet() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();
		String page = this.mvc
			.perform(post("/surveys/cycles").param("program", "pulse")
				.param("instrument", String.valueOf(org.instrument()))
				.param("opensOn", today.toString())
				.param("closesOn", today.plusDays(6).toString())
				.with(user(TestAccounts.of(org.id(), Role.HR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"paper-codes\"", "https://bryt.example/s").doesNotContain("answer-page-unset");
	}

	@Test
	void nobodyGetsASecondSurveyWithinFourteenDays() {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = ServerDay.today();
		this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.PULSE, org.instrument(), today, today.plusDays(5)));

		CycleService.Invited thirteen = this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today.plusDays(13), today.plusDays(20)));
		CycleService.Invited fourteen = this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.PULSE, org.instrument(), today.plusDays(14), today.plusDays(20)));

		assertThat(thirteen.invited()).isZero();
		assertThat(thirteen.skipped()).isEqualTo(9);
		assertThat(fourteen.invited()).isEqualTo(9);
	}

	@Test
	void refusesAnInstrumentOfAnotherOrganisationAndDatesOutOfOrder() {
		CycleFixture.Org org = this.fixture.create();
		CycleFixture.Org other = this.fixture.create();
		LocalDate today = ServerDay.today();

		assertThatThrownBy(() -> this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, other.instrument(), today, today)))
			.hasMessage("surveys.cycle.error.instrument");
		assertThatThrownBy(() -> this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today, today.minusDays(1))))
			.hasMessage("surveys.cycle.error.closesBeforeOpens");
		assertThatThrownBy(() -> this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today.minusDays(1), today)))
			.hasMessage("surveys.cycle.error.opensInThePast");
		assertThat(this.jdbc.sql("select count(*) from survey_cycle where organisation_id = :org")
			.param("org", org.id())
			.query(Integer.class)
			.single()).isZero();
	}

	static String to(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String code(MimeMessage mail) {
		Matcher matcher = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
		assertThat(matcher.find()).as("a link in the mail").isTrue();
		return matcher.group(1);
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}

}
