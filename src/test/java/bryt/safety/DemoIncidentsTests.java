package bryt.safety;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo municipality's year of incidents: in every unit that has staff, in each of the
 * past twelve months, with the mix the demo promises.
 */
@BrytTest
class DemoIncidentsTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SafetyFigures figures;

	@Test
	void aYearOfIncidentsInEveryDemoUnit() {
		long org = this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
		List<Long> unitsWithStaff = this.jdbc.sql("""
				select distinct unit_id from staff where organisation_id = :org and end_date is null
				""").param("org", org).query(Long.class).list();
		assertThat(unitsWithStaff).hasSizeGreaterThan(10);
		for (long unit : unitsWithStaff) {
			assertThat(this.jdbc.sql("select count(*) from safety_incident where unit_id = :unit")
				.param("unit", unit)
				.query(Long.class)
				.single()).as("incidents in unit %d", unit).isPositive();
		}
		LocalDate today = LocalDate.now();
		for (int back = 1; back <= 11; back++) {
			YearMonth month = YearMonth.from(today).minusMonths(back);
			assertThat(this.jdbc.sql("""
					select count(*) from safety_incident
					where organisation_id = :org and occurred_on between :first and :last
					""")
				.param("org", org)
				.param("first", month.atDay(1))
				.param("last", month.atEndOfMonth())
				.query(Long.class)
				.single()).as("incidents in %s", month).isPositive();
		}
		assertThat(this.jdbc
			.sql("select count(*) from safety_incident where organisation_id = :org and occurred_on < :from")
			.param("org", org)
			.param("from", today.minusYears(1).minusDays(7))
			.query(Long.class)
			.single()).isZero();
		Map<String, Long> mix = this.jdbc
			.sql("""
					select 'total' as k, count(*) as n from safety_incident where organisation_id = :org
					union all select category, count(*) from safety_incident where organisation_id = :org group by category
					union all select 'lvu-two', count(*) from safety_incident
						where organisation_id = :org and case_kind = 'LVU' and case_two_handlers
					union all select 'lvu-one', count(*) from safety_incident
						where organisation_id = :org and case_kind = 'LVU' and not case_two_handlers
					union all select 'serious', count(*) from safety_incident where organisation_id = :org
						and (weapon or death_threat or injury_needing_care or several_staff or threat_to_family_or_home)
					union all select 'late', count(*) from safety_incident
						where organisation_id = :org and acknowledged_at > received_at + interval '24 hours'
					union all select 'prompt', count(*) from safety_incident
						where organisation_id = :org and acknowledged_at <= received_at + interval '24 hours'
					union all select 'closed', count(*) from safety_incident where organisation_id = :org and status = 'CLOSED'
					""")
			.param("org", org)
			.query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("n")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		long total = mix.get("total");
		assertThat(mix.get("THREAT")).isGreaterThan(mix.get("PHYSICAL_VIOLENCE"));
		assertThat(mix.get("PHYSICAL_VIOLENCE")).isPositive();
		assertThat(mix.get("ONLINE_EXPOSURE")).isPositive().isLessThan(mix.get("THREAT"));
		assertThat(mix.get("lvu-two")).isPositive();
		assertThat(mix.get("lvu-one")).isPositive();
		assertThat(mix.get("serious")).isPositive().isLessThan(total / 5);
		assertThat(mix.get("late")).isPositive().isLessThan(mix.get("prompt"));
		assertThat(mix.get("closed")).isPositive();
		// and the figures count them: the organisation's total over the four quarters
		Quarter last = Quarter.of(today);
		long counted = this.figures.figures(org, last.previous().previous().previous().previous(), last)
			.stream()
			.filter((row) -> row.unitId() == SafetyFigures.ORGANISATION)
			.mapToLong(SafetyFigures.Figures::incidents)
			.sum();
		assertThat(counted).isEqualTo(total);
	}

}
