package bryt.voice;

import bryt.organisation.CurrentAccount;
import bryt.shared.web.HelpPage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the reporting channel does and which deadlines hold: the law's, and the periods
 * each of the organisation's channels sets, read from the channels.
 */
@Controller
class VoiceHelpController implements HelpPage {

	private final ChannelRepository channels;

	VoiceHelpController(ChannelRepository channels) {
		this.channels = channels;
	}

	@Override
	public String module() {
		return "voice";
	}

	@Override
	public int order() {
		return 2;
	}

	@GetMapping("/help/voice")
	@PreAuthorize("isAuthenticated()")
	String help(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("channels", this.channels.findAll(me.organisationId()));
		return "voice/help";
	}

}
