package bryt.voice;

import bryt.organisation.SecondFactorRequirement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whoever receives a channel's reports, or still holds the key of a report, logs in with
 * a second factor: a password alone must not open a report.
 */
@Component
class RecipientsNeedSecondFactor extends SecondFactorRequirement.Rows {

	RecipientsNeedSecondFactor(JdbcClient jdbc) {
		super(jdbc, "voice_channel_recipient", "voice_report_key");
	}

}
