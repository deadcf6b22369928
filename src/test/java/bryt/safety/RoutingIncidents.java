package bryt.safety;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import bryt.ServerDay;
import bryt.organisation.Country;
import bryt.organisation.Organisations;
import bryt.safety.SafetyClocks.SupportStep;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation a routing test can count by hand, and incidents inserted with plain SQL
 * until the reporting part's service lands:
 *
 * <pre>
 * D  department   manager "boss" (covers D)
 * ├─ A  unit      manager "manager", safety representative "safety", union representative "union" (cover A)
 * │  └─ A1 team   no account
 * └─ B  unit      manager "other" (covers B)
 * HR: "hr"
 * </pre>
 *
 * Every account is linked to a staff member with a work address
 * {@code <prefix>-<name>@test.example}. Each incident's description (content) and case
 * reference hold {@link #MARKER}, which no mail may carry.
 */
final class RoutingIncidents {

	static final String MARKER = "MARKER-7d1f-routing";

	static final ZoneId ZONE = ServerDay.ZONE;

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final JdbcClient jdbc;

	private final Organisations organisations;

	RoutingIncidents(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	Org create(Country country) {
		String prefix = "rt" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
		long org = this.organisations.create(prefix, "Routing " + prefix, country).id();
		long d = unit(org, "D", "Department D", "DEPARTMENT", null);
		long a = unit(org, "A", "Unit A", "UNIT", d);
		long a1 = unit(org, "A1", "Team A1", "TEAM", a);
		long b = unit(org, "B", "Unit B", "UNIT", d);
		Map<String, String> emails = new LinkedHashMap<>();
		account(org, prefix, "boss", "MANAGER", d, emails);
		account(org, prefix, "manager", "MANAGER", a, emails);
		account(org, prefix, "safety", "SAFETY_REPRESENTATIVE", a, emails);
		account(org, prefix, "union", "UNION_REPRESENTATIVE", a, emails);
		account(org, prefix, "other", "MANAGER", b, emails);
		account(org, prefix, "hr", "HR", null, emails);
		return new Org(org, prefix, d, a, a1, b, emails);
	}

	/**
	 * A new incident received at the instant, not serious, no injury, the police decision
	 * and the first support contact recorded (so that only what a test switches on is
	 * due).
	 */
	long incident(Org org, long unit, Instant receivedAt) {
		long id = this.jdbc.sql("""
				insert into safety_incident (organisation_id, unit_id, occurred_on, part_of_day, category, channel,
					source, severity, received_at, content, case_reference, police_decision)
				values (:org, :unit, :occurred, 'MORNING', 'THREAT', 'PHONE', 'CLIENT', 3, :received, :content,
					:marker, 'NOT_REPORTED')
				returning id
				""")
			.param("org", org.id())
			.param("unit", unit)
			.param("occurred", LocalDate.ofInstant(receivedAt, ZONE))
			.param("received", Timestamp.from(receivedAt))
			.param("content", MARKER.getBytes(StandardCharsets.UTF_8))
			.param("marker", MARKER)
			.query(Long.class)
			.single();
		support(org, id, SupportStep.FIRST_CONTACT, receivedAt);
		return id;
	}

	void serious(long incident) {
		this.jdbc.sql("update safety_incident set weapon = true where id = :id").param("id", incident).update();
	}

	void death(long incident) {
		this.jdbc.sql("update safety_incident set death = true, injury = 'PHYSICAL' where id = :id")
			.param("id", incident)
			.update();
	}

	void absent(long incident, int days, LocalDate from) {
		this.jdbc.sql("""
				update safety_incident set injury = 'PSYCHOLOGICAL', absence_days = :days, absence_from = :from
				where id = :id
				""").param("id", incident).param("days", days).param("from", from).update();
	}

	void injured(long incident) {
		this.jdbc.sql("update safety_incident set injury = 'PHYSICAL' where id = :id").param("id", incident).update();
	}

	void notified(long incident, String reference) {
		this.jdbc.sql("update safety_incident set authority_reference = :reference where id = :id")
			.param("id", incident)
			.param("reference", reference)
			.update();
	}

	void policeUndecided(long incident) {
		this.jdbc.sql("update safety_incident set police_decision = null where id = :id")
			.param("id", incident)
			.update();
	}

	/** Records a support step as offered. */
	void support(Org org, long incident, SupportStep step, Instant receivedAt) {
		LocalDate received = LocalDate.ofInstant(receivedAt, ZONE);
		this.jdbc.sql("""
				insert into safety_support (organisation_id, incident_id, step, due_on, offered_on)
				values (:org, :id, :step, :due, :offered)
				""")
			.param("org", org.id())
			.param("id", incident)
			.param("step", step.name())
			.param("due", SafetyClocks.supportDue(step, received))
			.param("offered", received)
			.update();
	}

	/** Removes a recorded support step, so that it is due again. */
	void unsupported(long incident, SupportStep step) {
		this.jdbc.sql("delete from safety_support where incident_id = :id and step = :step")
			.param("id", incident)
			.param("step", step.name())
			.update();
	}

	String status(long incident) {
		return this.jdbc.sql("select status from safety_incident where id = :id")
			.param("id", incident)
			.query(String.class)
			.single();
	}

	private long unit(long org, String code, String name, String level, Long parent) {
		return this.jdbc
			.sql("""
					insert into unit (organisation_id, code, name, level, parent_id) values (:org, :code, :name, :level, :parent)
					returning id
					""")
			.param("org", org)
			.param("code", code)
			.param("name", name)
			.param("level", level)
			.param("parent", parent)
			.query(Long.class)
			.single();
	}

	private void account(long org, String prefix, String name, String role, Long unit, Map<String, String> emails) {
		String email = prefix + "-" + name + "@test.example";
		long staffUnit = (unit != null) ? unit
				: this.jdbc.sql("select min(id) from unit where organisation_id = :org")
					.param("org", org)
					.query(Long.class)
					.single();
		long staff = this.jdbc
			.sql("""
					insert into staff (organisation_id, employee_number, name, unit_id, role, fte, employment_start, work_email)
					values (:org, :number, :name, :unit, 'OTHER', 1, :start, :email) returning id
					""")
			.param("org", org)
			.param("number", name)
			.param("name", "Staff " + name)
			.param("unit", staffUnit)
			.param("start", LocalDate.of(2020, 1, 1))
			.param("email", email)
			.query(Long.class)
			.single();
		long account = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles, staff_id)
				values (:org, :username, :display, 'x', cast(:roles as text[]), :staff) returning id
				""")
			.param("org", org)
			.param("username", prefix + "-" + name)
			.param("display", "Routing " + name)
			.param("roles", "{" + role + "}")
			.param("staff", staff)
			.query(Long.class)
			.single();
		if (unit != null) {
			this.jdbc
				.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :account, :unit)")
				.param("org", org)
				.param("account", account)
				.param("unit", unit)
				.update();
		}
		emails.put(name, email);
	}

	/**
	 * The organisation's ids and each account's address by its name ("boss", "manager",
	 * "safety", "union", "other", "hr").
	 */
	record Org(long id, String prefix, long d, long a, long a1, long b, Map<String, String> emails) {

		String email(String name) {
			return this.emails.get(name);
		}

	}

}
