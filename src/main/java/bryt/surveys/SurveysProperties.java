package bryt.surveys;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The surveys' settings, {@code bryt.surveys.*}. The schedules
 * ({@code bryt.surveys.reminder-cron}, {@code bryt.surveys.closing-cron}) are read by
 * their {@code @Scheduled} annotations, which take a placeholder, not a bean; they are
 * listed here so that the defaults live in one place and Spring refuses a malformed one
 * at start.
 *
 * @param invitationKey the HMAC-SHA256 key of invitation tokens, Base64, at least 32
 * bytes (e.g. from {@code BRYT_SURVEYS_INVITATION_KEY}); empty uses (and creates)
 * {@code keys/survey-invitation.key} under the data directory. Never in the database,
 * never shown: see {@link #toString()}
 * @param reminderCron when reminders are sent (daily; a cycle gets one reminder,
 * half-way)
 * @param closingCron when cycles past their closing date are closed
 * @param mailFrom the sender of invitations and reminders
 * @param answerLink the base of the link in invitations; empty for {@code /s} under
 * {@code bryt.public-url}
 * @param wrongCodesPerMinute codes that open no survey, per minute, shared by all
 * instances; once reached, every code is refused until the minute is over
 * @param pulseGapDays nobody gets a pulse or annual survey sooner than this many days
 * after another one (exit surveys excepted)
 * @param exitAddressKey the key of the exit survey's private addresses, Base64, at least
 * 32 bytes; empty uses (and creates) {@code keys/survey-exit-address.key} under the data
 * directory. Never in the database, never shown: see {@link #toString()}
 * @param minimumScores respondents a score figure must cover (never below 5)
 * @param minimumComments respondents a group must have before its comments are shown
 * (never below 5)
 * @param minimumExits respondents a pooled exit figure must cover (never below 5)
 */
@ConfigurationProperties("bryt.surveys")
@Validated
record SurveysProperties(@DefaultValue("") String invitationKey,
		@DefaultValue("0 0 8 * * *") @NotBlank String reminderCron,
		@DefaultValue("0 5 0 * * *") @NotBlank String closingCron,
		@DefaultValue("bryt@localhost") @NotBlank String mailFrom, @DefaultValue("") String answerLink,
		@DefaultValue("60") @Min(1) int wrongCodesPerMinute, @DefaultValue("14") @Min(14) int pulseGapDays,
		@DefaultValue("") String exitAddressKey, @DefaultValue("5") int minimumScores,
		@DefaultValue("10") int minimumComments, @DefaultValue("5") int minimumExits) {

	/**
	 * Refuses a minimum below {@link Minimums#FLOOR} while binding, so that the
	 * application does not start with one and the message names the setting's value.
	 */
	SurveysProperties {
		new Minimums(minimumScores, minimumComments, minimumExits);
	}

	/** The anonymity engine's minimums as set. */
	Minimums minimums() {
		return new Minimums(this.minimumScores, this.minimumComments, this.minimumExits);
	}

	/** Without the key, which is a secret. */
	@Override
	public String toString() {
		return "SurveysProperties[invitationKey=" + (this.invitationKey.isBlank() ? "" : "***") + ", reminderCron="
				+ this.reminderCron + ", closingCron=" + this.closingCron + ", mailFrom=" + this.mailFrom
				+ ", answerLink=" + this.answerLink + ", wrongCodesPerMinute=" + this.wrongCodesPerMinute
				+ ", pulseGapDays=" + this.pulseGapDays + ", exitAddressKey="
				+ (this.exitAddressKey.isBlank() ? "" : "***") + ", minimumScores=" + this.minimumScores
				+ ", minimumComments=" + this.minimumComments + ", minimumExits=" + this.minimumExits + "]";
	}

}
