package bryt.workload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
				""").params(params(organisationId, type)).update();
	}

	void update(long organisationId, CaseType type) {
		this.jdbc.sql("""
				update case_type set name_sv = :sv, name_da = :da, name_en = :en, weight = :weight,
					deadline_days = :days, investigation = :investigation, two_handlers = :two
				where organisation_id = :org and id = :id
				""").params(params(organisationId, type)).update();
	}

	private static Map<String, Object> params(long organisationId, CaseType type) {
		Map<String, Object> params = new HashMap<>();
		params.put("org", organisationId);
		params.put("id", type.id());
		params.put("code", type.code());
		params.put("sv", type.nameSv());
		params.put("da", type.nameDa());
		params.put("en", type.nameEn());
		params.put("weight", type.weight());
		params.put("days", type.deadlineDays());
		params.put("investigation", type.investigation());
		params.put("two", type.twoHandlers());
		return params;
	}

}
