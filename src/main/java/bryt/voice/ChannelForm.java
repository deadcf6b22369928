package bryt.voice;

import java.util.List;

import bryt.shared.NoPersonalIdentityNumber;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record ChannelForm(@NotNull ChannelKind kind, @NotBlank @Size(max = 200) @NoPersonalIdentityNumber String name,
		@NotNull @Min(1) @Max(90) Integer acknowledgeDays, @NotNull @Min(1) @Max(12) Integer feedbackMonths,
		@NotNull @Min(1) @Max(3650) Integer retentionDays, Boolean enabled, @NotEmpty List<Long> recipients) {

	ChannelForm {
		// An unticked checkbox sends nothing.
		enabled = Boolean.TRUE.equals(enabled);
		recipients = (recipients != null) ? List.copyOf(recipients) : List.of();
	}

	static ChannelForm empty() {
		return new ChannelForm(ChannelKind.WHISTLEBLOWING, null, 7, 3, 730, true, List.of());
	}

	static ChannelForm of(Channel channel) {
		return new ChannelForm(channel.kind(), channel.name(), channel.acknowledgeDays(), channel.feedbackMonths(),
				channel.retentionDays(), channel.enabled(), channel.recipientIds());
	}

}
