package bryt.safety;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation of its own with incidents written through SQL as {@code bryt_app}, for
 * the figures' and retention's hand-computed tests, until the reporting service (S1) is
 * on the branch. Each incident has every required column; a test names the columns it
 * counts.
 */
final class FiguresIncidents {

	private final JdbcClient jdbc;

	final long organisation;

	final String code;

	FiguresIncidents(JdbcClient jdbc, String country) {
		this.jdbc = jdbc;
		this.code = "safety-" + System.nanoTime();
		this.organisation = jdbc
			.sql("insert into organisation (code, name, country) values (:code, :code, :country) returning id")
			.param("code", this.code)
			.param("country", country)
			.query(Long.class)
			.single();
	}

	long unit(String code, String level, Long parent) {
		return this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level, parent_id)
				values (:org, :code, :name, :level, :parent) returning id
				""")
			.param("org", this.organisation)
			.param("code", code)
			.param("name", "Unit " + code)
			.param("level", level)
			.param("parent", parent)
			.query(Long.class)
			.single();
	}

	/** A social worker employed from {@code start} at {@code fte}. */
	long staff(long unit, String fte, String start) {
		String number = "n" + System.nanoTime();
		long id = this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, experience_start,
					employment_start)
				values (:org, :number, :number, :unit, 'SOCIAL_WORKER', cast(:fte as numeric), :start, :start)
				returning id
				""")
			.param("org", this.organisation)
			.param("number", number)
			.param("unit", unit)
			.param("fte", fte)
			.param("start", LocalDate.parse(start))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from)
				values (:org, :id, :unit, 'SOCIAL_WORKER', cast(:fte as numeric), :start)
				""")
			.param("org", this.organisation)
			.param("id", id)
			.param("unit", unit)
			.param("fte", fte)
			.param("start", LocalDate.parse(start))
			.update();
		return id;
	}

	/** An account with one role, covering {@code unit} when not null. */
	String account(String name, String role, Long unit) {
		String username = this.code + "-" + name;
		long id = this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, :name, 'x', cast(:roles as text[])) returning id
				""")
			.param("org", this.organisation)
			.param("username", username)
			.param("name", name)
			.param("roles", "{" + role + "}")
			.query(Long.class)
			.single();
		if (unit != null) {
			this.jdbc.sql("insert into account_unit (organisation_id, account_id, unit_id) values (:org, :id, :unit)")
				.param("org", this.organisation)
				.param("id", id)
				.param("unit", unit)
				.update();
		}
		return username;
	}

	long accountId(String username) {
		return this.jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	/** An API token of the organisation; returns the token. */
	String token() {
		String token = "bryt_safety-figures-test-" + System.nanoTime();
		try {
			this.jdbc.sql("insert into api_token (organisation_id, name, token_hash) values (:org, 'test', :hash)")
				.param("org", this.organisation)
				.param("hash", MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
				.update();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		return token;
	}

	/**
	 * An incident in {@code unit}: category, occurred on the day {@code receivedAt} (UTC,
	 * ISO) names, and the other columns given as name and value (timestamps as ISO
	 * strings ending in Z).
	 */
	long incident(long unit, String category, String receivedAt, Object... columns) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("organisation_id", this.organisation);
		values.put("unit_id", unit);
		values.put("category", category);
		values.put("occurred_on", OffsetDateTime.parse(receivedAt).toLocalDate());
		values.put("received_at", OffsetDateTime.parse(receivedAt));
		values.put("part_of_day", "MORNING");
		values.put("channel", "IN_PERSON");
		values.put("source", "CLIENT");
		values.put("severity", 2);
		for (int i = 0; i < columns.length; i += 2) {
			Object value = columns[i + 1];
			if (value instanceof String text && text.endsWith("Z")) {
				value = OffsetDateTime.parse(text);
			}
			else if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				value = LocalDate.parse(text);
			}
			values.put((String) columns[i], value);
		}
		String names = String.join(", ", values.keySet());
		String params = values.keySet().stream().map((name) -> ":" + name).collect(Collectors.joining(", "));
		return this.jdbc.sql("insert into safety_incident (" + names + ") values (" + params + ") returning id")
			.params(values)
			.query(Long.class)
			.single();
	}

	void firstContact(long incident, String receivedOn, String offeredOn) {
		this.jdbc.sql("""
				insert into safety_support (organisation_id, incident_id, step, due_on, offered_on)
				values (:org, :id, 'FIRST_CONTACT', :due, :offered)
				""")
			.param("org", this.organisation)
			.param("id", incident)
			.param("due", LocalDate.parse(receivedOn))
			.param("offered", LocalDate.parse(offeredOn))
			.update();
	}

	void action(long incident, String dueOn, String doneOn, String waivedByManager, String waivedByRepresentative) {
		this.jdbc
			.sql("""
					insert into safety_action (organisation_id, incident_id, title, owner, due_on, done_on, waived_by_manager,
						waived_by_representative)
					values (:org, :id, 'Lock the door of room 12', 'Maja Manager', :due, :done, :wm, :wr)
					""")
			.param("org", this.organisation)
			.param("id", incident)
			.param("due", LocalDate.parse(dueOn))
			.param("done", (doneOn != null) ? LocalDate.parse(doneOn) : null)
			.param("wm", waivedByManager)
			.param("wr", waivedByRepresentative)
			.update();
	}

	/**
	 * A two-handler case type and an open case of it in {@code unit} with one handler.
	 */
	void caseWithOneHandler(long unit, long handler, String opened) {
		long type = this.jdbc.sql("""
				insert into case_type (organisation_id, code, name_sv, name_da, name_en, weight, two_handlers)
				values (:org, :code, 'LVU', 'LVU', 'LVU', 1, true) returning id
				""")
			.param("org", this.organisation)
			.param("code", "lvu-" + System.nanoTime())
			.query(Long.class)
			.single();
		long id = this.jdbc.sql("""
				insert into case_file (organisation_id, case_ref, case_type_id, unit_id, opened, current_primary,
					current_from)
				values (:org, :ref, :type, :unit, :opened, :staff, :opened) returning id
				""")
			.param("staff", handler)
			.param("org", this.organisation)
			.param("ref", "c-" + System.nanoTime())
			.param("type", type)
			.param("unit", unit)
			.param("opened", LocalDate.parse(opened))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into case_assignment (organisation_id, case_id, staff_id, primary_handler, valid_from)
				values (:org, :id, :staff, true, :opened)
				""")
			.param("org", this.organisation)
			.param("id", id)
			.param("staff", handler)
			.param("opened", LocalDate.parse(opened))
			.update();
	}

}
