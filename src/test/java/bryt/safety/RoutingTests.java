package bryt.safety;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import bryt.BrytTest;
import bryt.MailTest;
import bryt.organisation.Country;
import bryt.organisation.Organisations;
import bryt.safety.SafetyClocks.SupportStep;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Routing, acknowledgement, escalation and the reminders through a real SMTP server
 * (GreenMail) and the job on an injected clock. Each test has an organisation of its own
 * ({@link RoutingIncidents}) and counts only mail to its addresses. Incidents are
 * received "now", so that the job running on its own schedule during the tests finds
 * nothing due; the tests run it at the edges with a fixed clock.
 */
@BrytTest
class RoutingTests extends MailTest {

	private static final Duration DAY = Duration.ofHours(24);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Routing routing;

	@Autowired
	private RoutingRepository repository;

	@Autowired
	private SafetyClocks clocks;

	@Autowired
	private SafetyMail mail;

	@Autowired
	private SafetyProperties properties;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	private RoutingIncidents incidents;

	@BeforeEach
	void fixture() {
		this.incidents = new RoutingIncidents(this.jdbc, this.organisations);
	}

	@Test
	void aNewIncidentGoesToTheUnitsManagerAndSafetyRepresentativeOnceAndWithoutContent() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		long incident = this.incidents.incident(org, org.a(), now());

		assertThat(this.routing.route(org.id(), incident)).isEqualTo(2);

		Map<String, String> mails = mails(org);
		assertThat(mails.keySet()).containsExactlyInAnyOrder("manager", "safety");
		assertThat(mails.get("manager")).contains("Unit A", "/safety/incidents/" + incident)
			.doesNotContain(RoutingIncidents.MARKER, "THREAT", "Threat", "PHONE");
		assertThat(subjects()).containsOnly("Bryt: en ny incident");
		// Once: the event delivered twice sends nothing more.
		smtp.purgeEmailFromAllMailboxes();
		assertThat(this.routing.route(org.id(), incident)).isZero();
		assertThat(mails(org)).isEmpty();
	}

	@Test
	void withoutAManagerOfItsOwnTheNearestUnitAboveWithOneIsTold() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		long inTeam = this.incidents.incident(org, org.a1(), now());
		this.routing.route(org.id(), inTeam);
		assertThat(mails(org).keySet()).containsExactlyInAnyOrder("manager", "safety");

		smtp.purgeEmailFromAllMailboxes();
		long inB = this.incidents.incident(org, org.b(), now());
		this.routing.route(org.id(), inB);
		// B's own manager; no safety representative covers B or D.
		assertThat(mails(org).keySet()).containsExactly("other");
	}

	/**
	 * No enabled manager anywhere up the tree: HR is told instead, and nobody escalates
	 * past it.
	 */
	@Test
	void withoutAnyManagerUpTheTreeHrIsTold() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		this.jdbc.sql("update account set enabled = false where username in (:names)")
			.param("names", List.of(org.prefix() + "-manager", org.prefix() + "-boss"))
			.update();
		Instant received = now();
		long incident = this.incidents.incident(org, org.a(), received);
		this.routing.route(org.id(), incident);
		assertThat(mails(org).keySet()).containsExactlyInAnyOrder("hr", "safety");
		smtp.purgeEmailFromAllMailboxes();
		jobs(received.plus(DAY)).sendNotices();
		assertThat(mails(org).keySet()).containsExactly("hr");
	}

	@Test
	void theEventRoutesTheIncidentAfterTheReportingTransactionCommitted() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.DK);
		long incident = this.transaction.execute((status) -> {
			long id = this.incidents.incident(org, org.a(), now());
			this.events.publishEvent(new IncidentReported(org.id(), id));
			return id;
		});
		smtp.waitForIncomingEmail(10_000, 2);
		Map<String, String> mails = mails(org);
		assertThat(mails.keySet()).containsExactlyInAnyOrder("manager", "safety");
		// In the organisation's language.
		assertThat(mails.get("safety")).contains("En ny hændelse er indberettet i Unit A",
				"/safety/incidents/" + incident);
	}

	@Test
	void anUnacknowledgedIncidentEscalatesToTheNextManagerUpAndHrAtTwentyFourHoursOnce() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		Instant received = now();
		long incident = this.incidents.incident(org, org.a1(), received);

		jobs(received.plus(DAY).minusSeconds(60)).sendNotices();
		assertThat(mails(org)).isEmpty();

		jobs(received.plus(DAY)).sendNotices();
		Map<String, String> mails = mails(org);
		assertThat(mails.keySet()).containsExactlyInAnyOrder("boss", "hr");
		assertThat(mails.get("boss")).contains("har inte bekräftats inom 24 timmar", "Team A1")
			.doesNotContain(RoutingIncidents.MARKER);

		smtp.purgeEmailFromAllMailboxes();
		jobs(received.plus(DAY).plusSeconds(3600)).sendNotices();
		assertThat(mails(org)).isEmpty();
		assertThat(this.repository.notices(org.id(), incident)).extracting(RoutingRepository.SentNotice::kind)
			.containsExactly("acknowledge-escalation");
	}

	@Test
	void theManagerAcknowledgesAndNothingEscalates() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		Instant received = now();
		long incident = this.incidents.incident(org, org.a(), received);
		String path = "/safety/incidents/" + incident + "/acknowledge";

		// Another unit's manager does not handle it; the safety representative handles it
		// but the acknowledgement is the employer's.
		assertThat(status(post(path).with(csrf()).with(user(account(org, "other"))))).isEqualTo(404);
		assertThat(status(post(path).with(csrf()).with(user(account(org, "safety"))))).isEqualTo(403);
		assertThat(this.incidents.status(incident)).isEqualTo("NEW");

		assertThat(this.mvc.perform(post(path).with(csrf()).with(user(account(org, "manager"))))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/safety/incidents/" + incident);
		assertThat(this.incidents.status(incident)).isEqualTo("ACKNOWLEDGED");
		assertThat(this.jdbc.sql("select acknowledged_by from safety_incident where id = :id")
			.param("id", incident)
			.query(String.class)
			.single()).isEqualTo("Routing manager");

		jobs(received.plus(DAY)).sendNotices();
		assertThat(mails(org)).isEmpty();
	}

	@Test
	void swedenEscalatesASeriousIncidentWithoutANotificationReferenceAtTwentyFourHours() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		Instant received = now();
		long without = this.incidents.incident(org, org.a(), received);
		long with = this.incidents.incident(org, org.a(), received);
		for (long incident : List.of(without, with)) {
			this.incidents.serious(incident);
			acknowledge(org, incident);
		}
		this.incidents.notified(with, "AV 2026/12345");

		jobs(received.plus(DAY).minusSeconds(60)).sendNotices();
		assertThat(mails(org)).isEmpty();

		jobs(received.plus(DAY)).sendNotices();
		Map<String, String> mails = mails(org);
		assertThat(mails.keySet()).containsExactlyInAnyOrder("manager", "boss", "hr");
		assertThat(mails.get("hr")).contains("saknar anmälan till Arbetsmiljöverket", "/safety/incidents/" + without)
			.doesNotContain("/safety/incidents/" + with, RoutingIncidents.MARKER);
		assertThat(this.repository.notices(org.id(), with)).isEmpty();
	}

	@Test
	void swedenRemindsTheManagerOfTheWorkInjuryReport() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		Instant received = now();
		long incident = this.incidents.incident(org, org.a(), received);
		this.incidents.injured(incident);
		acknowledge(org, incident);

		jobs(received.plus(DAY).minusSeconds(60)).sendNotices();
		assertThat(mails(org)).isEmpty();
		jobs(received.plus(DAY)).sendNotices();
		assertThat(mails(org)).containsOnlyKeys("manager");
		assertThat(mails(org).get("manager")).contains("inte markerad som anmäld till Försäkringskassan");
	}

	/**
	 * Absence from today: the ninth day on is the last in time (a reminder from two days
	 * before), the tenth is overdue; with bryt.safety.easy-days=5 the fifth and sixth.
	 */
	@Test
	void denmarksEasyDateAtItsEdgeAndWithAChangedNumberOfDays() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.DK);
		Instant received = now();
		LocalDate absenceFrom = LocalDate.ofInstant(received, RoutingIncidents.ZONE);
		long incident = this.incidents.incident(org, org.a(), received);
		this.incidents.absent(incident, 12, absenceFrom);
		acknowledge(org, incident);
		settleSupport(org, incident, received);

		jobs(endOf(absenceFrom.plusDays(6))).sendNotices();
		assertThat(mails(org)).isEmpty();
		jobs(startOf(absenceFrom.plusDays(7))).sendNotices();
		assertThat(mails(org)).containsOnlyKeys("manager");
		assertThat(mails(org).get("manager")).contains("EASY senest " + absenceFrom.plusDays(9));

		smtp.purgeEmailFromAllMailboxes();
		jobs(endOf(absenceFrom.plusDays(9))).sendNotices();
		assertThat(mails(org)).isEmpty();
		jobs(startOf(absenceFrom.plusDays(10))).sendNotices();
		assertThat(mails(org).keySet()).containsExactlyInAnyOrder("manager", "boss", "hr");
		assertThat(this.repository.notices(org.id(), incident)).extracting(RoutingRepository.SentNotice::kind)
			.containsExactlyInAnyOrder("authority-reminder", "authority-overdue");

		// Five days instead of nine.
		smtp.purgeEmailFromAllMailboxes();
		long sooner = this.incidents.incident(org, org.a(), received);
		this.incidents.absent(sooner, 12, absenceFrom);
		acknowledge(org, sooner);
		settleSupport(org, sooner, received);
		SafetyJobs five = jobs(endOf(absenceFrom.plusDays(5)), 5);
		five.sendNotices();
		assertThat(mails(org)).containsOnlyKeys("manager");
		assertThat(mails(org).get("manager")).contains("EASY senest " + absenceFrom.plusDays(5));
		smtp.purgeEmailFromAllMailboxes();
		jobs(startOf(absenceFrom.plusDays(6)), 5).sendNotices();
		assertThat(mails(org).keySet()).containsExactlyInAnyOrder("manager", "boss", "hr");
	}

	@Test
	void denmarkGivesFortyEightHoursForADeath() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.DK);
		Instant received = now();
		long incident = this.incidents.incident(org, org.a(), received);
		this.incidents.death(incident);
		acknowledge(org, incident);
		settleSupport(org, incident, received);

		jobs(received.plus(DAY).minusSeconds(60)).sendNotices();
		assertThat(mails(org)).isEmpty();
		jobs(received.plus(DAY)).sendNotices();
		assertThat(mails(org)).containsOnlyKeys("manager");
		smtp.purgeEmailFromAllMailboxes();
		jobs(received.plus(DAY.multipliedBy(2)).minusSeconds(60)).sendNotices();
		assertThat(mails(org)).isEmpty();
		jobs(received.plus(DAY.multipliedBy(2))).sendNotices();
		assertThat(mails(org).keySet()).containsExactlyInAnyOrder("manager", "boss", "hr");
		assertThat(mails(org).get("hr")).contains("EASY");
	}

	@Test
	void thePoliceDecisionIsRemindedAfterFortyEightHoursOnce() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		Instant received = now();
		long incident = this.incidents.incident(org, org.a(), received);
		this.incidents.policeUndecided(incident);
		acknowledge(org, incident);
		settleSupport(org, incident, received);

		jobs(received.plus(DAY.multipliedBy(2)).minusSeconds(60)).sendNotices();
		assertThat(mails(org)).isEmpty();
		jobs(received.plus(DAY.multipliedBy(2))).sendNotices();
		assertThat(mails(org)).containsOnlyKeys("manager");
		assertThat(mails(org).get("manager")).contains("ska polisanmälas, 48 timmar efter");
		smtp.purgeEmailFromAllMailboxes();
		jobs(received.plus(DAY.multipliedBy(3))).sendNotices();
		assertThat(mails(org)).isEmpty();
	}

	/**
	 * The follow-up talk is due on the third day after receipt: nothing at the end of the
	 * second, a reminder to the manager from the third on, once; a recorded or declined
	 * step is not reminded.
	 */
	@Test
	void aSupportStepIsRemindedFromItsDayOnceUnlessRecorded() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		Instant received = now();
		LocalDate receivedOn = LocalDate.ofInstant(received, RoutingIncidents.ZONE);
		long incident = this.incidents.incident(org, org.a(), received);
		long recorded = this.incidents.incident(org, org.a(), received);
		for (long id : List.of(incident, recorded)) {
			acknowledge(org, id);
		}
		this.incidents.support(org, recorded, SupportStep.FOLLOW_UP, received);

		jobs(endOf(receivedOn.plusDays(2))).sendNotices();
		assertThat(mails(org)).isEmpty();
		jobs(startOf(receivedOn.plusDays(3))).sendNotices();
		assertThat(mails(org)).containsOnlyKeys("manager");
		assertThat(mails(org).get("manager")).contains("Det uppföljande samtalet", "/safety/incidents/" + incident)
			.doesNotContain("/safety/incidents/" + recorded, RoutingIncidents.MARKER);
		smtp.purgeEmailFromAllMailboxes();
		jobs(startOf(receivedOn.plusDays(4))).sendNotices();
		assertThat(mails(org)).isEmpty();
	}

	@Test
	void theSectionShowsTheClocksAndTheButtonToTheManagerOnly() throws Exception {
		RoutingIncidents.Org org = this.incidents.create(Country.SE);
		long incident = this.incidents.incident(org, org.a(), now());
		this.incidents.serious(incident);

		String manager = page(incident, org, "manager");
		assertThat(manager)
			.contains("Routing and time limits", "id=\"acknowledge\"", "Acknowledge by", "Notify Arbetsmiljöverket by",
					"hours left)", "Follow-up talk by")
			.doesNotContain(RoutingIncidents.MARKER, "First contact");
		String safety = page(incident, org, "safety");
		assertThat(safety).contains("Acknowledge by").doesNotContain("id=\"acknowledge\"");

		acknowledge(org, incident);
		assertThat(page(incident, org, "manager")).contains("by Routing manager")
			.doesNotContain("id=\"acknowledge\"", "Acknowledge by");
	}

	/**
	 * The routing section of the incident's page (the other parts' sections left out).
	 */
	private String page(long incident, RoutingIncidents.Org org, String name) throws Exception {
		String page = this.mvc.perform(get("/safety/incidents/" + incident).with(user(account(org, name))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int start = page.indexOf("class=\"bryt-safety-routing\"");
		return page.substring(start, page.indexOf("</section>", start));
	}

	private void acknowledge(RoutingIncidents.Org org, long incident) throws Exception {
		this.mvc.perform(post("/safety/incidents/" + incident + "/acknowledge").with(csrf())
			.with(user(account(org, "manager"))));
	}

	private void settleSupport(RoutingIncidents.Org org, long incident, Instant received) {
		this.incidents.support(org, incident, SupportStep.FOLLOW_UP, received);
		this.incidents.support(org, incident, SupportStep.CHECK_IN, received);
	}

	private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private org.springframework.security.core.userdetails.UserDetails account(RoutingIncidents.Org org, String name) {
		return this.accounts.loadUserByUsername(org.prefix() + "-" + name);
	}

	/** Now, to the minute: the incidents' receipt. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MINUTES);
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(RoutingIncidents.ZONE).toInstant();
	}

	private static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(RoutingIncidents.ZONE).toInstant().minusSeconds(60);
	}

	private SafetyJobs jobs(Instant at) {
		return new SafetyJobs(this.repository, this.routing, this.clocks, this.mail, this.properties,
				Clock.fixed(at, RoutingIncidents.ZONE));
	}

	private SafetyJobs jobs(Instant at, int easyDays) {
		SafetyProperties changed = SafetyClocksTest.properties(easyDays);
		return new SafetyJobs(this.repository, this.routing, new SafetyClocks(changed), this.mail, changed,
				Clock.fixed(at, RoutingIncidents.ZONE));
	}

	/**
	 * The mail this organisation's accounts received, by account name, bodies joined;
	 * every body is checked to carry no marker text.
	 */
	private static Map<String, String> mails(RoutingIncidents.Org org) throws MessagingException, IOException {
		Map<String, String> byAddress = org.emails()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
		Map<String, String> mails = new java.util.TreeMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			String to = message.getAllRecipients()[0].toString();
			String body = (String) message.getContent();
			assertThat(body).doesNotContain(RoutingIncidents.MARKER);
			if (byAddress.containsKey(to)) {
				mails.merge(byAddress.get(to), body, (a, b) -> a + "\n" + b);
			}
		}
		return mails;
	}

	private static List<String> subjects() {
		return Arrays.stream(smtp.getReceivedMessages()).map((message) -> {
			try {
				return MimeUtility.decodeText(message.getSubject());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
