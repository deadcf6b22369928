package bryt.voice;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.MailTest;
import bryt.BrytTest;
import com.google.crypto.tink.KeysetHandle;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * After an administrator's reset discarded a recipient's key: a co-recipient's re-grant
 * and the split recovery key give back exactly the reports the account had, each logged
 * in the report's access log and e-mailed (GreenMail on loopback) to its recipients.
 */
@BrytTest
class KeyRecoveryTests extends MailTest {

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
	private KeyRepository keyRepository;

	@Autowired
	private Reports reports;

	@Autowired
	private AccessGrants grants;

	@Autowired
	private ReminderAddresses addresses;

	@Test
	void aCoRecipientReGrantsExactlyTheReportsTheAccountHadAndCanItselfRead() throws Exception {
		Colleagues org = new Colleagues(this.jdbc, this.encoder, "regrant");
		org.account("Admin", "ADMINISTRATOR");
		long hanna = org.account("Hanna", "HR");
		long ulf = org.account("Ulf", "UNION_REPRESENTATIVE");
		long sara = org.account("Sara", "HR");
		Visit hannaBrowser = unlocked(org, "Hanna");
		Visit ulfBrowser = unlocked(org, "Ulf");
		unlocked(org, "Sara");
		long both = org.channel("Whistleblowing", hanna, ulf);
		long hrOnly = org.channel("HR matters", hanna, sara);
		long shared = org.report(this.mvc, both, "Marker 8101 shared with Hanna and Ulf");
		long excluded = org.report(this.mvc, both, "Marker 8102 not for Hanna", hanna);
		long notUlfs = org.report(this.mvc, hrOnly, "Marker 8103 for Hanna and Sara");
		for (String name : List.of("Hanna", "Ulf", "Sara")) {
			this.addresses.save(org.org,
					this.jdbc.sql("select id from account where username = :u")
						.param("u", org.username(name))
						.query(Long.class)
						.single(),
					name.toLowerCase() + "@regrant.example");
		}
		assertThat(hannaBrowser.page(get("/voice/reports/" + org.number(shared)))).contains("Marker 8101");

		org.resetPassword(visit(org, "Admin"), hanna, "Hanna", "HR", NEW_PASSWORD);
		Visit hannaAgain = visit(org, "Hanna");
		hannaAgain.send(post("/voice/unlock").param("password", NEW_PASSWORD));
		assertThat(this.reports.inbox(org.org, hanna)).isEmpty();
		String before = ulfBrowser.page(get("/voice/reports/" + org.number(shared)));
		assertThat(section(before, "holds-access")).contains("Ulf").doesNotContain("Hanna");
		assertThat(section(before, "lost-access")).contains("Hanna");
		assertThat(ulfBrowser.page(get("/voice/access"))).contains("Hanna: 1 report");
		int mailsBefore = smtp.getReceivedMessages().length;

		String done = ulfBrowser.page(post("/voice/access/regrant").param("account", String.valueOf(hanna)));

		assertThat(done).contains("1 report was re-granted.");
		assertThat(this.reports.inbox(org.org, hanna)).extracting(Reports.InboxRow::id).containsExactly(shared);
		KeysetHandle newKey = this.keys.unlock(hanna, NEW_PASSWORD).orElseThrow();
		Reports.RecipientView view = this.reports.read(org.org, hanna, shared, newKey);
		assertThat(view.answers()).extracting((answer) -> answer.value().en())
			.contains("Marker 8101 shared with Hanna and Ulf");
		assertThat(view.recipients()).containsExactly(hanna, ulf);
		assertThat(view.lostAccess()).isEmpty();
		assertThat(view.accessLogIntact()).isTrue();
		assertThat(view.accessLog()).extracting(AccessLog.Entry::accountId, AccessLog.Entry::action)
			.containsSubsequence(tuple(hanna, "KEY_DISCARDED"), tuple(ulf, "REGRANTED"),
					tuple(hanna, "ACCESS_REGRANTED"));
		// The report the reporter kept from Hanna stays hers to never read; the one Ulf
		// cannot read himself stays lost.
		assertThat(this.reports.read(org.org, ulf, excluded, this.keys.unlock(ulf, Colleagues.PASSWORD).orElseThrow())
			.recipients()).containsExactly(ulf);
		assertThat(this.jdbc.sql("select count(*) from voice_report_key where report_id = :r and account_id = :a")
			.param("r", excluded)
			.param("a", hanna)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.reports.read(org.org, sara, notUlfs, this.keys.unlock(sara, Colleagues.PASSWORD).orElseThrow())
			.lostAccess()).containsExactly(hanna);
		String after = ulfBrowser.page(get("/voice/reports/" + org.number(shared)));
		assertThat(section(after, "holds-access")).contains("Hanna", "Ulf");
		assertThat(after).doesNotContain("id=\"lost-access\"");

		// Both recipients of the re-granted report are told, without its content; Sara,
		// who does not receive it, is not.
		List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages())
			.subList(mailsBefore, smtp.getReceivedMessages().length);
		assertThat(mails.stream().map(KeyRecoveryTests::to).collect(Collectors.toSet()))
			.isEqualTo(Set.of("hanna@regrant.example", "ulf@regrant.example"));
		for (MimeMessage mail : mails) {
			assertThat(GreenMailUtil.getBody(mail))
				.contains("Hanna got access again to 1 of the reports you receive in Bryt, re-granted by Ulf.")
				.doesNotContain("Marker", "Whistleblowing");
		}
	}

	@Test
	void kHoldersOfTheSplitRecoveryKeyRecoverTheReportsAndFewerCannot() throws Exception {
		Colleagues org = new Colleagues(this.jdbc, this.encoder, "shamir");
		long admin = org.account("Admin", "ADMINISTRATOR");
		long hanna = org.account("Hanna", "HR");
		long ulf = org.account("Ulf", "UNION_REPRESENTATIVE");
		long sara = org.account("Sara", "STAFF");
		long ivar = org.account("Ivar", "STAFF");
		Visit adminBrowser = unlocked(org, "Admin");
		Visit ulfBrowser = unlocked(org, "Ulf");
		Visit saraBrowser = unlocked(org, "Sara");
		unlocked(org, "Ivar");
		Visit hannaBrowser = unlocked(org, "Hanna");
		String refused = adminBrowser
			.page(post("/admin/voice/recovery").param("holders", String.valueOf(admin), String.valueOf(ulf))
				.param("threshold", "2"));
		assertThat(refused).contains("Holders must be enabled accounts that are not administrators");
		String split = adminBrowser.page(post("/admin/voice/recovery")
			.param("holders", String.valueOf(ulf), String.valueOf(sara), String.valueOf(ivar))
			.param("threshold", "2"));
		assertThat(split).contains("The new recovery key was split among the holders.")
			.contains("Split among 3 holders; 2 of them together can recover");
		long channel = org.channel("Whistleblowing", hanna);
		long report = org.report(this.mvc, channel, "Marker 8201 for Hanna alone");
		// Hanna, having seen who the holders are (by name and by username, which no
		// other account can share), lets them recover her reports.
		assertThat(hannaBrowser.page(get("/voice/access"))).contains("Let these holders recover my reports")
			.contains("(" + org.username("Ulf") + ")", "(" + org.username("Sara") + ")",
					"(" + org.username("Ivar") + ")");
		assertThat(hannaBrowser.page(post("/voice/access/entrust")))
			.contains("Your key now has a copy for the recovery key.");
		this.addresses.save(org.org, hanna, "hanna@shamir.example");

		org.resetPassword(adminBrowser, hanna, "Hanna", "HR", NEW_PASSWORD);
		visit(org, "Hanna").send(post("/voice/unlock").param("password", NEW_PASSWORD));
		int mailsBefore = smtp.getReceivedMessages().length;

		assertThat(adminBrowser.page(post("/voice/access/recovery").param("account", String.valueOf(hanna))))
			.contains("You hold no usable share of the recovery key.");
		assertThat(ulfBrowser.page(post("/voice/access/recovery").param("account", String.valueOf(hanna))))
			.contains("Your approval was counted: 1 of 2.");
		assertThat(this.reports.inbox(org.org, hanna)).isEmpty();
		assertThat(saraBrowser.page(post("/voice/access/recovery").param("account", String.valueOf(hanna))))
			.contains("The reports were recovered: 1.");

		KeysetHandle newKey = this.keys.unlock(hanna, NEW_PASSWORD).orElseThrow();
		Reports.RecipientView view = this.reports.read(org.org, hanna, report, newKey);
		assertThat(view.answers()).extracting((answer) -> answer.value().en()).contains("Marker 8201 for Hanna alone");
		assertThat(view.accessLog()).extracting(AccessLog.Entry::accountId, AccessLog.Entry::action)
			.containsSubsequence(tuple(hanna, "KEY_DISCARDED"), tuple(hanna, "RECOVERED"))
			.contains(tuple(ulf, "RECOVERY_APPROVED"), tuple(sara, "RECOVERY_APPROVED"));
		assertThat(view.accessLogIntact()).isTrue();
		List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages())
			.subList(mailsBefore, smtp.getReceivedMessages().length);
		assertThat(mails).extracting(KeyRecoveryTests::to).containsExactly("hanna@shamir.example");
		assertThat(GreenMailUtil.getBody(mails.get(0))).contains("through the recovery key, approved by")
			.doesNotContain("Marker");
	}

	@Test
	void sharesOpenNothingWhenTooFewOrAfterTheRecoveryKeyWasRotated() throws Exception {
		Colleagues org = new Colleagues(this.jdbc, this.encoder, "rotation");
		long hanna = org.account("Hanna", "HR");
		List<Long> holders = List.of(org.account("Ulf", "UNION_REPRESENTATIVE"), org.account("Sara", "STAFF"),
				org.account("Ivar", "STAFF"));
		for (long holder : holders) {
			this.keys.create(org.org, holder, Colleagues.PASSWORD).orElseThrow();
		}
		this.keys.create(org.org, hanna, Colleagues.PASSWORD).orElseThrow();
		long report = org.report(this.mvc, org.channel("Whistleblowing", hanna), "Marker 8301");
		assertThat(this.keys.splitRecoveryKey(org.org, holders, 4)).contains(RecipientKeys.SplitProblem.THRESHOLD);
		assertThat(this.keys.splitRecoveryKey(org.org, holders.subList(0, 1), 1))
			.contains(RecipientKeys.SplitProblem.TOO_FEW_HOLDERS);

		assertThat(this.keys.splitRecoveryKey(org.org, holders, 2)).isEmpty();
		assertThat(this.keys.entrust(org.org, hanna, this.keys.unlock(hanna, Colleagues.PASSWORD).orElseThrow()))
			.isTrue();
		Map<Integer, byte[]> oldShares = openShares(org.org, holders);
		assertThat(oldShares).hasSize(3);

		// Rotated: two holders now; the copy for the old key is gone, and Hanna entrusts
		// the new holders.
		assertThat(this.keys.splitRecoveryKey(org.org, holders.subList(0, 2), 2)).isEmpty();
		assertThat(this.keyRepository.recovery(org.org).orElseThrow().generation()).isEqualTo(2);
		assertThat(this.keys.entrusted(hanna)).isFalse();
		assertThat(this.keys.entrust(org.org, hanna, this.keys.unlock(hanna, Colleagues.PASSWORD).orElseThrow()))
			.isTrue();
		Map<Integer, byte[]> newShares = openShares(org.org, holders.subList(0, 2));
		assertThat(this.keyRepository.shares(org.org)).hasSize(2);

		this.keys.discard(org.org, hanna);
		this.keys.create(org.org, hanna, Colleagues.PASSWORD).orElseThrow();

		assertThat(this.grants.recover(org.org, hanna, oldShares, holders)).as("all three old shares").isZero();
		assertThat(this.grants.recover(org.org, hanna, Map.of(1, newShares.get(1)), holders.subList(0, 1)))
			.as("one share of two")
			.isZero();
		assertThat(this.reports.inbox(org.org, hanna)).isEmpty();
		assertThat(this.grants.recover(org.org, hanna, newShares, holders.subList(0, 2))).isEqualTo(1);
		assertThat(this.reports.inbox(org.org, hanna)).extracting(Reports.InboxRow::id).containsExactly(report);
	}

	@Test
	void holdersAnAdministratorPickedRecoverNothingTheRecipientDidNotEntrustToThem() throws Exception {
		Colleagues org = new Colleagues(this.jdbc, this.encoder, "puppets");
		org.account("Admin", "ADMINISTRATOR");
		long hanna = org.account("Hanna", "HR");
		// Two accounts the administrator made, with passwords the administrator knows.
		long first = org.account("Puppet1", "STAFF");
		long second = org.account("Puppet2", "STAFF");
		KeysetHandle firstKey = this.keys.create(org.org, first, Colleagues.PASSWORD).orElseThrow();
		KeysetHandle secondKey = this.keys.create(org.org, second, Colleagues.PASSWORD).orElseThrow();
		Visit admin = visit(org, "Admin");
		admin.send(post("/admin/voice/recovery").param("holders", String.valueOf(first), String.valueOf(second))
			.param("threshold", "2"));
		unlocked(org, "Hanna");
		long report = org.report(this.mvc, org.channel("Whistleblowing", hanna), "Marker 8401");
		assertThat(this.keys.entrusted(hanna)).isFalse();

		org.resetPassword(admin, hanna, "Hanna", "HR", NEW_PASSWORD);
		visit(org, "Hanna").send(post("/voice/unlock").param("password", NEW_PASSWORD));
		assertThat(this.grants.approveRecovery(org.org, first, firstKey, hanna).outcome())
			.isEqualTo(AccessGrants.Approval.Outcome.PENDING);
		assertThat(this.grants.approveRecovery(org.org, second, secondKey, hanna).outcome())
			.isEqualTo(AccessGrants.Approval.Outcome.FAILED);
		assertThat(this.reports.inbox(org.org, hanna)).isEmpty();
		KeysetHandle newKey = this.keys.unlock(hanna, NEW_PASSWORD).orElseThrow();
		assertThatThrownBy(() -> this.reports.read(org.org, hanna, report, newKey))
			.isInstanceOf(Reports.ReportNotFoundException.class);
	}

	/** Each holder's share, opened with the holder's own key as an approval would. */
	private Map<Integer, byte[]> openShares(long org, List<Long> holders) throws Exception {
		int generation = this.keyRepository.recovery(org).orElseThrow().generation();
		Map<Integer, byte[]> shares = new HashMap<>();
		for (KeyRepository.Share share : this.keyRepository.shares(org)) {
			assertThat(holders).contains(share.accountId());
			KeysetHandle key = this.keys.unlock(share.accountId(), Colleagues.PASSWORD).orElseThrow();
			shares.put(share.part(), VoiceCrypto.unwrapWith(key, share.wrappedShare(),
					CryptoContexts.recoveryShare(org, generation, share.part(), share.accountId())));
		}
		return shares;
	}

	private Visit visit(Colleagues org, String name) {
		return new Visit(this.mvc, this.users.loadUserByUsername(org.username(name)));
	}

	private Visit unlocked(Colleagues org, String name) throws Exception {
		Visit browser = visit(org, name);
		browser.send(post("/voice/unlock").param("password", Colleagues.PASSWORD));
		return browser;
	}

	/** The text of the element with the id, up to its end tag. */
	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("#" + id).isNotNegative();
		return page.substring(start, page.indexOf("</dd>", start));
	}

	private static String to(MimeMessage mail) {
		try {
			Address[] recipients = mail.getAllRecipients();
			return recipients[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
