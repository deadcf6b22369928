package bryt.voice;

import bryt.organisation.SecondFactorRequirement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whoever receives a channel's reports, or still holds the key of a report, logs in with
 * a second factor: a password alone must not open a report.
 */
@Component
class RecipientsNeedSecondFactor implements SecondFactorRequirement {

	private final JdbcClient jdbc;

	RecipientsNeedSecondFactor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean requiresSecondFactor(long organisationId, long accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from voice_channel_recipient where organisation_id = :org and account_id = :id)
					or exists (select 1 from voice_report_key where organisation_id = :org and account_id = :id)
				""").param("org", organisationId).param("id", accountId).query(Boolean.class).single();
	}

}
