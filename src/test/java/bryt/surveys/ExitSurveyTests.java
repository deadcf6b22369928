package bryt.surveys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.MailTest;
import bryt.Superuser;
import bryt.organisation.Organisations;
import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The exit survey's two stages on an injected clock, mail in GreenMail: a leaver is
 * invited once to the first stage; after answering may leave a private address, kept
 * encrypted; the second stage reaches it on the end date + 90 days (not a day before) and
 * the address is gone; "delete my address" removes it and nothing is sent.
 */
@BrytTest
class ExitSurveyTests extends MailTest {

	private static final ZoneId ZONE = SurveyClocks.ZONE;

	private static final Pattern TOKEN = Pattern.compile("id=\"deletion-token\">([0-9A-Z-]+)<");

	@Autowired
	private CycleFixture fixture;

	@Autowired
	private ExitSurveys exits;

	@Autowired
	private CycleService cycles;

	@Autowired
	private CycleRepository repository;

	@Autowired
	private Organisations organisations;

	@Autowired
	private SurveyMail mail;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EmbeddedDatabase database;

	@Autowired
	private DatabaseProperties properties;

	@Test
	void aLeaverIsInvitedOnceAndTheSecondStageReachesThePrivateAddressAfter90Days() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(ZONE);
		LocalDate end = today.plusDays(10);
		leaves(org, "A1", end);
		// Without a work address: counted, not invited.
		leaves(org, "B2", today.plusDays(5));

		jobs(today).inviteLeavers();

		List<MimeMessage> first = mailsTo(org.emails().values());
		assertThat(first).hasSize(1);
		assertThat(CycleLaunchTests.to(first.getFirst())).isEqualTo(org.emails().get("A1"));
		// The exit wording, in the organisation's language (Swedish).
		assertThat(first.getFirst().getSubject()).isEqualTo("Du slutar: vill du berätta varför?");
		assertThat(this.jdbc.sql("""
				select program || ' ' || opens_on || ' ' || closes_on || ' ' || invited || ' ' || without_address
				from survey_cycle where organisation_id = :org
				""").param("org", org.id()).query(String.class).list()).containsExactly("exit_first "
				+ today.withDayOfMonth(1) + " " + today.withDayOfMonth(1).plusMonths(2).minusDays(1) + " 1 1");
		assertThat(this.jdbc.sql("""
				select g.invited from survey_group g join survey_cycle c on c.id = g.cycle_id
				where c.organisation_id = :org and g.unit_id = :unit
				""").param("org", org.id()).param("unit", org.a()).query(Integer.class).single()).isEqualTo(1);

		// The next run invites nobody again.
		smtp.purgeEmailFromAllMailboxes();
		jobs(today).inviteLeavers();
		jobs(today.plusDays(1)).inviteLeavers();
		assertThat(mailsTo(org.emails().values())).isEmpty();

		// Answering shows the private-address form, carrying the code only.
		String code = CycleLaunchTests.code(first.getFirst());
		String thanks = this.mvc.perform(post("/s/answer").param("code", code))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(thanks).contains("Thank you for your answers")
			.contains("action=\"/s/exit-address?lang=en\"")
			.contains("used once, 90 days after your last day, then deleted");

		// A malformed address comes back with a message and stores nothing.
		String refused = this.mvc
			.perform(post("/s/exit-address").param("code", code).param("address", "not an address"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Enter an e-mail address like name@example.com");
		assertThat(addresses(org)).isZero();

		String address = "leaver." + org.code() + "@home.example";
		String token = leave(code, address);
		assertThat(token).matches("[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}");
		assertThat(addresses(org)).isEqualTo(1);
		assertThat(this.jdbc.sql("select send_on from survey_exit_address where organisation_id = :org")
			.param("org", org.id())
			.query(LocalDate.class)
			.single()).isEqualTo(end.plusDays(90));
		// Once per invitation.
		assertThat(this.mvc.perform(post("/s/exit-address").param("code", code).param("address", "other@home.example"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("No address can be left with this code");
		assertThat(addresses(org)).isEqualTo(1);

		// The address, its bytes and the key are in no column of any table.
		JdbcClient superuser = JdbcClient.create(Superuser.of(this.database, this.properties));
		String everything = String.join("\n", AnswerSchemaTests.dump(superuser, "%"));
		byte[] key = Base64.getDecoder()
			.decode(Files.readString(this.properties.dataDir().resolve("keys").resolve(ExitAddressKey.FILE)).strip());
		assertThat(everything).doesNotContain(address)
			.doesNotContain(address.toLowerCase())
			.doesNotContain(HexFormat.of().formatHex(address.getBytes(StandardCharsets.UTF_8)))
			.doesNotContain("@home.example")
			.doesNotContain(HexFormat.of().formatHex(key))
			.doesNotContain(Base64.getEncoder().encodeToString(key));

		// A day early: nothing.
		smtp.purgeEmailFromAllMailboxes();
		jobs(end.plusDays(89)).sendSecondStage();
		assertThat(mailsTo(List.of(address))).isEmpty();
		assertThat(addresses(org)).isEqualTo(1);

		// On the day: one invitation to the private address, and the row is gone.
		jobs(end.plusDays(90)).sendSecondStage();
		List<MimeMessage> second = mailsTo(List.of(address));
		assertThat(second).hasSize(1);
		assertThat(second.getFirst().getSubject()).isEqualTo("90 dagar senare: hur ser du på det nu?");
		assertThat(addresses(org)).isZero();
		LocalDate month = end.plusDays(90).withDayOfMonth(1);
		assertThat(this.jdbc
			.sql("""
					select invited from survey_cycle where organisation_id = :org and program = 'exit_second' and opens_on = :month
					""")
			.param("org", org.id())
			.param("month", month)
			.query(Integer.class)
			.single()).isEqualTo(1);
		String secondCode = CycleLaunchTests.code(second.getFirst());
		assertThat(secondCode).isNotEqualTo(code);
		// Once only.
		smtp.purgeEmailFromAllMailboxes();
		jobs(end.plusDays(91)).sendSecondStage();
		assertThat(mailsTo(List.of(address))).isEmpty();
	}

	@Test
	void deleteMyAddressRemovesItAndNothingIsSent() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(ZONE);
		LocalDate end = today;
		// The last working day at the latest.
		leaves(org, "A2", end);
		jobs(today).inviteLeavers();
		List<MimeMessage> first = mailsTo(org.emails().values());
		assertThat(first).hasSize(1);
		String code = CycleLaunchTests.code(first.getFirst());
		this.mvc.perform(post("/s/answer").param("code", code)).andReturn();
		String address = "gone." + org.code() + "@home.example";
		String token = leave(code, address);
		assertThat(addresses(org)).isEqualTo(1);

		// The page to type it later, and a token that deletes nothing gets the same
		// answer.
		assertThat(this.mvc.perform(get("/s/exit-address/delete")).andReturn().getResponse().getContentAsString())
			.contains("Deletion code");
		String wrong = this.mvc.perform(post("/s/exit-address/delete").param("token", "0".repeat(26)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(addresses(org)).isEqualTo(1);
		String deleted = this.mvc.perform(post("/s/exit-address/delete").param("token", token.toLowerCase()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(deleted).contains("it is deleted now").isEqualTo(wrong);
		assertThat(addresses(org)).isZero();

		smtp.purgeEmailFromAllMailboxes();
		jobs(end.plusDays(90)).sendSecondStage();
		assertThat(mailsTo(List.of(address))).isEmpty();
	}

	@Test
	void anAnnualSurveysThanksHasNoAddressFormAndItsCodeLeavesNoAddress() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(ZONE);
		this.cycles.launchAndInvite(org.id(),
				new CycleCommand(CycleProgram.ANNUAL, org.instrument(), today, today.plusDays(3)));
		String code = CycleLaunchTests.code(mailsTo(org.emails().values()).getFirst());
		String thanks = this.mvc.perform(post("/s/answer").param("code", code))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(thanks).contains("Thank you for your answers").doesNotContain("/s/exit-address");
		assertThat(this.mvc.perform(post("/s/exit-address").param("code", code).param("address", "x@home.example"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("No address can be left with this code");
		assertThat(addresses(org)).isZero();
	}

	private String leave(String code, String address) throws Exception {
		String saved = this.mvc.perform(post("/s/exit-address").param("code", code).param("address", address))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(saved).contains("Your address is kept for the second survey").doesNotContain(address);
		Matcher matcher = TOKEN.matcher(saved);
		assertThat(matcher.find()).as("a deletion token on the page").isTrue();
		return matcher.group(1);
	}

	/**
	 * The second review's H1: an exit invitation tells its leaver's send date, so no
	 * answer may share a transaction id with it; and as the exit stages have few answers
	 * a month, no held row may tell which answer came last (the next address row's
	 * transaction would point at it). M1: a leaver's valid code leaves an address however
	 * many wrong codes others tried; L1: a made-up code with a malformed address gets no
	 * thank-you page.
	 */
	@Test
	void exitAnswersPairWithNoInvitationNorWithEachOtherAndAValidCodeIsNeverRefused() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(ZONE);
		leaves(org, "A1", today.plusDays(10));
		leaves(org, "A2", today.plusDays(12));
		jobs(today).inviteLeavers();
		List<String> codes = mailsTo(org.emails().values()).stream().map(CycleLaunchTests::code).toList();
		assertThat(codes).hasSize(2);
		for (String code : codes) {
			this.mvc.perform(post("/s/answer").param("code", code).param("item.recommend", "3")).andReturn();
		}
		JdbcClient superuser = JdbcClient.create(Superuser.of(this.database, this.properties));
		List<String> held = superuser.sql("""
				select r.xmin::text from survey_held_response r join survey_cycle c on c.id = r.cycle_id
					where c.organisation_id = :org
				union all select a.xmin::text from survey_held_answer a join survey_held_response r on r.id = a.held_id
					join survey_cycle c on c.id = r.cycle_id where c.organisation_id = :org
				""").param("org", org.id()).query(String.class).list();
		// two responses and their two answers, all rewritten by the second answer
		assertThat(held).hasSize(4);
		assertThat(Set.copyOf(held)).hasSize(1);
		List<String> invitations = superuser.sql("""
				select i.xmin::text from survey_invitation i join survey_cycle c on c.id = i.cycle_id
					where c.organisation_id = :org
				union select i.xmax::text from survey_invitation i join survey_cycle c on c.id = i.cycle_id
					where c.organisation_id = :org
				""").param("org", org.id()).query(String.class).list();
		assertThat(invitations).doesNotContainAnyElementsOf(held);

		try {
			// Wrong codes until the instance's limit (60 a minute, some perhaps spent by
			// other tests this minute) refuses one.
			int status = 0;
			for (int i = 0; i < 61 && status != 429; i++) {
				status = this.mvc
					.perform(post("/s/exit-address").param("code", "ZZZZ-" + i).param("address", "x@home.example"))
					.andReturn()
					.getResponse()
					.getStatus();
			}
			assertThat(status).isEqualTo(429);
			// L1: a made-up code with a malformed address is told nothing was left.
			String madeUp = this.mvc
				.perform(post("/s/exit-address").param("code", "0123456789ABCDEFGHJKMNPQRS")
					.param("address", "not an address"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(madeUp).contains("No address can be left with this code")
				.doesNotContain("Thank you for your answers");
			// M1: the leaver's own code still leaves an address.
			leave(codes.getFirst(), "first." + org.code() + "@home.example");
			assertThat(addresses(org)).isEqualTo(1);
		}
		finally {
			// the bucket is the instance's: leave it empty for the other tests
			this.jdbc.sql("delete from rate_limit_bucket where id like '%surveys wrong codes%'").update();
		}
	}

	/**
	 * The second review's M2: a leaver without a work address was remembered as invited
	 * and never reached once given one; a leaving registered after the end date was never
	 * invited.
	 */
	@Test
	void aLeaverGivenAnAddressLaterIsInvitedAndALateLeavingWithinThirtyDaysToo() throws Exception {
		CycleFixture.Org org = this.fixture.create();
		LocalDate today = LocalDate.now(ZONE);
		// registered three days after the last day, no work address yet
		leaves(org, "B2", today.minusDays(3));
		// 31 days past: too late
		leaves(org, "B3", today.minusDays(31));
		address(org, "B3", "b3." + org.code() + "@work.example");
		jobs(today).inviteLeavers();
		assertThat(mailsTo(List.of("b2." + org.code() + "@work.example", "b3." + org.code() + "@work.example")))
			.isEmpty();
		assertThat(withoutAddress(org)).isEqualTo(1);

		address(org, "B2", "b2." + org.code() + "@work.example");
		// the next run (the same day, so in the same month's cycle whatever today is)
		jobs(today).inviteLeavers();
		assertThat(mailsTo(List.of("b2." + org.code() + "@work.example"))).hasSize(1);
		assertThat(mailsTo(List.of("b3." + org.code() + "@work.example"))).isEmpty();
		assertThat(withoutAddress(org)).isZero();
	}

	private void address(CycleFixture.Org org, String number, String email) {
		assertThat(this.jdbc
			.sql("update staff set work_email = :email where organisation_id = :org and employee_number = :n")
			.param("email", email)
			.param("org", org.id())
			.param("n", number)
			.update()).isEqualTo(1);
	}

	private int withoutAddress(CycleFixture.Org org) {
		return this.jdbc.sql("""
				select without_address from survey_cycle where organisation_id = :org and program = 'exit_first'
				""").param("org", org.id()).query(Integer.class).single();
	}

	private void leaves(CycleFixture.Org org, String number, LocalDate end) {
		assertThat(this.jdbc
			.sql("""
					update staff set end_date = :end, end_reason = 'RESIGNED' where organisation_id = :org and employee_number = :n
					""")
			.param("end", end)
			.param("org", org.id())
			.param("n", number)
			.update()).isEqualTo(1);
	}

	private int addresses(CycleFixture.Org org) {
		return this.jdbc.sql("select count(*) from survey_exit_address where organisation_id = :org")
			.param("org", org.id())
			.query(Integer.class)
			.single();
	}

	/** Other tests' organisations share the database: only these addresses count. */
	private static List<MimeMessage> mailsTo(java.util.Collection<String> addresses) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> addresses.contains(CycleLaunchTests.to(m)))
			.toList();
	}

	private ExitJobs jobs(LocalDate day) {
		return new ExitJobs(this.exits, this.cycles, this.repository, this.organisations, this.mail,
				SurveyClocks.morningOf(day));
	}

}
