package bryt.shared.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The address Bryt is reached at and the limits on logins. A value out of range stops the
 * start with Spring Boot's report naming the setting, the value and the rule.
 *
 * @param publicUrl the address users reach Bryt at; empty when not known
 * ({@link PublicUrl} checks its form)
 * @param session the login session
 * @param security the password limits
 */
@ConfigurationProperties("bryt")
@Validated
record SecurityProperties(@DefaultValue("") String publicUrl, @DefaultValue @Valid Session session,
		@DefaultValue @Valid Security security) {

	/**
	 * @param absoluteTimeout a login ends this long after it began, however busy
	 */
	record Session(@DefaultValue("8h") @NotNull @DurationMin(minutes = 1) Duration absoluteTimeout) {
	}

	/**
	 * @param passwordAttemptsPerAddressPerMinute failed password checks per client
	 * address and minute
	 * @param passwordAttemptsPerAddressPerHour the same per hour
	 */
	record Security(@DefaultValue("20") @Min(1) int passwordAttemptsPerAddressPerMinute,
			@DefaultValue("300") @Min(1) int passwordAttemptsPerAddressPerHour) {
	}

}
