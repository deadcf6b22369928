package bryt.safety;

import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention at its edge (5 years, the default): on 2026-06-15 an incident closed on
 * 2021-06-15 loses its personal data, one closed on 2021-06-16 (5 years minus a day)
 * keeps it, an open one from the same spring keeps it; the figures of their quarter are
 * the same before and after.
 */
@BrytTest
class RetentionTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	/** Every personal column retention clears, as text, in one row. */
	private static final String PERSONAL = """
			select coalesce(encode(content, 'hex'), '') || '|' || coalesce(case_reference, '') || '|'
				|| coalesce(reported_by::text, '') || '|' || coalesce(affected_staff_id::text, '') || '|'
				|| coalesce(receipt_selector, '') || '|' || coalesce(encode(receipt_hash, 'hex'), '') || '|'
				|| coalesce(encode(receipt_wrapped_key, 'hex'), '') || '|' || coalesce(causes, '') || '|'
				|| coalesce(acknowledged_by, '') || '|' || coalesce(police_reference, '') || '|'
				|| coalesce(authority_reference, '')
			from safety_incident where id = :id
			""";

	@Autowired
	private RetentionJob job;

	@Autowired
	private SafetyFigures figures;

	@Autowired
	private JdbcClient jdbc;

	private FiguresIncidents fixture;

	private long account;

	private long staff;

	private long unit;

	@BeforeEach
	void organisation() {
		this.fixture = new FiguresIncidents(this.jdbc, "SE");
		this.unit = this.fixture.unit("A", "UNIT", null);
		this.staff = this.fixture.staff(this.unit, "1.0", "2020-01-01");
		this.account = this.fixture.accountId(this.fixture.account("manager", "MANAGER", this.unit));
	}

	@Test
	void fiveYearsAfterClosingThePersonalDataGoesAndTheFiguresStay() {
		long removed = incident("2021-05-10T08:00:00Z", "2021-06-15", "old");
		long kept = incident("2021-05-11T08:00:00Z", "2021-06-16", "kept");
		long open = incident("2021-05-12T08:00:00Z", null, "open");
		Quarter quarter = new Quarter(2021, 2);
		List<SafetyFigures.Figures> before = this.figures.figures(this.fixture.organisation, quarter, quarter, TODAY);
		assertThat(before.getFirst().incidents()).isEqualTo(3);
		assertThat(before.getFirst().serious()).isEqualTo(3);

		assertThat(this.job.removeExpired(TODAY)).isEqualTo(1);

		assertThat(this.figures.figures(this.fixture.organisation, quarter, quarter, TODAY)).isEqualTo(before);
		// every cleared column of the incident is empty, and nothing else of it names
		// anyone
		assertThat(this.jdbc.sql(PERSONAL).param("id", removed).query(String.class).single()).isEqualTo("|".repeat(10));
		assertThat(this.jdbc.sql("select personal_data_removed_on from safety_incident where id = :id")
			.param("id", removed)
			.query(LocalDate.class)
			.single()).isEqualTo(TODAY);
		assertThat(this.jdbc.sql("select row_to_json(i)::text from safety_incident i where id = :id")
			.param("id", removed)
			.query(String.class)
			.single()).doesNotContain("old-", "Maja", "Rolf");
		assertThat(count("safety_incident_key", removed)).isZero();
		assertThat(count("safety_evidence", removed)).isZero();
		assertThat(this.jdbc.sql("""
				select distinct title || '|' || owner || '|' || coalesce(waived_by_manager, '') || '|'
					|| coalesce(waived_by_representative, '')
				from safety_action where incident_id = :id
				""").param("id", removed).query(String.class).list()).containsExactlyInAnyOrder("–|–||", "–|–|–|–");
		// the other two keep everything
		for (long id : new long[] { kept, open }) {
			String prefix = (id == kept) ? "kept-" : "open-";
			assertThat(this.jdbc.sql(PERSONAL).param("id", id).query(String.class).single()).contains(prefix + "case",
					prefix + "causes", prefix + "police", prefix + "authority", "Maja Manager",
					Long.toString(this.account), Long.toString(this.staff), prefix + "receipt");
			assertThat(count("safety_incident_key", id)).isOne();
			assertThat(count("safety_evidence", id)).isOne();
			assertThat(this.jdbc
				.sql("select count(*) from safety_action where incident_id = :id and owner = 'Maja Manager'")
				.param("id", id)
				.query(Long.class)
				.single()).isEqualTo(2);
		}
		// a day later, the one closed a day later goes; the open one never by this rule
		assertThat(this.job.removeExpired(TODAY)).isZero();
		assertThat(this.job.removeExpired(TODAY.plusDays(1))).isEqualTo(1);
		assertThat(this.jdbc.sql(PERSONAL).param("id", kept).query(String.class).single()).isEqualTo("|".repeat(10));
		assertThat(this.jdbc.sql(PERSONAL).param("id", open).query(String.class).single()).contains("open-case");
	}

	private long incident(String receivedAt, String closedOn, String marker) {
		long id = this.fixture.incident(this.unit, "THREAT", receivedAt, "reported_by", this.account,
				"affected_staff_id", this.staff, "receipt_selector", marker + "-receipt", "receipt_hash",
				(marker + "-hash").getBytes(), "receipt_wrapped_key", (marker + "-key").getBytes(), "content",
				(marker + "-content").getBytes(), "case_reference", marker + "-case", "causes", marker + "-causes",
				"acknowledged_by", "Maja Manager", "acknowledged_at", receivedAt.replace("08:00", "09:00"),
				"police_reference", marker + "-police", "authority_reference", marker + "-authority",
				"authority_notified_on", receivedAt.substring(0, 10), "death_threat", true, "status",
				(closedOn != null) ? "CLOSED" : "ACKNOWLEDGED", "closed_on", closedOn);
		this.jdbc.sql("""
				insert into safety_incident_key (organisation_id, incident_id, account_id, wrapped_key)
				values (:org, :id, :account, :key)
				""")
			.param("org", this.fixture.organisation)
			.param("id", id)
			.param("account", this.account)
			.param("key", new byte[] { 1, 2, 3 })
			.update();
		this.jdbc.sql("""
				insert into safety_evidence (organisation_id, incident_id, meta, data, added_on)
				values (:org, :id, :meta, :data, :on)
				""")
			.param("org", this.fixture.organisation)
			.param("id", id)
			.param("meta", new byte[] { 4 })
			.param("data", new byte[] { 5 })
			.param("on", LocalDate.parse(receivedAt.substring(0, 10)))
			.update();
		this.fixture.firstContact(id, receivedAt.substring(0, 10), receivedAt.substring(0, 10));
		this.fixture.action(id, "2021-06-01", "2021-06-01", null, null);
		this.fixture.action(id, "2021-06-01", null, "Maja Manager", "Rolf Representative");
		return id;
	}

	private long count(String table, long incident) {
		return this.jdbc.sql("select count(*) from " + table + " where incident_id = :id")
			.param("id", incident)
			.query(Long.class)
			.single();
	}

}
