package bryt.safety;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The safety module's settings, {@code bryt.safety.*}. The clocks are in hours or days as
 * the law and the issue state them; the job's schedule is read by its {@code @Scheduled}
 * annotation and listed here so that the default lives in one place.
 *
 * @param acknowledgeHours the manager acknowledges an incident within this many hours,
 * else it escalates to the next manager up and HR
 * @param authorityHours Sweden: a serious incident is notified to Arbetsmiljöverket
 * "today"; without a notification reference after this many hours it escalates
 * @param easyDays Denmark: an injury with absence is notified in EASY within this many
 * days of the first day of absence
 * @param easyDeathHours Denmark: a death is notified within this many hours
 * @param policeHours a reminder when nobody has decided about a police report after this
 * many hours
 * @param retentionYears a closed incident's personal data is removed this many years
 * after it closed; its figures stay
 * @param jobCron when the clocks are checked (escalations and reminders)
 * @param mailFrom the sender of the module's mail
 */
@ConfigurationProperties("bryt.safety")
@Validated
record SafetyProperties(@DefaultValue("24") @Min(1) @Max(168) int acknowledgeHours,
		@DefaultValue("24") @Min(1) @Max(168) int authorityHours, @DefaultValue("9") @Min(1) @Max(60) int easyDays,
		@DefaultValue("48") @Min(1) @Max(168) int easyDeathHours, @DefaultValue("48") @Min(1) @Max(336) int policeHours,
		@DefaultValue("5") @Min(1) @Max(30) int retentionYears,
		@DefaultValue("0 */15 * * * *") @NotBlank String jobCron,
		@DefaultValue("bryt@localhost") @NotBlank String mailFrom) {

}
