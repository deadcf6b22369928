package bryt.voice;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import bryt.shared.security.PublicUrl;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Voice's settings, {@code bryt.voice.*}, with the defaults of README's table. A value
 * that would do harm (no permits, a budget of zero, a negative wait) stops the start with
 * a message naming the property. The two schedules, {@code bryt.voice.reminder-cron} and
 * {@code bryt.voice.retention-cron}, are read by their {@code @Scheduled} annotations
 * (which take a placeholder, not a bean), and Spring refuses a malformed one at start.
 *
 * @param followUpAttempts refused follow-ups per receipt selector in 15 minutes
 * @param submissionsPerMinute reports and reporters' messages per organisation and
 * minute, shared by all instances
 * @param wrongReceiptsPerMinute wrong receipts per organisation and minute, shared by all
 * instances
 * @param mailFrom the sender of reminders and notices
 * @param mailLanguage the language of reminders and notices, a language tag
 * @param inboxLink the link in reminders and notices; empty for the inbox under
 * {@code bryt.public-url} (or on localhost when that is not set either)
 * @param files the limits on reporters' files
 */
@ConfigurationProperties("bryt.voice")
@Validated
record VoiceProperties(@DefaultValue("10") @Min(1) int followUpAttempts,
		@DefaultValue("60") @Min(1) int submissionsPerMinute, @DefaultValue("30") @Min(1) int wrongReceiptsPerMinute,
		@DefaultValue("bryt@localhost") @NotBlank String mailFrom, @DefaultValue("sv") @NotBlank String mailLanguage,
		@DefaultValue("") String inboxLink, @DefaultValue @Valid Files files) {

	/** The inbox link that reminders and notices carry. */
	String inbox(PublicUrl publicUrl) {
		if (!this.inboxLink.isBlank()) {
			return this.inboxLink;
		}
		return publicUrl.forLinks() + "/voice";
	}

	/**
	 * @param maxMegapixels larger images are refused before they are decoded
	 * @param cleaningConcurrency files cleaned at once, by all reporters together
	 * @param cleaningWait how long a file waits for its turn before it is refused
	 * @param maxZipEntries parts of an Office document or other package
	 * @param maxUnpackedSize a package's parts together, unpacked
	 * @param maxCompressionRatio unpacked size per packed byte of a part
	 */
	record Files(@DefaultValue("40") @Min(1) int maxMegapixels, @DefaultValue("2") @Min(1) int cleaningConcurrency,
			@DefaultValue("PT20S") Duration cleaningWait, @DefaultValue("10000") @Min(1) int maxZipEntries,
			@DefaultValue("100MB") DataSize maxUnpackedSize, @DefaultValue("100") @Min(1) int maxCompressionRatio) {

		Files {
			if (cleaningWait.isNegative()) {
				throw new IllegalArgumentException("bryt.voice.files.cleaning-wait must not be negative");
			}
			if (maxUnpackedSize.toBytes() < 1) {
				throw new IllegalArgumentException("bryt.voice.files.max-unpacked-size must be at least 1B");
			}
		}

	}

}
