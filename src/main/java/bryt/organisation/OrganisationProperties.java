package bryt.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The organisation module's settings. A value out of range stops the start with Spring
 * Boot's report naming the setting, the value and the rule.
 *
 * @param secondFactor logins with a second factor
 * @param accounts account administration
 */
@ConfigurationProperties("bryt")
@Validated
record OrganisationProperties(@DefaultValue @Valid SecondFactor secondFactor,
		@DefaultValue @Valid AccountLimits accounts) {

	/**
	 * @param required administrators and report recipients must log in with a second
	 * factor
	 */
	record SecondFactor(@DefaultValue("true") boolean required) {
	}

	/**
	 * @param takenUsernamesPerHour taken usernames an organisation may meet per hour
	 */
	record AccountLimits(@DefaultValue("20") @Min(1) int takenUsernamesPerHour) {
	}

}
