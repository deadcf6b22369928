package bryt.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what the figures of one organisation on one date are computed from. */
@Repository
class WorkloadRepository {

	private final JdbcClient jdbc;

	WorkloadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long version(long organisationId) {
		return this.jdbc.sql("select coalesce(max(version), 0) from workload_version where organisation_id = :org")
			.param("org", organisationId)
			.query(Long.class)
			.single();
	}

	LoadSettings settings(long organisationId) {
		return this.jdbc.sql("""
				select base_capacity, co_handler_share, factor_under_6_months, factor_under_2_years, complexity_2,
					complexity_3
				from workload_settings where organisation_id = :org
				""")
			.param("org", organisationId)
			.query((rs, n) -> new LoadSettings(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
					rs.getDouble(5), rs.getDouble(6)))
			.optional()
			.orElse(LoadSettings.DEFAULTS);
	}

	/** Cases open on the date, each with its deadline and its handlers on that date. */
	List<OpenCase> openCases(long organisationId, LocalDate at) {
		return openCases(organisationId, at, 1).getOrDefault(at, List.of());
	}

	/**
	 * Cases open on each of {@code weeks} dates a week apart, ending with {@code at}: the
	 * basis of the weekly trend, in one query.
	 */
	Map<LocalDate, List<OpenCase>> openCases(long organisationId, LocalDate at, int weeks) {
		Map<LocalDate, List<OpenCase>> cases = new TreeMap<>();
		this.jdbc.sql("""
				select d.at, c.id, c.unit_id, t.weight, c.complexity, t.investigation, t.two_handlers,
					(select dl.deadline from case_deadline dl where dl.case_id = c.id and dl.decided_on <= d.at
						order by dl.decided_on desc, dl.deadline desc limit 1) as deadline,
					h.primary_handler, h.co_handler
				from (select cast(day as date) as at
					from generate_series(cast(:first as date), cast(:at as date), interval '7 days') as day) d
				join case_file c on c.organisation_id = :org and c.opened <= d.at
					and (c.closed is null or c.closed > d.at)
				join case_type t on t.id = c.case_type_id
				cross join lateral (
					select max(a.staff_id) filter (where a.primary_handler) as primary_handler,
						max(a.staff_id) filter (where not a.primary_handler) as co_handler
					from case_assignment a
					where a.case_id = c.id and a.valid_from <= d.at and (a.valid_to is null or a.valid_to > d.at)) h
				""")
			.param("org", organisationId)
			.param("first", at.minusWeeks(weeks - 1))
			.param("at", at)
			.query((RowCallbackHandler) (rs) -> cases
				.computeIfAbsent(rs.getObject(1, LocalDate.class), (day) -> new ArrayList<>())
				.add(new OpenCase(rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getInt(5), rs.getBoolean(6),
						rs.getBoolean(7), rs.getObject(8, LocalDate.class), nullableLong(rs.getObject(9)),
						nullableLong(rs.getObject(10)))));
		return cases;
	}

	/**
	 * Per unit: weighted inflow of the past 12 weeks and weighted open time of the past
	 * year's closed cases.
	 */
	Map<Long, UnitFlow> flows(long organisationId, LocalDate at, LoadSettings settings) {
		Map<Long, UnitFlow> flows = new HashMap<>();
		this.jdbc.sql("""
				select c.unit_id,
					coalesce(sum(w.points) filter (where c.opened > :at - :inflowDays and c.opened <= :at), 0),
					coalesce(sum(w.points) filter (where c.closed > :at - 365 and c.closed <= :at), 0),
					coalesce(sum(w.points * (c.closed - c.opened))
						filter (where c.closed > :at - 365 and c.closed <= :at), 0)
				from case_file c join case_type t on t.id = c.case_type_id
				cross join lateral (select t.weight * case c.complexity when 2 then :complexity2
					when 3 then :complexity3 else 1 end as points) w
				where c.organisation_id = :org and (c.opened > :at - 365 or c.closed > :at - 365) and c.opened <= :at
				group by c.unit_id
				""")
			.param("org", organisationId)
			.param("at", at)
			.param("inflowDays", UnitFlow.INFLOW_DAYS)
			.param("complexity2", settings.complexity2())
			.param("complexity3", settings.complexity3())
			.query((rs, n) -> flows.put(rs.getLong(1), new UnitFlow(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4))))
			.list();
		return flows;
	}

	/**
	 * Per organisation: open cases, points carried by handlers, capacity, open
	 * investigations and those past their deadline — the national roll-up, in one query.
	 */
	List<NationalRow> national(LocalDate at) {
		return this.jdbc
			.sql("""
					with capacity as (
						select s.organisation_id, sum(w.base_capacity * s.fte * case
							when coalesce(s.experience_start, s.employment_start) > :at - interval '6 months'
								then w.factor_under_6_months
							when coalesce(s.experience_start, s.employment_start) > :at - interval '2 years'
								then w.factor_under_2_years
							else 1 end) as capacity, count(*) as headcount
						from staff s join workload_settings w on w.organisation_id = s.organisation_id
						where s.employment_start <= :at and (s.end_date is null or s.end_date >= :at)
						group by s.organisation_id
					),
					open_cases as (
						select c.organisation_id, count(*) as open_cases,
							sum(t.weight * case c.complexity when 2 then w.complexity_2 when 3 then w.complexity_3 else 1 end)
								filter (where exists (select 1 from case_assignment a where a.case_id = c.id
									and a.valid_from <= :at and (a.valid_to is null or a.valid_to > :at))) as load,
							count(*) filter (where t.investigation) as investigations,
							count(*) filter (where t.investigation and (select d.deadline from case_deadline d
								where d.case_id = c.id and d.decided_on <= :at
								order by d.decided_on desc, d.deadline desc limit 1) < :at) as past_deadline
						from case_file c join case_type t on t.id = c.case_type_id
						join workload_settings w on w.organisation_id = c.organisation_id
						where c.opened <= :at and (c.closed is null or c.closed > :at)
						group by c.organisation_id
					)
					select o.code, coalesce(p.headcount, 0) as headcount, coalesce(p.capacity, 0) as capacity,
						coalesce(c.open_cases, 0) as open_cases, coalesce(c.load, 0) as weighted_load,
						coalesce(c.investigations, 0) as open_investigations,
						coalesce(c.past_deadline, 0) as investigations_past_deadline
					from organisation o left join capacity p on p.organisation_id = o.id
					left join open_cases c on c.organisation_id = o.id
					order by o.code
					""")
			.param("at", at)
			.query(NationalRow.class)
			.list();
	}

	record NationalRow(String code, long headcount, double capacity, long openCases, double weightedLoad,
			long openInvestigations, long investigationsPastDeadline) {
	}

	private static Long nullableLong(Object value) {
		return (value != null) ? ((Number) value).longValue() : null;
	}

}
