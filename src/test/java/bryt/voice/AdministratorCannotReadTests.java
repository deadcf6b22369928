package bryt.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.BrytTest;
import bryt.organisation.Organisations;
import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The security review's sequence (issue 9, item 1): an administrator sets up recovery, a
 * recipient unlocks, the administrator sets a new password for the recipient, logs in as
 * them and tries every way back to the reports. None ends with the plaintext.
 */
@BrytTest
class AdministratorCannotReadTests {

	private static final Pattern RECOVERY_CODE = Pattern.compile("id=\"recovery-code\">([0-9A-Z-]+)<");

	private static final String MARKER = "Marker 5521: the unit manager falsified the visit log";

	private static final String NEW_PASSWORD = "Basalt-Heron-Willow-2046";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private RecipientKeys keys;

	@Autowired
	private Reports reports;

	@Autowired
	private Organisations directory;

	@Test
	void anAdministratorWhoResetsARecipientsPasswordReadsNothingThroughAnyPath() throws Exception {
		Colleagues org = new Colleagues(this.jdbc, this.encoder, "reviewed");
		long admin = org.account("Admin", "ADMINISTRATOR");
		long hr = org.account("Hanna", "HR");
		long union = org.account("Ulf", "UNION_REPRESENTATIVE");
		long safety = org.account("Sara", "STAFF");
		Visit hrBrowser = visit(org.username("Hanna"));
		for (Visit recipient : List.of(hrBrowser, visit(org.username("Ulf")), visit(org.username("Sara")))) {
			recipient.send(post("/voice/unlock").param("password", Colleagues.PASSWORD));
		}
		long channel = org.channel("Whistleblowing", hr, union);

		// The administrator sets up recovery, whichever way this Bryt offers: the old
		// single key shown to the administrator, or the split one.
		Visit adminBrowser = visit(org.username("Admin"));
		String setup = adminBrowser.send(post("/admin/voice/recovery-key")).getContentAsString();
		adminBrowser.send(post("/admin/voice/recovery").param("holders", String.valueOf(union), String.valueOf(safety))
			.param("threshold", "2"));
		Matcher code = RECOVERY_CODE.matcher(setup);
		Optional<String> recoveryCode = code.find() ? Optional.of(code.group(1)) : Optional.empty();

		long report = org.report(this.mvc, channel, MARKER);
		// The recipient unlocks and reads: the key is now escrowed wherever this Bryt
		// escrows keys.
		hrBrowser.send(post("/voice/unlock").param("password", Colleagues.PASSWORD));
		assertThat(hrBrowser.page(get("/voice/reports/" + org.number(report)))).contains(MARKER);

		// The administrator sets a new password for the recipient through the account
		// page.
		MockHttpServletResponse reset = adminBrowser
			.send(post("/admin/accounts/" + hr).param("username", org.username("Hanna"))
				.param("displayName", "Hanna")
				.param("roles", "HR")
				.param("enabled", "true")
				.param("password", NEW_PASSWORD));
		assertThat(reset.getStatus()).isEqualTo(302);
		assertThat(this.directory.passwordMatches(hr, NEW_PASSWORD)).isTrue();

		// ... logs in as the recipient and tries every way back.
		Visit asHr = visit(org.username("Hanna"));
		List<String> pages = new ArrayList<>();
		pages.add(asHr.page(post("/voice/unlock").param("password", NEW_PASSWORD)));
		pages.add(asHr.page(post("/voice/restore").param("recoveryKey", recoveryCode.orElse("AAAA"))
			.param("password", NEW_PASSWORD)));
		pages.add(asHr.page(post("/voice/access/recovery").param("account", String.valueOf(hr))));
		pages.add(asHr.page(post("/voice/access/regrant").param("account", String.valueOf(hr))));
		pages.add(adminBrowser.page(post("/voice/access/recovery").param("account", String.valueOf(hr))));
		pages.add(adminBrowser.page(post("/voice/access/regrant").param("account", String.valueOf(hr))));
		pages.add(asHr.page(get("/voice")));
		pages.add(asHr.page(get("/voice/access")));
		MockHttpServletResponse reportPage = asHr.send(get("/voice/reports/" + org.number(report)));
		pages.add(reportPage.getContentAsString());
		pages.add(adminBrowser.page(get("/voice/reports/" + org.number(report))));
		pages.add(adminBrowser.page(get("/admin/voice/channels")));

		assertThat(pages).noneMatch((page) -> page.contains(MARKER));
		assertThat(reportPage.getStatus()).isNotEqualTo(200);
		// The service, with the key the new password unlocks, refuses too.
		KeysetHandle key = this.keys.unlock(hr, NEW_PASSWORD).orElseThrow();
		assertThatThrownBy(() -> this.reports.read(org.org, hr, report, key))
			.isInstanceOf(Reports.ReportNotFoundException.class);
		// Nor does the account's record of the report go: it had access, and lost it,
		// which its co-recipients see in the access log.
		assertThat(this.jdbc.sql("select action from voice_access_log where report_id = :r and account_id = :a")
			.param("r", report)
			.param("a", hr)
			.query(String.class)
			.list()).contains("OPENED", "KEY_DISCARDED");
	}

	private Visit visit(String username) {
		return new Visit(this.mvc, this.users.loadUserByUsername(username));
	}

}
