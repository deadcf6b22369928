package bryt.safety;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import bryt.BrytTest;
import bryt.MailTest;
import bryt.organisation.Country;
import bryt.organisation.Organisations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The outsider's findings 1 and 8 with a mail server (GreenMail): an anonymous report is
 * routed by the job, not at once, and no stored time of it (the incident, its notices,
 * the public form's rate limit) is finer than the hour or, for the rate limit, the
 * minute; a logged-in reporter is told by mail only when a mail reaches someone; an
 * incident never routed is routed once by the job.
 */
@BrytTest
class AnonymityMailTests extends MailTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private UserDetailsService accounts;

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
	private Clock clock;

	private ReportingWorld world;

	@BeforeEach
	void world() {
		this.world = new ReportingWorld(this.jdbc, this.encoder, this.accounts, this.mvc,
				"w3m-" + UUID.randomUUID().toString().substring(0, 8));
	}

	@Test
	void anAnonymousReportIsRoutedByTheJobAndNothingStoredDatesItFinerThanTheHour() throws Exception {
		address("manager");
		address("safety");
		MvcResult sent = this.mvc
			.perform(post("/safety/r/" + this.world.code)
				.param("once", "AAAAAAAAAAAA" + UUID.randomUUID().toString().substring(0, 10))
				.param("unit", String.valueOf(this.world.unitA))
				.param("occurredOn", LocalDate.now(this.clock).minusDays(1).toString())
				.param("partOfDay", "AFTERNOON")
				.param("category", "THREAT")
				.param("channel", "IN_PERSON")
				.param("source", "CLIENT")
				.param("severity", "2")
				.param("description", "TIMEMARK-4410"))
			.andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(200);
		long id = this.jdbc.sql("select id from safety_incident where organisation_id = :org")
			.param("org", this.world.org)
			.query(Long.class)
			.single();

		// Not at once: the event's listener leaves it to the job.
		assertThat(smtp.waitForIncomingEmail(3000, 1)).isFalse();
		assertThat(notices(id)).isZero();

		Instant received = this.jdbc.sql("select received_at from safety_incident where id = :id")
			.param("id", id)
			.query(Timestamp.class)
			.single()
			.toInstant();
		// fix14: not within its own hour either; from the hour after it, with every
		// anonymous report of that hour
		jobs(received.plus(Duration.ofMinutes(17)).plusMillis(25_637)).routeUnrouted();
		assertThat(notices(id)).isZero();
		SafetyJobs job = jobs(received.plus(Duration.ofMinutes(77)).plusMillis(25_637));
		assertThat(job.routeUnrouted()).isGreaterThanOrEqualTo(2);
		assertThat(smtp.getReceivedMessages()).extracting(AnonymityMailTests::recipient)
			.contains(email("manager"), email("safety"));
		assertThat(notices(id)).isOne();
		// Once: the next run routes it no more.
		assertThat(job.routeUnrouted()).isZero();
		assertThat(notices(id)).isOne();
		// A reminder of an anonymous incident is dated to the hour as well.
		this.jdbc.sql("update safety_incident set police_decision = null where id = :id").param("id", id).update();
		jobs(received.plus(Duration.ofHours(24 * 14)).plusSeconds(1234)).sendNotices();
		assertThat(notices(id)).isGreaterThan(1);

		// Every timestamptz column of the incident and its notices: whole hours only.
		for (String table : List.of("safety_incident", "safety_notice")) {
			List<String> columns = this.jdbc.sql("""
					select column_name from information_schema.columns
					where table_name = :table and data_type = 'timestamp with time zone'
					""").param("table", table).query(String.class).list();
			assertThat(columns).isNotEmpty();
			String key = table.equals("safety_incident") ? "id" : "incident_id";
			for (String column : columns) {
				List<OffsetDateTime> values = this.jdbc
					.sql("select " + column + " from " + table + " where " + key + " = :id and " + column
							+ " is not null")
					.param("id", id)
					.query(OffsetDateTime.class)
					.list();
				for (OffsetDateTime value : values) {
					assertThat(value.toInstant()).as(table + "." + column)
						.isEqualTo(value.toInstant().truncatedTo(ChronoUnit.HOURS));
				}
			}
		}
		// The public form's budget: its row dates the last report to the minute at most.
		Long expires = this.jdbc.sql("select expires_at from rate_limit_bucket where id = :id")
			.param("id", "safety submissions " + this.world.org)
			.query(Long.class)
			.single();
		assertThat(expires % 60_000).isZero();

		// The page shows the notices to the hour.
		ReportingWorld.Login hr = this.world.login("hr");
		String page = hr.send(get("/safety/incidents/" + id)).getResponse().getContentAsString();
		assertThat(page).containsPattern("id=\"routing-sent\">\\s*<li>\\d{4}-\\d\\d-\\d\\d \\d\\d:00");
	}

	@Test
	void aLoggedInReporterIsToldOfAMailOnlyWhenOneReachesSomeone() throws Exception {
		ReportingWorld.Login anna = this.world.login("anna");
		MvcResult unreached = report(anna);
		assertThat(unreached.getFlashMap().get("mailed")).isEqualTo(false);
		assertThat(
				anna.send(get("/safety/mine").flashAttrs(unreached.getFlashMap())).getResponse().getContentAsString())
			.contains("It is in the incidents list of your manager and safety representative")
			.doesNotContain("have been told");

		address("manager");
		MvcResult reached = report(anna);
		assertThat(reached.getFlashMap().get("mailed")).isEqualTo(true);
		assertThat(anna.send(get("/safety/mine").flashAttrs(reached.getFlashMap())).getResponse().getContentAsString())
			.contains("The manager and the safety representative have been told.");
	}

	/**
	 * fix14: an anonymous report's routing mail is dated to the hour (its Date header),
	 * and it goes out only from the hour after the report's.
	 */
	@Test
	void anAnonymousReportsMailIsDatedToTheHour() throws Exception {
		address("manager");
		long id = anonymous("DATEMARK-" + UUID.randomUUID());
		Instant received = this.jdbc.sql("select received_at from safety_incident where id = :id")
			.param("id", id)
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(received).isEqualTo(received.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
		smtp.purgeEmailFromAllMailboxes();
		jobs(received.plus(Duration.ofMinutes(59))).routeUnrouted();
		assertThat(notices(id)).isZero();
		jobs(received.plus(Duration.ofMinutes(61))).routeUnrouted();
		assertThat(notices(id)).isOne();
		List<jakarta.mail.internet.MimeMessage> mine = java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter((message) -> recipient(message).equals(email("manager")))
			.toList();
		assertThat(mine).hasSize(1);
		java.util.Date date = mine.get(0).getSentDate();
		assertThat(date.toInstant()).isEqualTo(date.toInstant().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
	}

	/**
	 * fix14: an anonymous report's id is not in the sequence of the logged-in reports'
	 * ids, so that its place among them (in every address of its page) does not put it
	 * between two logged-in reports whose times are stored.
	 */
	@Test
	void anAnonymousReportsIdDoesNotPlaceItAmongTheLoggedInOnes() throws Exception {
		java.util.Set<Long> before = ids();
		report(this.world.login("anna"));
		long first = added(before);
		long anonymous = anonymous("ORDERMARK-1");
		long second = anonymous("ORDERMARK-2");
		java.util.Set<Long> sofar = ids();
		report(this.world.login("bo"));
		long last = added(sofar);
		assertThat(first).isLessThan(last);
		for (long id : List.of(anonymous, second)) {
			assertThat(id > first && id < last).as("between the logged-in reports before and after it").isFalse();
			assertThat(id).isGreaterThanOrEqualTo(IncidentRepository.ANONYMOUS_IDS_FROM);
		}
		// not the next number either: the two anonymous reports are not neighbours
		assertThat(Math.abs(second - anonymous)).isGreaterThan(1_000_000L);
	}

	private java.util.Set<Long> ids() {
		return new java.util.HashSet<>(this.jdbc.sql("select id from safety_incident where organisation_id = :org")
			.param("org", this.world.org)
			.query(Long.class)
			.list());
	}

	private long added(java.util.Set<Long> before) {
		java.util.Set<Long> now = ids();
		now.removeAll(before);
		assertThat(now).hasSize(1);
		return now.iterator().next();
	}

	/** Sends the anonymous form; the new incident's id. */
	private long anonymous(String description) throws Exception {
		java.util.Set<Long> before = ids();
		MvcResult sent = this.mvc
			.perform(post("/safety/r/" + this.world.code)
				.param("once", "AAAAAAAAAAAA" + UUID.randomUUID().toString().substring(0, 10))
				.param("unit", String.valueOf(this.world.unitA))
				.param("occurredOn", LocalDate.now(this.clock).minusDays(1).toString())
				.param("partOfDay", "AFTERNOON")
				.param("category", "THREAT")
				.param("channel", "IN_PERSON")
				.param("source", "CLIENT")
				.param("severity", "2")
				.param("description", description))
			.andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(200);
		return added(before);
	}

	/** Reported while no mail server was set: no notice. The job routes it, once. */
	@Test
	void anIncidentNeverRoutedIsRoutedOnceByTheJob() throws Exception {
		RoutingIncidents incidents = new RoutingIncidents(this.jdbc, this.organisations);
		RoutingIncidents.Org org = incidents.create(Country.SE);
		long incident = incidents.incident(org, org.a(), Instant.now());
		SafetyJobs job = jobs(Instant.now());
		assertThat(job.routeUnrouted()).isGreaterThanOrEqualTo(2);
		assertThat(smtp.getReceivedMessages()).extracting(AnonymityMailTests::recipient)
			.contains(org.email("manager"), org.email("safety"));
		assertThat(this.repository.notices(org.id(), incident)).extracting(RoutingRepository.SentNotice::kind)
			.containsExactly(Routing.ROUTED);
		smtp.purgeEmailFromAllMailboxes();
		assertThat(job.routeUnrouted()).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	private static String recipient(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MvcResult report(ReportingWorld.Login who) throws Exception {
		MvcResult sent = who.send(post("/safety/report").param("person", "self")
			.param("unit", String.valueOf(this.world.unitA))
			.param("occurredOn", LocalDate.now(this.clock).minusDays(1).toString())
			.param("partOfDay", "MORNING")
			.param("category", "THREAT")
			.param("channel", "PHONE")
			.param("source", "CLIENT")
			.param("severity", "2"));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/safety/mine");
		return sent;
	}

	/** Gives the account a staff record with a work address. */
	private void address(String name) {
		long staff = this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, employment_start,
					work_email)
				values (:org, :number, :name, :unit, 'OTHER', 1, :start, :email) returning id
				""")
			.param("org", this.world.org)
			.param("number", "m-" + name)
			.param("name", "Mail " + name)
			.param("unit", this.world.unitA)
			.param("start", LocalDate.of(2020, 1, 1))
			.param("email", email(name))
			.query(Long.class)
			.single();
		this.jdbc.sql("update account set staff_id = :staff where username = :username")
			.param("staff", staff)
			.param("username", this.world.username(name))
			.update();
	}

	private String email(String name) {
		return this.world.username(name) + "@test.example";
	}

	private long notices(long incident) {
		return this.jdbc.sql("select count(*) from safety_notice where incident_id = :id")
			.param("id", incident)
			.query(Long.class)
			.single();
	}

	private SafetyJobs jobs(Instant at) {
		return new SafetyJobs(this.repository, this.routing, this.clocks, this.mail, this.properties,
				Clock.fixed(at, this.clock.getZone()));
	}

}
