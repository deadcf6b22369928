package bryt.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the imported sick leave: one row per unit and month. */
@Repository
class AbsenceRepository {

	private final JdbcClient jdbc;

	AbsenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a unit's month, replacing what an earlier import gave for it. */
	void put(long organisationId, AbsenceMonth month, Instant importedAt) {
		this.jdbc.sql("""
				insert into overview_absence (organisation_id, unit_id, month, employees, possible_hours, short_hours,
					long_hours, imported_at)
				values (:org, :unit, :month, :employees, :possible, :short, :long, :at)
				on conflict (organisation_id, unit_id, month) do update set employees = excluded.employees,
					possible_hours = excluded.possible_hours, short_hours = excluded.short_hours,
					long_hours = excluded.long_hours, imported_at = excluded.imported_at
				""")
			.param("org", organisationId)
			.param("unit", month.unitId())
			.param("month", month.month())
			.param("employees", month.employees())
			.param("possible", month.possibleHours())
			.param("short", month.shortHours())
			.param("long", month.longHours())
			.param("at", importedAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** Every unit's months from {@code from} to {@code to} (first days of months). */
	List<AbsenceMonth> months(long organisationId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select unit_id, month, employees, possible_hours, short_hours, long_hours from overview_absence
				where organisation_id = :org and month between :from and :to
				order by month, unit_id
				""")
			.param("org", organisationId)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new AbsenceMonth(rs.getLong("unit_id"), rs.getObject("month", LocalDate.class),
					rs.getInt("employees"), rs.getBigDecimal("possible_hours"), rs.getBigDecimal("short_hours"),
					rs.getBigDecimal("long_hours")))
			.list();
	}

	/**
	 * One unit's month as stored.
	 *
	 * @param unitId the unit
	 * @param month the month's first day
	 * @param employees employees the month counts
	 * @param possibleHours hours that could have been worked
	 * @param shortHours sick-leave hours of spells' days 1–14
	 * @param longHours sick-leave hours from a spell's day 15
	 */
	record AbsenceMonth(long unitId, LocalDate month, int employees, BigDecimal possibleHours, BigDecimal shortHours,
			BigDecimal longHours) {
	}

}
