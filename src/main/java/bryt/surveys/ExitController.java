package bryt.surveys;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leaver's private address for the exit survey's second stage, under the answer
 * pages' rules (no login, no session, no cookie, no JavaScript, nothing about the request
 * read or kept). The form on the first stage's thank-you page posts here in a request of
 * its own: it carries the invitation's code, never anything of the answer. Deleting takes
 * the deletion token shown once; a token that deletes nothing gets the same page.
 */
@Controller
@RequestMapping("/s/exit-address")
class ExitController {

	/** Enough to catch a slip; the second-stage mail is the real test of an address. */
	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private static final int MAX_ADDRESS = 254;

	private final ExitSurveys exits;

	private final SurveyMail mail;

	private final SurveysConfiguration.AnswerThrottle throttle;

	ExitController(ExitSurveys exits, SurveyMail mail, SurveysConfiguration.AnswerThrottle throttle) {
		this.exits = exits;
		this.mail = mail;
		this.throttle = throttle;
	}

	@PostMapping
	String leave(@RequestParam(required = false) String code, @RequestParam(required = false) String address,
			Model model, HttpServletResponse response) {
		model.addAttribute("keepOnPage", true);
		Optional<InvitationCode> parsed = InvitationCode.parse(code);
		String typed = (address != null) ? address.strip() : "";
		boolean malformed = typed.length() > MAX_ADDRESS || !ADDRESS.matcher(typed).matches();
		// The code is looked up before the wrong-code limit is asked, as on the answer
		// pages: a valid code is never refused because others tried wrong ones.
		Optional<InvitationCode> deletion = Optional.empty();
		if (parsed.isPresent() && malformed && this.exits.awaitsAddress(parsed.get())) {
			model.addAttribute("exitCode", parsed.get().value());
			model.addAttribute("exitError", "surveys.exit.address.error");
			model.addAttribute("exitAddress", typed);
			return "surveys/answer-thanks";
		}
		if (parsed.isPresent() && !malformed) {
			deletion = this.exits.leaveAddress(parsed.get(), typed);
		}
		if (deletion.isEmpty()) {
			if (!this.throttle.wrongCodes().tryAcquire(SurveysConfiguration.AnswerThrottle.KEY)) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			}
			return "surveys/exit-address-none";
		}
		model.addAttribute("deletion", deletion.get().grouped());
		model.addAttribute("deletePage", this.mail.answerPage() + "/exit-address/delete");
		return "surveys/exit-address-saved";
	}

	/**
	 * The address-saved page again in another language (L7), with the deletion token it
	 * was shown, which comes back in the body (never in an address). Nothing is looked
	 * up: the page only repeats a well-formed token; anything else gets the delete form.
	 */
	@PostMapping("/saved")
	String saved(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("keepOnPage", true);
		Optional<InvitationCode> parsed = InvitationCode.parse(token);
		if (parsed.isEmpty()) {
			return "surveys/exit-address-delete";
		}
		model.addAttribute("deletion", parsed.get().grouped());
		model.addAttribute("deletePage", this.mail.answerPage() + "/exit-address/delete");
		return "surveys/exit-address-saved";
	}

	@GetMapping("/delete")
	String deleteForm() {
		return "surveys/exit-address-delete";
	}

	@PostMapping("/delete")
	String delete(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("keepOnPage", true);
		// Not rate-limited: a guessed token (130 bits) can only delete, and a limit
		// reached by others must not keep a leaver's own token from working.
		InvitationCode.parse(token).ifPresent(this.exits::deleteAddress);
		// The same page whether a row went or not: trying tokens tells nothing.
		model.addAttribute("done", true);
		return "surveys/exit-address-delete";
	}

}
