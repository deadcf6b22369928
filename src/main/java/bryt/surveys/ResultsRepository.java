package bryt.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the results are computed from: closed cycles, instruments, and per cycle,
 * unit and band only counts and sums, never a response's answers. The band column is
 * picked by a parameter ({@link ResultBreakdown#parameter()}), not by building SQL.
 *
 * <p>
 * A closed cycle's counts are read from its summary ({@link ResultSummaries}, V36), taken
 * once in the transaction that closes it: its answers never change after, and counting
 * them is two aggregates over every answer of the cycle (1.4 million rows for 40,000
 * responses, 20–50 s on the benchmark's machine; docs/benchmarks.md, issue 13). A cycle
 * without a whole summary (an open one, which no results page reads) is counted from its
 * answers as before.
 */
@Repository
class ResultsRepository {

	private final JdbcClient jdbc;

	private final ResultSummaries summaries;

	ResultsRepository(JdbcClient jdbc, ResultSummaries summaries) {
		this.jdbc = jdbc;
		this.summaries = summaries;
	}

	/**
	 * The opening days of a program's cycles that have not closed yet: an exit window
	 * holding one of their months is not final.
	 */
	List<LocalDate> unclosedOpenings(long organisationId, String program) {
		return this.jdbc.sql("""
				select opens_on from survey_cycle
				where organisation_id = :org and program = :program and status <> 'closed'
				""").param("org", organisationId).param("program", program).query(LocalDate.class).list();
	}

	/**
	 * An organisation's closed cycles of a program that opened in a period, oldest first.
	 */
	List<ResultCycle> closedCycles(long organisationId, String program, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select id, program, instrument_id, opens_on, closes_on
				from survey_cycle
				where organisation_id = :org and program = :program and status = 'closed'
					and opens_on between :from and :to
				order by opens_on, id
				""")
			.param("org", organisationId)
			.param("program", program)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new ResultCycle(rs.getLong("id"), rs.getString("program"), rs.getLong("instrument_id"),
					rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class)))
			.list();
	}

	/** An instrument's areas and items, in order. */
	ResultInstrument instrument(long instrumentId) {
		List<ResultInstrument.Area> areas = this.jdbc.sql("""
				select key, scored from survey_area where instrument_id = :instrument order by position, key
				""")
			.param("instrument", instrumentId)
			.query((rs, row) -> new ResultInstrument.Area(rs.getString("key"), rs.getBoolean("scored")))
			.list();
		List<ResultInstrument.Item> items = this.jdbc.sql("""
				select i.key, i.area_key, i.kind, s.points, i.reverse
				from survey_item i
					join survey_area a on a.instrument_id = i.instrument_id and a.key = i.area_key
					left join survey_scale s on s.instrument_id = i.instrument_id and s.key = i.scale_key
				where i.instrument_id = :instrument
				order by a.position, a.key, i.position, i.key
				""").param("instrument", instrumentId).query((rs, row) -> {
			int points = rs.getInt("points");
			Integer scale = rs.wasNull() ? null : points;
			return new ResultInstrument.Item(rs.getString("key"), rs.getString("area_key"), rs.getString("kind"), scale,
					rs.getBoolean("reverse"));
		}).list();
		return new ResultInstrument(instrumentId, areas, items);
	}

	/**
	 * The counts of some cycles, per cycle, unit and (under a breakdown) band: of those
	 * summarised from their summary, of the others from their answers. Every row is a
	 * cycle's own (each query groups by cycle), so the rows of several cycles are the
	 * rows of each put together.
	 */
	ResultRows rows(Collection<Long> cycleIds, ResultBreakdown breakdown) {
		if (cycleIds.isEmpty()) {
			return new ResultRows(List.of(), List.of(), List.of(), List.of(), List.of());
		}
		List<Long> cycles = List.copyOf(new TreeSet<>(cycleIds));
		Set<Long> summarised = this.summaries.summarised(cycles);
		List<Long> toCount = cycles.stream().filter((cycle) -> !summarised.contains(cycle)).toList();
		List<ResultRows> parts = new ArrayList<>();
		parts.add(new ResultRows(groups(cycles), List.of(), List.of(), List.of(), List.of()));
		if (!summarised.isEmpty()) {
			parts.add(this.summaries.counts(summarised, breakdown));
		}
		if (!toCount.isEmpty()) {
			parts.add(count(toCount, breakdown));
		}
		return join(parts);
	}

	private static ResultRows join(List<ResultRows> parts) {
		List<ResultRows.Group> groups = new ArrayList<>();
		List<ResultRows.Invited> invited = new ArrayList<>();
		List<ResultRows.Respondents> respondents = new ArrayList<>();
		List<ResultRows.ValueCount> values = new ArrayList<>();
		List<ResultRows.AreaSum> areas = new ArrayList<>();
		for (ResultRows part : parts) {
			groups.addAll(part.groups());
			invited.addAll(part.invited());
			respondents.addAll(part.respondents());
			values.addAll(part.values());
			areas.addAll(part.areas());
		}
		return new ResultRows(groups, invited, respondents, values, areas);
	}

	/** Each cycle's unit snapshot. */
	private List<ResultRows.Group> groups(List<Long> cycles) {
		return this.jdbc.sql("""
				select cycle_id, unit_id, parent_unit_id, name, invited
				from survey_group where cycle_id in (:cycles)
				""").param("cycles", cycles).query((rs, row) -> {
			long parent = rs.getLong("parent_unit_id");
			Long parentUnitId = rs.wasNull() ? null : parent;
			return new ResultRows.Group(rs.getLong("cycle_id"), rs.getLong("unit_id"), parentUnitId,
					rs.getString("name"), rs.getInt("invited"));
		}).list();
	}

	/**
	 * Counts some cycles from their answers: the same aggregates as V36's
	 * {@code survey_result_summarise}, for one breakdown.
	 */
	private ResultRows count(List<Long> cycles, ResultBreakdown breakdown) {
		String band = breakdown.parameter();
		List<ResultRows.Invited> invited = (breakdown == ResultBreakdown.NONE) ? List.of()
				: this.jdbc
					.sql("""
							select cycle_id, unit_id, band, count(*) as invited
							from (select r.cycle_id, r.unit_id, case cast(:breakdown as text) when 'tenure_band' then r.tenure_band
									when 'age_band' then r.age_band end as band from survey_invitation r where r.cycle_id in (:cycles)) i
							group by cycle_id, unit_id, band
							""")
					.param("cycles", cycles)
					.param("breakdown", band)
					.query((rs, row) -> new ResultRows.Invited(rs.getLong("cycle_id"), rs.getLong("unit_id"),
							rs.getString("band"), rs.getInt("invited")))
					.list();
		List<ResultRows.Respondents> respondents = this.jdbc
			.sql("""
					select cycle_id, unit_id, band, count(*) as responses
					from (select r.cycle_id, r.unit_id, case cast(:breakdown as text) when 'tenure_band' then r.tenure_band
							when 'age_band' then r.age_band end as band from survey_response r where r.cycle_id in (:cycles)) g
					group by cycle_id, unit_id, band
					""")
			.param("cycles", cycles)
			.param("breakdown", band)
			.query((rs, row) -> new ResultRows.Respondents(rs.getLong("cycle_id"), rs.getLong("unit_id"),
					rs.getString("band"), rs.getInt("responses")))
			.list();
		List<ResultRows.ValueCount> values = new ArrayList<>(this.jdbc.sql("""
				select r.cycle_id, r.unit_id,
					case cast(:breakdown as text) when 'tenure_band' then r.tenure_band
						when 'age_band' then r.age_band end as band,
					a.item_key, a.value, count(*) as responses
				from survey_response r join survey_answer a on a.response_id = r.id
				where r.cycle_id in (:cycles)
				group by r.cycle_id, r.unit_id, band, a.item_key, a.value
				""")
			.param("cycles", cycles)
			.param("breakdown", band)
			.query((rs, row) -> new ResultRows.ValueCount(rs.getLong("cycle_id"), rs.getLong("unit_id"),
					rs.getString("band"), rs.getString("item_key").intern(), rs.getInt("value"),
					rs.getInt("responses")))
			.list());
		// A reasons item takes several values from one response, so how many answered it
		// is
		// counted apart (value null); the other kinds hold one value per response (V23),
		// so
		// their answers are the sum over their values, and a distinct count over every
		// answer (a sort of all of them) is spared.
		values.addAll(this.jdbc.sql("""
				select r.cycle_id, r.unit_id,
					case cast(:breakdown as text) when 'tenure_band' then r.tenure_band
						when 'age_band' then r.age_band end as band,
					a.item_key, count(distinct a.response_id) as responses
				from survey_response r
					join survey_cycle c on c.id = r.cycle_id
					join survey_answer a on a.response_id = r.id
					join survey_item i on i.instrument_id = c.instrument_id and i.key = a.item_key
				where r.cycle_id in (:cycles) and i.kind = 'reasons'
				group by r.cycle_id, r.unit_id, band, a.item_key
				""")
			.param("cycles", cycles)
			.param("breakdown", band)
			.query((rs, row) -> new ResultRows.ValueCount(rs.getLong("cycle_id"), rs.getLong("unit_id"),
					rs.getString("band"), rs.getString("item_key"), null, rs.getInt("responses")))
			.list());
		return new ResultRows(List.of(), invited, respondents, List.copyOf(values), areaSums(cycles, band));
	}

	/**
	 * Per cycle, unit, band and scored area: the sum of the responses' area scores and
	 * how many responses answered an item of the area. A response's area score is the
	 * mean of its answered scale items' scores as fractions 0–1 (reversed items turned
	 * around), the rule of {@link AreaIndex}; it is taken here so that no response's
	 * answers leave the database. A value off its item's scale is not counted (the
	 * answering path refuses one).
	 */
	private List<ResultRows.AreaSum> areaSums(List<Long> cycles, String band) {
		return this.jdbc.sql("""
				with scores as (
					select a.response_id, i.area_key,
						avg((case when i.reverse then s.points - 1 - a.value else a.value end)::float8
							/ (s.points - 1)) as score
					from survey_response r
						join survey_cycle c on c.id = r.cycle_id
						join survey_answer a on a.response_id = r.id
						join survey_item i on i.instrument_id = c.instrument_id and i.key = a.item_key
						join survey_area ar on ar.instrument_id = i.instrument_id and ar.key = i.area_key
						join survey_scale s on s.instrument_id = i.instrument_id and s.key = i.scale_key
					where r.cycle_id in (:cycles) and i.kind = 'scale' and ar.scored and a.value < s.points
					group by a.response_id, i.area_key
				)
				select r.cycle_id, r.unit_id,
					case cast(:breakdown as text) when 'tenure_band' then r.tenure_band
						when 'age_band' then r.age_band end as band,
					scores.area_key, sum(scores.score) as score_sum, count(*) as responses
				from scores join survey_response r on r.id = scores.response_id
				group by r.cycle_id, r.unit_id, band, scores.area_key
				""")
			.param("cycles", cycles)
			.param("breakdown", band)
			.query((rs, row) -> new ResultRows.AreaSum(rs.getLong("cycle_id"), rs.getLong("unit_id"),
					rs.getString("band"), rs.getString("area_key"), rs.getDouble("score_sum"), rs.getInt("responses")))
			.list();
	}

}
