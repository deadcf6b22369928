package bryt.safety;

import java.nio.charset.StandardCharsets;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The anonymous reporter's receipt and status pages as Voice's (W2-trust item 3,
 * docs/pages/reporter.md): the receipt saved as a text file by a POST, the language
 * changed by POST buttons that carry the receipt, the same words about keeping it, no
 * link to leave by, and the receipt never taken from an address.
 */
@BrytTest
class PublicReceiptTests {

	private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void theReceiptIsSavedAsATextFileAndShownInEachLanguageByAPostThatCarriesIt() throws Exception {
		ReportingWorld world = new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"w2r-" + UUID.randomUUID().toString().substring(0, 8));
		String page = this.mvc.perform(report(world)).andReturn().getResponse().getContentAsString();
		String receipt = receipt(page);
		String base = "/safety/r/" + world.code + "/receipt";
		assertThat(page).contains("This is your receipt. Write it down and keep it safe:",
				"Bryt shows it only now and cannot show it again.", "Whoever has it can read your report.",
				"action=\"" + base + "\"", "formaction=\"" + base + "?lang=da\"", "formaction=\"" + base + "?lang=sv\"",
				"name=\"download\"", "Save the receipt as a text file");
		assertThat(main(page)).doesNotContain("<a ");

		MvcResult saved = this.mvc.perform(post(base).param("receipt", receipt).param("download", "true")).andReturn();
		assertThat(saved.getResponse().getStatus()).isEqualTo(200);
		assertThat(saved.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"bryt-incident-receipt.txt\"");
		assertThat(saved.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(saved.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(new String(saved.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.isEqualTo("Your receipt for the incident report to " + world.code + ": " + receipt + "\r\n");
		assertThat(saved.getResponse().getHeaders("Set-Cookie")).isEmpty();

		String danish = this.mvc.perform(post(base + "?lang=da").param("receipt", receipt.toLowerCase()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(danish).contains("Dette er din kvittering. Skriv den ned, og opbevar den sikkert:",
				"id=\"receipt\">" + receipt + "<", "Gem kvitteringen som tekstfil");
		String swedish = this.mvc.perform(post(base + "?lang=sv").param("receipt", receipt))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(swedish).contains("Det här är ditt kvitto. Skriv ner det och förvara det säkert:",
				"id=\"receipt\">" + receipt + "<");

		// never from the address, never a malformed one
		assertThat(this.mvc.perform(post(base + "?receipt=" + receipt)).andReturn().getResponse().getStatus())
			.isEqualTo(400);
		assertThat(this.mvc.perform(post(base).param("receipt", "not a receipt")).andReturn().getResponse().getStatus())
			.isEqualTo(400);
	}

	@Test
	void theStatusPageChangesLanguageByAPostThatCarriesTheReceipt() throws Exception {
		ReportingWorld world = new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"w2s-" + UUID.randomUUID().toString().substring(0, 8));
		String receipt = receipt(this.mvc.perform(report(world)).andReturn().getResponse().getContentAsString());
		String base = "/safety/r/" + world.code + "/status";
		String status = this.mvc.perform(post(base).param("receipt", receipt))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(status).contains("Pushed against the wall", "name=\"receipt\" value=\"" + receipt + "\"",
				"formaction=\"" + base + "?lang=da\"", "Keep your receipt safe: whoever has it can read your report.");
		assertThat(main(status)).doesNotContain("<a ");
		String danish = this.mvc.perform(post(base + "?lang=da").param("receipt", receipt))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(danish).contains("Status for din indberetning", "Pushed against the wall");
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder report(
			ReportingWorld world) {
		return post("/safety/r/" + world.code)
			.param("once", UUID.randomUUID().toString().replace("-", "").substring(0, 22))
			.param("unit", String.valueOf(world.unitB))
			.param("occurredOn", ServerDay.today().minusDays(1).toString())
			.param("partOfDay", "MORNING")
			.param("category", "PHYSICAL_VIOLENCE")
			.param("channel", "IN_PERSON")
			.param("source", "CLIENT")
			.param("severity", "2")
			.param("description", "Pushed against the wall");
	}

	private static String main(String page) {
		return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
	}

	private static String receipt(String page) {
		Matcher matcher = RECEIPT.matcher(page);
		assertThat(matcher.find()).as("a receipt on the page").isTrue();
		return matcher.group(1);
	}

}
