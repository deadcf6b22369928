package bryt.safety;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.ServerDay;
import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The public pages' limits (fix14, the outsider's finding 9): made-up receipts spend the
 * organisation's budget but never block a genuine receipt, which draws on its own
 * report's budget; a spent budget says "busy, try again in a minute", never "no report
 * found". Each test has an organisation of its own, so its budgets start full.
 */
@BrytTest
class PublicLimitsTests {

	private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<");

	private static final String BUSY = "Too many receipts are being checked just now. Nothing is wrong with yours";

	private static final String NOT_FOUND = "No report was found for that receipt.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void aFloodOfMadeUpReceiptsDoesNotBlockAGenuineOneAndIsAnsweredBusy() throws Exception {
		ReportingWorld world = world();
		String genuine = receipt(world, "Shouted at in the corridor");
		// the same shape as a genuine receipt, with another public half
		String madeUp = "AAAA" + genuine.substring(4);
		boolean busy = false;
		for (int attempt = 0; attempt <= 3 * IncidentConfiguration.WRONG_RECEIPTS_PER_MINUTE && !busy; attempt++) {
			MvcResult result = status(world, madeUp);
			String page = result.getResponse().getContentAsString();
			if (result.getResponse().getStatus() == 429) {
				busy = true;
				assertThat(page).contains(BUSY).doesNotContain(NOT_FOUND);
			}
			else {
				assertThat(page).contains(NOT_FOUND).doesNotContain(BUSY);
			}
		}
		assertThat(busy).as("the organisation's budget for made-up receipts runs out").isTrue();

		// the genuine receipt is still read (the attack's steps: it was refused as wrong)
		MvcResult shown = status(world, genuine);
		assertThat(shown.getResponse().getStatus()).isEqualTo(200);
		assertThat(shown.getResponse().getContentAsString()).contains("Shouted at in the corridor")
			.doesNotContain(NOT_FOUND);
	}

	@Test
	void aGenuineReceiptHasABudgetOfItsOwnAndAnotherReportsIsNotTouchedByIt() throws Exception {
		ReportingWorld world = world();
		String first = receipt(world, "Threatened at a home visit");
		String second = receipt(world, "Followed to the car park");
		for (int check = 0; check < ReceiptChecks.PER_MINUTE; check++) {
			assertThat(status(world, first).getResponse().getContentAsString()).contains("Threatened at a home visit");
		}
		MvcResult spent = status(world, first);
		assertThat(spent.getResponse().getStatus()).isEqualTo(429);
		assertThat(spent.getResponse().getContentAsString()).contains(BUSY)
			.doesNotContain(NOT_FOUND)
			.doesNotContain("Threatened at a home visit");
		assertThat(status(world, second).getResponse().getContentAsString()).contains("Followed to the car park");
		// a wrong secret half under a genuine public half: not found, on that report's
		// budget
		String wrongSecret = second.substring(0, second.length() - 4) + "ZZZZ";
		if (wrongSecret.equals(second)) {
			wrongSecret = second.substring(0, second.length() - 4) + "YYYY";
		}
		assertThat(status(world, wrongSecret).getResponse().getContentAsString()).contains(NOT_FOUND);
	}

	@Test
	void noRowOfTheDatabaseHoldsAReportsReceiptBudget() throws Exception {
		ReportingWorld world = world();
		String genuine = receipt(world, "Spat at in reception");
		status(world, genuine);
		String selector = genuine.substring(0, 4);
		assertThat(this.jdbc.sql("select count(*) from rate_limit_bucket where id like :like")
			.param("like", "%" + selector + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	private ReportingWorld world() {
		return new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"fx14l-" + UUID.randomUUID().toString().substring(0, 8));
	}

	private MvcResult status(ReportingWorld world, String receipt) throws Exception {
		return this.mvc.perform(post("/safety/r/" + world.code + "/status").param("receipt", receipt)).andReturn();
	}

	private String receipt(ReportingWorld world, String description) throws Exception {
		MockHttpServletRequestBuilder report = post("/safety/r/" + world.code)
			.param("once", UUID.randomUUID().toString().replace("-", "").substring(0, 22))
			.param("unit", String.valueOf(world.unitB))
			.param("occurredOn", ServerDay.today().minusDays(1).toString())
			.param("partOfDay", "MORNING")
			.param("category", "THREAT")
			.param("channel", "IN_PERSON")
			.param("source", "CLIENT")
			.param("severity", "2")
			.param("description", description);
		Matcher matcher = RECEIPT.matcher(this.mvc.perform(report).andReturn().getResponse().getContentAsString());
		assertThat(matcher.find()).as("a receipt on the page").isTrue();
		return matcher.group(1);
	}

}
