package bryt.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the Kolada benchmarks. */
@Repository
class BenchmarkRepository {

	private final JdbcClient jdbc;

	BenchmarkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a value, replacing the one of the same key figure, area and year. */
	void upsert(long organisationId, Benchmark benchmark, Instant importedAt) {
		this.jdbc
			.sql("""
					insert into overview_benchmark (organisation_id, kpi, title, area, area_kind, period, value, retrieved_on,
						imported_at)
					values (:org, :kpi, :title, :area, :kind, :period, :value, :retrieved, :imported)
					on conflict (organisation_id, kpi, area, period) do update
					set title = excluded.title, area_kind = excluded.area_kind, value = excluded.value, retrieved_on = excluded.retrieved_on,
						imported_at = excluded.imported_at
					""")
			.param("org", organisationId)
			.param("kpi", benchmark.kpi())
			.param("title", benchmark.title())
			.param("area", benchmark.area())
			.param("kind", benchmark.kind().name())
			.param("period", benchmark.period())
			.param("value", benchmark.value())
			.param("retrieved", benchmark.retrievedOn())
			.param("imported", importedAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Every stored value of the organisation, by key figure, area kind, area and year.
	 */
	List<Benchmark> all(long organisationId) {
		return this.jdbc.sql("""
				select kpi, title, area, area_kind, period, value, retrieved_on from overview_benchmark
				where organisation_id = :org
				order by kpi, case area_kind when 'MUNICIPALITY' then 0 when 'GROUP' then 1 else 2 end, area, period
				""")
			.param("org", organisationId)
			.query((rs, row) -> new Benchmark(rs.getString("kpi"), rs.getString("title"), rs.getString("area"),
					Benchmark.AreaKind.valueOf(rs.getString("area_kind")), rs.getInt("period"),
					rs.getBigDecimal("value"), rs.getObject("retrieved_on", LocalDate.class)))
			.list();
	}

}
