package bryt.shared;

import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every module shares. A zone that does not exist stops the start with
 * Spring Boot's report naming {@code bryt.time-zone} and the value.
 *
 * @param timeZone the zone in which dates and deadlines are counted
 * @param demo the demo municipality
 */
@ConfigurationProperties("bryt")
@Validated
record SharedProperties(@DefaultValue("Europe/Stockholm") @NotNull ZoneId timeZone, @DefaultValue @Valid Demo demo) {

	/**
	 * @param enabled create the demo municipality on an empty embedded database
	 */
	record Demo(@DefaultValue("true") boolean enabled) {
	}

}
