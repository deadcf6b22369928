package bryt.surveys;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A closed cycle's counts, summarised once in the transaction that closes it (V36): per
 * cycle, breakdown, unit and band, exactly what {@link ResultsRepository#rows} would
 * count from the answers, so that reading a closed cycle's results reads a few small
 * tables rather than aggregating every answer of the cycle (1.4 million rows for 40,000
 * responses; docs/benchmarks.md, issue 13). Its answers are released in that transaction
 * and never change after. Counts and sums per group only, never a response's answers.
 *
 * <p>
 * The summarising SQL is V36's database function {@code survey_result_summarise}, the one
 * copy that the close, V36's backfill of the cycles closed before it, and the benchmark's
 * generator all run.
 */
@Repository
class ResultSummaries {

	private final JdbcClient jdbc;

	ResultSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Summarises a cycle's released answers (again, if it was: the summary is replaced),
	 * in the caller's transaction. Returns how many responses it counted.
	 */
	int summarise(long cycleId) {
		return this.jdbc.sql("select survey_result_summarise(:cycle)")
			.param("cycle", cycleId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Of some cycles, the closed ones whose summary is whole: it counted as many
	 * responses as the cycle has. A cycle whose responses changed after its summary
	 * (which no path of Bryt does to a closed cycle) is counted from its answers again.
	 */
	Set<Long> summarised(Collection<Long> cycles) {
		Set<Long> summarised = new HashSet<>();
		this.jdbc.sql("""
				select s.cycle_id
				from survey_result_summary s join survey_cycle c on c.id = s.cycle_id
				where s.cycle_id in (:cycles) and c.status = 'closed'
					and s.responses = (select count(*) from survey_response r where r.cycle_id = s.cycle_id)
				""").param("cycles", List.copyOf(cycles)).query((rs) -> {
			summarised.add(rs.getLong("cycle_id"));
		});
		return summarised;
	}

	/**
	 * The summarised counts of some cycles under a breakdown; the snapshot's groups are
	 * not here (the caller reads them from {@code survey_group}).
	 */
	ResultRows counts(Collection<Long> cycles, ResultBreakdown breakdown) {
		List<Long> ids = List.copyOf(cycles);
		String band = breakdown.parameter();
		List<ResultRows.Invited> invited = (breakdown == ResultBreakdown.NONE) ? List.of()
				: this.jdbc.sql("""
						select cycle_id, unit_id, band, invited from survey_result_invited
						where cycle_id in (:cycles) and breakdown = :breakdown
						""")
					.param("cycles", ids)
					.param("breakdown", band)
					.query((rs, row) -> new ResultRows.Invited(rs.getLong("cycle_id"), rs.getLong("unit_id"),
							rs.getString("band"), rs.getInt("invited")))
					.list();
		List<ResultRows.Respondents> respondents = this.jdbc.sql("""
				select cycle_id, unit_id, band, responses from survey_result_respondents
				where cycle_id in (:cycles) and breakdown = :breakdown
				""")
			.param("cycles", ids)
			.param("breakdown", band)
			.query((rs, row) -> new ResultRows.Respondents(rs.getLong("cycle_id"), rs.getLong("unit_id"),
					rs.getString("band"), rs.getInt("responses")))
			.list();
		List<ResultRows.ValueCount> values = this.jdbc.sql("""
				select cycle_id, unit_id, band, item_key, value, responses from survey_result_value
				where cycle_id in (:cycles) and breakdown = :breakdown
				""").param("cycles", ids).param("breakdown", band).query((rs, row) -> {
			int value = rs.getInt("value");
			Integer given = rs.wasNull() ? null : value;
			return new ResultRows.ValueCount(rs.getLong("cycle_id"), rs.getLong("unit_id"), rs.getString("band"),
					rs.getString("item_key").intern(), given, rs.getInt("responses"));
		}).list();
		List<ResultRows.AreaSum> areas = this.jdbc.sql("""
				select cycle_id, unit_id, band, area_key, score_sum, responses from survey_result_area
				where cycle_id in (:cycles) and breakdown = :breakdown
				""")
			.param("cycles", ids)
			.param("breakdown", band)
			.query((rs, row) -> new ResultRows.AreaSum(rs.getLong("cycle_id"), rs.getLong("unit_id"),
					rs.getString("band"), rs.getString("area_key"), rs.getDouble("score_sum"), rs.getInt("responses")))
			.list();
		return new ResultRows(List.of(), invited, respondents, values, areas);
	}

}
