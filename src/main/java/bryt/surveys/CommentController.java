package bryt.surveys;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.SecondFactorStepUp;
import bryt.organisation.Visibility;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A closed cycle's comments (issue 13 item 3): the released ones for those who see a
 * unit's results, and the review by one reviewer of each party before the release
 * ({@link CommentReview}). Another organisation's cycle is not found (404). Every review
 * route, GET and POST, asks for the second factor on each request (F4): a session that
 * began before comments were waiting, with the password alone, is held at the
 * second-factor form before it reads or changes anything.
 */
@Controller
@RequestMapping("/surveys/results/{id}/comments")
class CommentController {

	private static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	/**
	 * The employer's side (HR, administrators) and the employee side (union and safety
	 * representatives).
	 */
	private static final String REVIEWERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE')";

	private final CommentReview review;

	private final Organisations organisations;

	private final Clock clock;

	private final SecondFactorStepUp secondFactor;

	CommentController(CommentReview review, Organisations organisations, Clock clock, SecondFactorStepUp secondFactor) {
		this.secondFactor = secondFactor;
		this.review = review;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String comments(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Locale locale,
			Model model) {
		CommentReview.Shown shown = this.review
			.shown(me.organisationId(), id, this.organisations.visibility(authentication, me.organisationId()), unit,
					locale)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("shown", shown);
		model.addAttribute("cycle", shown.cycle());
		model.addAttribute("reviewer", CommentSide.of(me.roles()).isPresent());
		model.addAttribute("results", ResultsPage.PROGRAMS.contains(shown.cycle().program()));
		return "surveys/comments";
	}

	@GetMapping("/review")
	@PreAuthorize(REVIEWERS)
	String review(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!this.secondFactor.passed(me, authentication)) {
			return this.secondFactor.stepUp(authentication, request, response);
		}
		return page(me, authentication, id, locale, model);
	}

	@PostMapping("/review/redact")
	@PreAuthorize(REVIEWERS)
	String redact(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @RequestParam(name = "comment", required = false) String comment,
			@RequestParam(name = "words", required = false) String words,
			@RequestParam(name = "label", required = false) String label,
			@RequestParam(name = "scope", required = false) String scope,
			@RequestParam(name = "version", required = false) String version, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		side(me);
		if (!this.secondFactor.passed(me, authentication)) {
			return this.secondFactor.stepUp(authentication, request, response);
		}
		CommentReview.Outcome outcome;
		if ("all".equals(scope)) {
			// The second button: the words in every comment this reviewer sees.
			CommentReview.Everywhere everywhere = this.review.redactEverywhere(me.organisationId(), id, words, label,
					me, visibility(me, authentication), version);
			outcome = everywhere.outcome();
			if (outcome == CommentReview.Outcome.DONE) {
				redirect.addFlashAttribute("notice", "surveys.comments.review.redactedEverywhere");
				redirect.addFlashAttribute("noticeCount", everywhere.comments());
				return "redirect:/surveys/results/" + id + "/comments/review";
			}
		}
		else {
			outcome = this.review.redact(me.organisationId(), id, comment, words, label, me,
					visibility(me, authentication));
		}
		return switch (outcome) {
			case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			case DONE -> {
				redirect.addFlashAttribute("notice", "surveys.comments.review.redacted");
				yield "redirect:/surveys/results/" + id + "/comments/review";
			}
			default -> {
				model.addAttribute("refused", comment);
				model.addAttribute("refusedBecause", "surveys.comments.review.refused." + outcome.name()
						+ (("all".equals(scope) && outcome == CommentReview.Outcome.CHANGED) ? "_EVERYWHERE" : ""));
				model.addAttribute("words", words);
				model.addAttribute("label", label);
				yield page(me, authentication, id, locale, model);
			}
		};
	}

	@PostMapping("/review/undo")
	@PreAuthorize(REVIEWERS)
	String undo(@AuthenticationPrincipal CurrentAccount me, Authentication authentication, @PathVariable("id") long id,
			@RequestParam(name = "comment", required = false) String comment,
			@RequestParam(name = "removal", required = false) String removal,
			@RequestParam(name = "original", required = false) String original, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		side(me);
		if (!this.secondFactor.passed(me, authentication)) {
			return this.secondFactor.stepUp(authentication, request, response);
		}
		CommentReview.Outcome outcome = this.review.undo(me.organisationId(), id, comment, removal, original, me,
				visibility(me, authentication));
		return switch (outcome) {
			case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			case UNDONE -> {
				redirect.addFlashAttribute("notice", "surveys.comments.review.undone");
				yield "redirect:/surveys/results/" + id + "/comments/review";
			}
			default -> {
				model.addAttribute("refused", comment);
				model.addAttribute("refusedBecause", "surveys.comments.review.refused." + outcome.name());
				yield page(me, authentication, id, locale, model);
			}
		};
	}

	@PostMapping("/review/approve")
	@PreAuthorize(REVIEWERS)
	String approve(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @RequestParam(name = "version", required = false) String version,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		side(me);
		if (!this.secondFactor.passed(me, authentication)) {
			return this.secondFactor.stepUp(authentication, request, response);
		}
		if (CommentSide.of(me.roles()).filter((side) -> side == CommentSide.EMPLOYEE).isPresent()
				&& this.organisations.throughEmployersProvider(authentication)) {
			// the employer's IT could log in as the representative through its directory
			model.addAttribute("notStanding", "throughEmployer");
			return page(me, authentication, id, locale, model);
		}
		CommentReview.Outcome outcome = this.review.approve(me.organisationId(), id, me, visibility(me, authentication),
				version);
		if (outcome == CommentReview.Outcome.NOT_FOUND) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (outcome == CommentReview.Outcome.CHANGED) {
			// The texts changed since the reviewer's page: they read them again first.
			model.addAttribute("changedSinceRead", true);
			return page(me, authentication, id, locale, model);
		}
		if (outcome == CommentReview.Outcome.NOT_STANDING) {
			model.addAttribute("notStanding", true);
			return page(me, authentication, id, locale, model);
		}
		if (outcome == CommentReview.Outcome.NOT_COVERING) {
			model.addAttribute("notCovering", true);
			return page(me, authentication, id, locale, model);
		}
		if (outcome == CommentReview.Outcome.PARTLY) {
			// The page again (as a refusal is), saying what the approval covered.
			model.addAttribute("notice", "surveys.comments.review.approvedUnits");
			return page(me, authentication, id, locale, model);
		}
		if (outcome == CommentReview.Outcome.RELEASED) {
			redirect.addFlashAttribute("notice", "surveys.comments.review.releasedNow");
			return "redirect:/surveys/results/" + id + "/comments";
		}
		redirect.addFlashAttribute("notice", "surveys.comments.review.approved");
		return "redirect:/surveys/results/" + id + "/comments/review";
	}

	private String page(CurrentAccount me, Authentication authentication, long id, Locale locale, Model model) {
		CommentSide side = side(me);
		CommentReview.Review review = this.review
			.review(me.organisationId(), id, visibility(me, authentication), locale)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (review.released() && !model.containsAttribute("refused")) {
			// Nothing to review once released: the comments page shows the released
			// texts,
			// cut to the viewer's units and shuffled (F3).
			return "redirect:/surveys/results/" + id + "/comments";
		}
		model.addAttribute("review", review);
		model.addAttribute("textVersion", review.textVersion());
		model.addAttribute("cycle", review.cycle());
		model.addAttribute("side", side.key());
		model.addAttribute("labelLanguage", this.review.labelLanguage(me.organisationId()));
		Instant from = this.review.approvesFrom(me.organisationId(), me);
		if (from.isAfter(this.clock.instant())) {
			model.addAttribute("approvesFrom",
					(from == Instant.MAX) ? null : LocalDate.ofInstant(from, this.clock.getZone()).plusDays(1));
			model.addAttribute("waiting", true);
		}
		return "surveys/comments-review";
	}

	private Visibility visibility(CurrentAccount me, Authentication authentication) {
		return this.organisations.visibility(authentication, me.organisationId());
	}

	/** An account of both sides cannot be one of the two reviewers. */
	private static CommentSide side(CurrentAccount me) {
		return CommentSide.of(me.roles()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

}
