package bryt.workload;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseTypeRepository {

	private final JdbcClient jdbc;

	CaseTypeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CaseType> findAll(long organisationId) {
		return this.jdbc.sql("""
				select id, code, name_sv, name_da, name_en, weight, deadline_days, investigation, two_handlers
				from case_type where organisation_id = :org order by code
				""").param("org", organisationId).query(CaseType.class).list();
	}

	void insert(long organisationId, CaseType type) {
		this.jdbc.sql("""
				insert into case_type (organisation_id, code, name_sv, name_da, name_en, weight, deadline_days,
					investigation, two_handlers)
				values (:org, :code, :sv, :da, :en, :weight, :days, :investigation, :two)
				""")
			.param("org", organisationId)
			.param("code", type.code())
			.param("sv", type.nameSv())
			.param("da", type.nameDa())
			.param("en", type.nameEn())
			.param("weight", type.weight())
			.param("days", type.deadlineDays())
			.param("investigation", type.investigation())
			.param("two", type.twoHandlers())
			.update();
	}

	void update(long organisationId, CaseType type) {
		this.jdbc.sql("""
				update case_type set name_sv = :sv, name_da = :da, name_en = :en, weight = :weight,
					deadline_days = :days, investigation = :investigation, two_handlers = :two
				where organisation_id = :org and id = :id
				""")
			.param("org", organisationId)
			.param("id", type.id())
			.param("sv", type.nameSv())
			.param("da", type.nameDa())
			.param("en", type.nameEn())
			.param("weight", type.weight())
			.param("days", type.deadlineDays())
			.param("investigation", type.investigation())
			.param("two", type.twoHandlers())
			.update();
	}

}
