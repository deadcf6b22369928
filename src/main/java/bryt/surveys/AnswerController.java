package bryt.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The respondent's pages: no login, no session, no cookie, no JavaScript, nothing about
 * the request read or kept (as voice's reporter pages). A code is typed on {@code /s} and
 * posted, or comes in a mail's link {@code /s/{code}}: Bryt writes no access log
 * ({@code server.tomcat.accesslog.enabled=false}) and sends {@code Referrer-Policy:
 * no-referrer} here, and the pages that carry the code have no outgoing link; from the
 * form on, the code travels in the body only. An unknown, used and malformed code all get
 * the same page, so trying codes tells nothing; a forged post needs a code, which only
 * its holder has, so the forms carry no CSRF token.
 */
@Controller
@RequestMapping("/s")
class AnswerController {

	private final AnswerSubmissions submissions;

	private final SurveysConfiguration.AnswerThrottle throttle;

	private final ExitSurveys exits;

	AnswerController(AnswerSubmissions submissions, SurveysConfiguration.AnswerThrottle throttle, ExitSurveys exits) {
		this.submissions = submissions;
		this.throttle = throttle;
		this.exits = exits;
	}

	@GetMapping
	String codeForm() {
		return "surveys/answer-code";
	}

	/** A typed code (or a language button of a page that carries one). */
	@PostMapping
	String typed(@RequestParam(required = false) String code, Locale locale, Model model,
			HttpServletResponse response) {
		return open(code, locale, model, response);
	}

	/** A mail's link. */
	@GetMapping("/{code}")
	String linked(@PathVariable String code, Locale locale, Model model, HttpServletResponse response) {
		return open(code, locale, model, response);
	}

	/**
	 * The thank-you page again in the language of the button pressed (L7): with the
	 * address form while the code's leaver may still leave an address, else the thanks
	 * alone. A code that opens no form counts against the wrong-code limit, as on the
	 * address form, since the form's presence tells whether a code awaits an address.
	 */
	@PostMapping("/thanks")
	String thanks(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		model.addAttribute("keepOnPage", true);
		model.addAttribute("again", false);
		Optional<InvitationCode> parsed = InvitationCode.parse(code);
		if (parsed.isPresent() && this.exits.awaitsAddress(parsed.get())) {
			model.addAttribute("exitCode", parsed.get().value());
		}
		else if (parsed.isPresent()
				&& !this.throttle.wrongCodes().tryAcquire(SurveysConfiguration.AnswerThrottle.KEY)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		return "surveys/answer-thanks";
	}

	@PostMapping("/answer")
	String answer(@RequestParam MultiValueMap<String, String> posted, Locale locale, Model model,
			HttpServletResponse response) {
		String code = posted.getFirst("code");
		// The same form sent twice (a double click): the first post's answers count, the
		// second gets the thanks page, nothing is stored twice.
		Optional<Cycle> sent = this.submissions.alreadySent(code, posted.getFirst("sent"));
		if (sent.isPresent()) {
			return thanks(sent.get(), code, true, model);
		}
		AnswerSubmissions.Found found = find(code, locale, response, model);
		if (found.state() != AnswerSubmissions.Found.State.OPEN) {
			return page(found, model);
		}
		AnswerSubmissions.Checked checked = AnswerSubmissions.check(found.items(), posted);
		if (!checked.errors().isEmpty()) {
			model.addAttribute("errors", checked.errors());
			model.addAttribute("values", checked.shown());
			return page(found, model);
		}
		if (!this.submissions.submit(found.code(), checked)) {
			// Used by a post a moment before: the same form's (a double click whose first
			// post was still being written) gets the thanks page; else the code as it
			// stands now: a survey closed early or cancelled while the form was filled in
			// says so (the evening's outsider review got "mistyped or already used"), a
			// code used by another post is refused as any used one.
			Optional<Cycle> racing = this.submissions.alreadySent(code, posted.getFirst("sent"));
			if (racing.isPresent()) {
				return thanks(racing.get(), code, true, model);
			}
			return page(this.submissions.find(code, locale.getLanguage()), model);
		}
		return thanks(found.cycle(), found.code().value(), false, model);
	}

	/**
	 * @param again whether this post repeated a form already sent: its answers were not
	 * stored, the first post's were
	 */
	private String thanks(Cycle cycle, String code, boolean again, Model model) {
		model.addAttribute("keepOnPage", true);
		model.addAttribute("again", again);
		if (cycle.program() == CycleProgram.EXIT_FIRST) {
			// The private-address form (ExitController): it carries the code, not the
			// answer.
			model.addAttribute("exitCode", InvitationCode.parse(code).orElseThrow().value());
		}
		return "surveys/answer-thanks";
	}

	private String open(String code, Locale locale, Model model, HttpServletResponse response) {
		return page(find(code, locale, response, model), model);
	}

	/**
	 * The code's survey. A valid code is never refused: the limit counts only codes that
	 * open nothing, and past it they get 429 and a page that says to wait, so that one
	 * client trying codes cannot shut every respondent out (the limit is keyed by nothing
	 * about the visitor). A code of 130 random bits is not found by trying, so the lookup
	 * before the limit tells a guesser nothing of use.
	 */
	private AnswerSubmissions.Found find(String code, Locale locale, HttpServletResponse response, Model model) {
		AnswerSubmissions.Found found = this.submissions.find(code, locale.getLanguage());
		if (found.state() == AnswerSubmissions.Found.State.NONE
				&& !this.throttle.wrongCodes().tryAcquire(SurveysConfiguration.AnswerThrottle.KEY)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("throttled", true);
		}
		return found;
	}

	private String page(AnswerSubmissions.Found found, Model model) {
		switch (found.state()) {
			case NONE -> {
				model.addAttribute("refused", true);
				return "surveys/answer-code";
			}
			case CLOSED -> {
				model.addAttribute("keepOnPage", true);
				model.addAttribute("code", found.code().value());
				return "surveys/answer-closed";
			}
			case CANCELLED -> {
				// The same page, saying why (L2): its answers were deleted.
				model.addAttribute("keepOnPage", true);
				model.addAttribute("code", found.code().value());
				model.addAttribute("cancelled", true);
				return "surveys/answer-closed";
			}
			default -> {
				model.addAttribute("keepOnPage", true);
				model.addAttribute("code", found.code().value());
				model.addAttribute("sent", this.submissions.formTag(found.code()));
				model.addAttribute("cycle", found.cycle());
				model.addAttribute("areas", areas(found.items()));
				model.addAttribute("reasons", AnswerItem.REASONS);
				if (!model.containsAttribute("errors")) {
					model.addAttribute("errors", Map.of());
					model.addAttribute("values", Map.of());
				}
				return "surveys/answer";
			}
		}
	}

	/** The items by area, in order. */
	private static Map<String, List<AnswerItem>> areas(List<AnswerItem> items) {
		Map<String, List<AnswerItem>> areas = new LinkedHashMap<>();
		items
			.forEach((item) -> areas.computeIfAbsent(item.areaName(), (name) -> new java.util.ArrayList<>()).add(item));
		return areas;
	}

	/**
	 * A form body that cannot be decoded: answered here with no log at all (Tomcat's
	 * message would quote the value).
	 */
	@ExceptionHandler(InvalidParameterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String undecodable(Model model) {
		model.addAttribute("status", 400);
		return "error";
	}

}
