package bryt.workload;

import bryt.organisation.OrganisationChanged;
import bryt.organisation.OrganisationCreated;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a new organisation its country's case type catalogue and the default load model,
 * and marks an organisation's figures stale when its staff or units change.
 */
@Component
class WorkloadSetup {

	private final CaseTypeRepository caseTypes;

	private final JdbcClient jdbc;

	WorkloadSetup(CaseTypeRepository caseTypes, JdbcClient jdbc) {
		this.caseTypes = caseTypes;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(OrganisationCreated created) {
		CaseTypeCatalogue.defaults(created.country())
			.forEach((type) -> this.caseTypes.insert(created.organisationId(), type));
		this.jdbc.sql("insert into workload_settings (organisation_id) values (:org)")
			.param("org", created.organisationId())
			.update();
		this.jdbc.sql("insert into workload_version (organisation_id) values (:org)")
			.param("org", created.organisationId())
			.update();
	}

	@EventListener
	void on(OrganisationChanged changed) {
		bumpVersion(this.jdbc, changed.organisationId());
	}

	static void bumpVersion(JdbcClient jdbc, long organisationId) {
		jdbc.sql("""
				insert into workload_version (organisation_id, version) values (:org, 1)
				on conflict (organisation_id) do update set version = workload_version.version + 1
				""").param("org", organisationId).update();
	}

}
