package bryt.surveys;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import bryt.ServerDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small Swedish organisation a test can count by hand, and a tiny instrument of its own
 * (until Bryt's own questions land):
 *
 * <pre>
 * D  department   (nobody)
 * ├─ A  unit      A1..A6 (A1..A4 with a work address; A6 started 5 years ago), Ax (left last year)
 * └─ B  unit      B1 (with a work address), B2, B3
 * </pre>
 *
 * Invited at a launch today: 9 (5 by mail, 4 by paper code). Every name ends in the
 * organisation's code, so a dump can be searched for it.
 */
@Component
class CycleFixture {

	private final JdbcClient jdbc;

	CycleFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Org create() {
		return create("SE");
	}

	/** The same organisation in the country given ({@code SE} or {@code DK}). */
	Org create(String country) {
		String code = "s3-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = ServerDay.today();
		long org = this.jdbc
			.sql("insert into organisation (code, name, country) values (:code, :name, :country) returning id")
			.param("code", code)
			.param("country", country)
			.param("name", "Enkätkommun " + code)
			.query(Long.class)
			.single();
		long d = unit(org, "D", "Avdelning D " + code, "DEPARTMENT", null);
		long a = unit(org, "A", "Enhet A " + code, "UNIT", d);
		long b = unit(org, "B", "Enhet B " + code, "UNIT", d);
		Map<String, String> emails = new LinkedHashMap<>();
		for (int i = 1; i <= 6; i++) {
			String email = (i <= 4) ? "a" + i + "." + code + "@work.example" : null;
			hire(org, a, "A" + i, (i == 6) ? today.minusYears(5) : today.minusMonths(2), null, email);
			if (email != null) {
				emails.put("A" + i, email);
			}
		}
		hire(org, a, "Ax", today.minusYears(3), today.minusYears(1), "ax." + code + "@work.example");
		for (int i = 1; i <= 3; i++) {
			String email = (i == 1) ? "b1." + code + "@work.example" : null;
			hire(org, b, "B" + i, today.minusYears(2), null, email);
			if (email != null) {
				emails.put("B" + i, email);
			}
		}
		long instrument = instrument(org);
		return new Org(org, code, d, a, b, instrument, emails);
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

	private void hire(long org, long unit, String number, LocalDate start, LocalDate end, String email) {
		long id = this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, employment_start,
					end_date, end_reason, work_email)
				values (:org, :number, :name, :unit, 'SOCIAL_WORKER', 1, :start, :end, :reason, :email) returning id
				""")
			.param("org", org)
			.param("number", number)
			.param("name", "Person " + number + " " + org + "x")
			.param("unit", unit)
			.param("start", start)
			.param("end", end)
			.param("reason", (end != null) ? "RESIGNED" : null)
			.param("email", email)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from)
				values (:org, :id, :unit, 'SOCIAL_WORKER', 1, :start)
				""").param("org", org).param("id", id).param("unit", unit).param("start", start).update();
	}

	/**
	 * Items: {@code w1} (scale of 5), {@code rec} (0–10), {@code why} (reasons),
	 * {@code back} (yes/no), {@code free} (text).
	 */
	private long instrument(long org) {
		long id = this.jdbc
			.sql("""
					insert into survey_instrument (organisation_id, key, name, locales, read_only)
					values (:org, 'test', '{"sv": "Testenkät", "da": "Testskema", "en": "Test survey"}', '{sv,da,en}', false)
					returning id
					""")
			.param("org", org)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into survey_scale (instrument_id, key, labels, points) values (:id, 'agree',
						'{"sv": ["Instämmer inte alls", "Instämmer lite", "Varken eller", "Instämmer delvis", "Instämmer helt"],
						  "da": ["Helt uenig", "Lidt enig", "Hverken eller", "Delvis enig", "Helt enig"],
						  "en": ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"]}', 5)
					""")
			.param("id", id)
			.update();
		this.jdbc.sql("""
				insert into survey_area (instrument_id, key, position, name, scored) values
				(:id, 'load', 1, '{"sv": "Arbetsbelastning", "da": "Arbejdsmængde", "en": "Workload"}', true),
				(:id, 'exit', 2, '{"sv": "Om att sluta", "da": "Om at stoppe", "en": "About leaving"}', false)
				""").param("id", id).update();
		this.jdbc
			.sql("""
					insert into survey_item (instrument_id, key, area_key, position, kind, text, scale_key) values
					(:id, 'w1', 'load', 1, 'scale', '{"sv": "Jag hinner med mitt arbete", "da": "Jeg når mit arbejde",
						"en": "I have time for my work"}', 'agree'),
					(:id, 'rec', 'exit', 1, 'recommend', '{"sv": "Rekommendera?", "da": "Anbefale?", "en": "Recommend?"}', null),
					(:id, 'why', 'exit', 2, 'reasons', '{"sv": "Varför?", "da": "Hvorfor?", "en": "Why?"}', null),
					(:id, 'back', 'exit', 3, 'yes_no', '{"sv": "Tillbaka?", "da": "Tilbage?", "en": "Come back?"}', null),
					(:id, 'free', 'exit', 4, 'text', '{"sv": "Något mer?", "da": "Andet?", "en": "Anything else?"}', null)
					""")
			.param("id", id)
			.update();
		return id;
	}

	/**
	 * @param emails the work addresses by employee number
	 */
	record Org(long id, String code, long d, long a, long b, long instrument, Map<String, String> emails) {
	}

}
