package bryt.workload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what the figures of one organisation on one date are computed from. */
@Repository
class WorkloadRepository {

	/**
	 * Joins a case {@code c}'s primary and co-handler on the date {@code :at}, as
	 * {@code h.primary_handler} and {@code h.co_handler} (null when none).
	 */
	private static final String HANDLERS_ON_DATE = """
			cross join lateral (
				select max(a.staff_id) filter (where a.primary_handler) as primary_handler,
					max(a.staff_id) filter (where not a.primary_handler) as co_handler
				from case_assignment a
				where a.case_id = c.id and a.valid_from <= :at and (a.valid_to is null or a.valid_to > :at)) h
			""";

	/**
	 * A case {@code c}'s deadline on the date {@code :at}: of the decisions made by then
	 * the latest, and of those on one day the latest deadline.
	 */
	private static final String DEADLINE_ON_DATE = """
			(select d.deadline from case_deadline d where d.case_id = c.id and d.decided_on <= :at
				order by d.decided_on desc, d.deadline desc limit 1)""";

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
					complexity_3, share_social_worker, share_first_line_lead, share_unit_manager, share_other
				from workload_settings where organisation_id = :org
				""")
			.param("org", organisationId)
			.query((rs, n) -> new LoadSettings(rs.getDouble("base_capacity"), rs.getDouble("co_handler_share"),
					rs.getDouble("factor_under_6_months"), rs.getDouble("factor_under_2_years"),
					rs.getDouble("complexity_2"), rs.getDouble("complexity_3"),
					new RoleShares(rs.getDouble("share_social_worker"), rs.getDouble("share_first_line_lead"),
							rs.getDouble("share_unit_manager"), rs.getDouble("share_other"))))
			.optional()
			.orElse(LoadSettings.DEFAULTS);
	}

	/**
	 * Cases open on the date, each with its handlers on that date and, if an
	 * investigation, its deadline then (the only cases whose deadline a figure counts).
	 */
	List<OpenCase> openCases(long organisationId, LocalDate at) {
		return this.jdbc.sql("""
				select c.id, c.unit_id, t.weight, c.complexity, t.investigation, t.two_handlers,
					case when t.investigation then %1$s end as deadline,
					h.primary_handler, h.co_handler
				from case_file c join case_type t on t.id = c.case_type_id
				%2$s
				where c.organisation_id = :org and c.opened <= :at and (c.closed is null or c.closed > :at)
				""".formatted(DEADLINE_ON_DATE, HANDLERS_ON_DATE))
			.param("org", organisationId)
			.param("at", at)
			.query((rs, n) -> openCase(rs))
			.list();
	}

	/**
	 * The cases a worker handles on a date, as primary or co-handler, oldest first, each
	 * with its handlers and its deadline on that date.
	 */
	List<HandledCase> casesOf(long organisationId, long staffId, LocalDate at) {
		return this.jdbc.sql("""
				select c.case_ref, c.case_type_id, c.opened, c.id, c.unit_id, t.weight, c.complexity, t.investigation,
					t.two_handlers,
					%1$s as deadline,
					h.primary_handler, h.co_handler
				from case_file c join case_type t on t.id = c.case_type_id
				%2$s
				where c.id in (select a.case_id from case_assignment a where a.organisation_id = :org
						and a.staff_id = :staff and a.valid_from <= :at and (a.valid_to is null or a.valid_to > :at))
					and c.opened <= :at and (c.closed is null or c.closed > :at)
				order by c.opened, c.case_ref
				""".formatted(DEADLINE_ON_DATE, HANDLERS_ON_DATE))
			.param("org", organisationId)
			.param("staff", staffId)
			.param("at", at)
			.query((rs, n) -> new HandledCase(rs.getString("case_ref"), rs.getLong("case_type_id"),
					rs.getObject("opened", LocalDate.class), openCase(rs)))
			.list();
	}

	/**
	 * A case as a worker's list shows it: its reference, type and opening beside the
	 * rest.
	 */
	record HandledCase(String caseRef, long caseTypeId, LocalDate opened, OpenCase open) {
	}

	/**
	 * Per unit and complexity: the type weights of the past 12 weeks' inflow and of the
	 * past year's closed cases, and of those the weight × days open. Plain type weights:
	 * {@link Workload} weighs them with the organisation's {@link LoadSettings}, the one
	 * place the load model lives.
	 */
	List<FlowWeights> flowWeights(long organisationId, LocalDate at) {
		return this.jdbc.sql("""
				select c.unit_id, c.complexity,
					coalesce(sum(t.weight) filter (where c.opened > :at - :inflowDays and c.opened <= :at), 0)
						as inflow,
					coalesce(sum(t.weight) filter (where c.closed > :at - 365 and c.closed <= :at), 0) as closed,
					coalesce(sum(t.weight * (c.closed - c.opened))
						filter (where c.closed > :at - 365 and c.closed <= :at), 0) as closed_days
				from case_file c join case_type t on t.id = c.case_type_id
				where c.organisation_id = :org and (c.opened > :at - 365 or c.closed > :at - 365) and c.opened <= :at
				group by c.unit_id, c.complexity
				""")
			.param("org", organisationId)
			.param("at", at)
			.param("inflowDays", UnitFlow.INFLOW_DAYS)
			.query((rs, n) -> new FlowWeights(rs.getLong("unit_id"), rs.getInt("complexity"), rs.getDouble("inflow"),
					rs.getDouble("closed"), rs.getDouble("closed_days")))
			.list();
	}

	/** One unit's flow of cases of one complexity, in type weights. */
	record FlowWeights(long unitId, int complexity, double inflow, double closed, double closedDays) {

		/** The flow in points under the load model. */
		UnitFlow flow(LoadSettings settings) {
			return new UnitFlow(settings.caseWeight(this.inflow, this.complexity),
					settings.caseWeight(this.closed, this.complexity),
					settings.caseWeight(this.closedDays, this.complexity));
		}

	}

	/**
	 * Per unit and week: changes to the counts of the trend's weeks, from the intervals
	 * in which each case counts (see {@link TrendCalculator}). A case is open from its
	 * opening to its closing day; it is late from the day after its deadline until a
	 * later decision replaces that deadline or it closes; it has two handlers while a
	 * primary and a co-handler assignment overlap.
	 */
	List<TrendCalculator.CaseEvent> trendCaseEvents(long organisationId, LocalDate first, LocalDate at) {
		return this.jdbc
			.sql("""
					with cases as (
						select c.id, c.unit_id, c.opened, c.closed, t.investigation, t.two_handlers
						from case_file c join case_type t on t.id = c.case_type_id
						where c.organisation_id = :org and c.opened <= :at and (c.closed is null or c.closed > :first)
					),
					deadlines as (
						select d.case_id, d.deadline, d.decided_on,
							lead(d.decided_on) over (partition by d.case_id order by d.decided_on) as superseded_on
						from (select distinct on (d.case_id, d.decided_on) d.case_id, d.decided_on, d.deadline
							from case_deadline d join cases c on c.id = d.case_id and c.investigation
							order by d.case_id, d.decided_on, d.deadline desc) d
					),
					handlers as (
						select a.case_id, a.primary_handler, a.valid_from, a.valid_to
						from case_assignment a join cases c on c.id = a.case_id and c.two_handlers
					),
					intervals as (
						select unit_id, 0 as kind, opened as start, closed as stop from cases
						union all
						select unit_id, 1, opened, closed from cases where investigation
						union all
						select c.unit_id, 2, greatest(d.decided_on, d.deadline + 1, c.opened), least(d.superseded_on, c.closed)
						from deadlines d join cases c on c.id = d.case_id where d.deadline is not null
						union all
						select unit_id, 3, opened, closed from cases where two_handlers
						union all
						select c.unit_id, 4, greatest(p.valid_from, q.valid_from, c.opened),
							least(p.valid_to, q.valid_to, c.closed)
						from handlers p join handlers q on q.case_id = p.case_id and p.primary_handler
							and not q.primary_handler
						join cases c on c.id = p.case_id
					)
					select unit_id, kind, week, sum(delta) as delta from (
						select unit_id, kind, greatest(0, (start - :first + 6) / 7) as week, 1 as delta
						from intervals where start <= :at and (stop is null or stop > start)
						union all
						select unit_id, kind, greatest(0, (stop - :first + 6) / 7), -1
						from intervals where stop <= :at and stop > start
					) events group by unit_id, kind, week
					""")
			.param("org", organisationId)
			.param("first", first)
			.param("at", at)
			.query((rs, n) -> new TrendCalculator.CaseEvent(rs.getLong("unit_id"), rs.getInt("kind"), rs.getInt("week"),
					rs.getInt("delta")))
			.list();
	}

	/**
	 * Per handler, week, share and complexity: changes to the type weights carried, from
	 * the intervals in which an assignment of an open case holds. The primary handler's
	 * assignment counts as {@link LoadSettings.Share#PRIMARY}, a co-handler's as
	 * {@link LoadSettings.Share#CO_HANDLER}, and while both hold the primary's also as
	 * {@link LoadSettings.Share#PRIMARY_WHILE_CO_HANDLED}; {@link LoadSettings#points}
	 * turns them into points.
	 */
	List<AssignmentEvent> trendAssignmentEvents(long organisationId, LocalDate first, LocalDate at) {
		return assignmentEvents(organisationId, null, first, at);
	}

	/**
	 * {@link #trendAssignmentEvents} of one handler, read from the cases they handled (by
	 * the index on handler) rather than from every case of the organisation. Their
	 * co-handlers' assignments still count, as they halve the handler's share.
	 */
	List<AssignmentEvent> trendAssignmentEvents(long organisationId, long staffId, LocalDate first, LocalDate at) {
		return assignmentEvents(organisationId, staffId, first, at);
	}

	private List<AssignmentEvent> assignmentEvents(long organisationId, Long staffId, LocalDate first, LocalDate at) {
		String theirCases = (staffId != null) ? """
				and c.id in (select h.case_id from case_assignment h
					where h.organisation_id = :org and h.staff_id = :staff)""" : "";
		String theirEvents = (staffId != null) ? "where staff_id = :staff" : "";
		return this.jdbc.sql("""
				with assignments as (
					select a.case_id, a.staff_id, a.primary_handler, greatest(a.valid_from, c.opened) as start,
						least(a.valid_to, c.closed) as stop, t.weight, c.complexity
					from case_file c join case_type t on t.id = c.case_type_id
					join case_assignment a on a.case_id = c.id
					where c.organisation_id = :org and c.opened <= :at and (c.closed is null or c.closed > :first)
					%1$s
				),
				intervals as (
					select staff_id, start, stop, weight, complexity,
						case when primary_handler then 0 else 1 end as share
					from assignments
					union all
					select p.staff_id, greatest(p.start, q.start), least(p.stop, q.stop), p.weight, p.complexity, 2
					from assignments p join assignments q on q.case_id = p.case_id and p.primary_handler
						and not q.primary_handler
				)
				select staff_id, week, share, complexity, sum(weight) as weight from (
					select staff_id, greatest(0, (start - :first + 6) / 7) as week, share, complexity, weight
					from intervals where start <= :at and (stop is null or stop > start)
					union all
					select staff_id, greatest(0, (stop - :first + 6) / 7), share, complexity, -weight
					from intervals where stop <= :at and stop > start
				) events %2$s group by staff_id, week, share, complexity
				""".formatted(theirCases, theirEvents))
			.param("org", organisationId)
			.param("staff", staffId)
			.param("first", first)
			.param("at", at)
			.query((rs, n) -> new AssignmentEvent(rs.getLong("staff_id"), rs.getInt("week"),
					LoadSettings.Share.values()[rs.getInt("share")], rs.getInt("complexity"), rs.getDouble("weight")))
			.list();
	}

	/**
	 * A change, from the given week on, of the type weights of one complexity a handler
	 * carries in one share.
	 */
	record AssignmentEvent(long staffId, int week, LoadSettings.Share share, int complexity, double typeWeight) {

		TrendCalculator.LoadEvent points(LoadSettings settings) {
			return new TrendCalculator.LoadEvent(this.staffId, this.week,
					settings.points(this.share, this.typeWeight, this.complexity));
		}

	}

	/**
	 * An organisation's open cases on a date, summed per pair of primary and co-handler
	 * on that date (either may be null): how many, their type weights per complexity, and
	 * how many are investigations and investigations past their deadline. The national
	 * roll-up adds these up, without reading every case.
	 *
	 * <p>
	 * A case whose history has not changed since the date ({@code current_from}, see
	 * migration V21) gives its handlers and deadline from its own row; only the others
	 * are looked up in the history, as {@link #openCases} does for every case. The
	 * subqueries sit in the {@code else} branches, which PostgreSQL evaluates only for
	 * the rows that reach them. The cases still open come from the partial index
	 * {@code case_file_open_cover_ix} alone (migration V28), those closed after the date
	 * from {@code case_file_open_ix}: two branches, since one condition with an
	 * {@code or} would send PostgreSQL to the table for every open case.
	 */
	List<HandlerTotals> handlerTotals(long organisationId, LocalDate at) {
		return this.jdbc.sql("""
				select c.primary_handler, c.co_handler,
					coalesce(sum(c.weight) filter (where c.complexity = 1), 0) as weight_1,
					coalesce(sum(c.weight) filter (where c.complexity = 2), 0) as weight_2,
					coalesce(sum(c.weight) filter (where c.complexity = 3), 0) as weight_3,
					count(*) as cases, count(*) filter (where c.investigation) as investigations,
					count(*) filter (where c.investigation and c.deadline < :at) as overdue
				from (
					select t.weight, c.complexity, t.investigation,
						case when c.current_from <= :at then c.current_primary else (%1$s) end as primary_handler,
						case when c.current_from <= :at then c.current_co_handler else (%2$s) end as co_handler,
						case when not t.investigation then null
							when c.current_from <= :at then c.current_deadline else %3$s end as deadline
					from (
						select id, case_type_id, complexity, current_from, current_primary, current_co_handler,
							current_deadline
						from case_file
						where organisation_id = :org and closed is null and opened <= :at
						union all
						select id, case_type_id, complexity, current_from, current_primary, current_co_handler,
							current_deadline
						from case_file
						where organisation_id = :org and closed > :at and opened <= :at
					) c join case_type t on t.id = c.case_type_id and t.organisation_id = :org
				) c
				group by c.primary_handler, c.co_handler
				""".formatted(handlerOnDate(true), handlerOnDate(false), DEADLINE_ON_DATE))
			.param("org", organisationId)
			.param("at", at)
			.query((rs, n) -> new HandlerTotals(nullableLong(rs.getObject("primary_handler")),
					nullableLong(rs.getObject("co_handler")),
					new double[] { rs.getDouble("weight_1"), rs.getDouble("weight_2"), rs.getDouble("weight_3") },
					rs.getLong("cases"), rs.getLong("investigations"), rs.getLong("overdue")))
			.list();
	}

	/**
	 * A case {@code c}'s primary handler or co-handler on the date {@code :at}, as
	 * {@link #HANDLERS_ON_DATE} finds them.
	 */
	private static String handlerOnDate(boolean primary) {
		return """
				select max(a.staff_id) from case_assignment a
				where a.case_id = c.id and %sa.primary_handler and a.valid_from <= :at
					and (a.valid_to is null or a.valid_to > :at)""".formatted(primary ? "" : "not ");
	}

	/**
	 * The open cases that one primary handler and one co-handler handle together
	 * ({@code coHandler} null: alone; both null: nobody).
	 *
	 * @param weights the summed type weights of those of complexity 1, 2 and 3
	 */
	record HandlerTotals(Long primaryHandler, Long coHandler, double[] weights, long openCases, long openInvestigations,
			long investigationsPastDeadline) {

		/** The points of these cases under an organisation's load model. */
		double points(LoadSettings settings) {
			return settings.caseWeight(this.weights[0], 1) + settings.caseWeight(this.weights[1], 2)
					+ settings.caseWeight(this.weights[2], 3);
		}

	}

	/** A case of {@link #openCases} or {@link #casesOf}, by the columns both select. */
	private static OpenCase openCase(ResultSet rs) throws SQLException {
		return new OpenCase(rs.getLong("id"), rs.getLong("unit_id"), rs.getDouble("weight"), rs.getInt("complexity"),
				rs.getBoolean("investigation"), rs.getBoolean("two_handlers"),
				rs.getObject("deadline", LocalDate.class), nullableLong(rs.getObject("primary_handler")),
				nullableLong(rs.getObject("co_handler")));
	}

	private static Long nullableLong(Object value) {
		return (value != null) ? ((Number) value).longValue() : null;
	}

}
