package bryt.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The employee side's administrator grants the roles that read the employee side's
 * figures and sign for the unions (issue 16), as an administrator grants the employer's:
 * it logs in with a second factor as administrators do, and a provider's login of it
 * meets the provider's {@code acr}/{@code amr} requirement
 * ({@link SecondFactors#mustLogInStrongly}).
 */
@Component
class EmployeeSideAdministratorsNeedSecondFactor implements SecondFactorRequirement {

	private final JdbcClient jdbc;

	EmployeeSideAdministratorsNeedSecondFactor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean requiresSecondFactor(long organisationId, long accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from account where organisation_id = :org and id = :id
					and 'EMPLOYEE_SIDE_ADMINISTRATOR' = any(roles))
				""").param("org", organisationId).param("id", accountId).query(Boolean.class).single();
	}

}
