package bryt.voice;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;

import bryt.organisation.CurrentAccount;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators edit a channel's questionnaire: add, change, move and remove questions.
 * Every step is a plain form, so no JavaScript is needed. Reports already filed keep the
 * questions they were answered with.
 */
@Controller
@RequestMapping("/admin/voice/channels/{id}/questions")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class QuestionController {

	private final ChannelRepository channels;

	private final QuestionRepository questions;

	private final Channels changes;

	QuestionController(ChannelRepository channels, QuestionRepository questions, Channels changes) {
		this.channels = channels;
		this.questions = questions;
		this.changes = changes;
	}

	@GetMapping("/new")
	String newQuestion(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		return form(channel(me, id), null, QuestionForm.empty(), model);
	}

	@PostMapping
	String add(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("question") QuestionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Channel channel = channel(me, id);
		Optional<QuestionForm.Checked> checked = form.check(errors);
		if (checked.isEmpty()) {
			model.addAttribute("refusedOptions", QuestionForm.refusedOptions(errors));
			return form(channel, null, form, model);
		}
		this.changes.addQuestion(me.organisationId(), id, checked.get());
		return saved(id, redirect);
	}

	@GetMapping("/{questionId}")
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, @PathVariable long questionId,
			Model model) {
		return form(channel(me, id), questionId, QuestionForm.of(question(me, id, questionId)), model);
	}

	@PostMapping("/{questionId}")
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, @PathVariable long questionId,
			@Valid @ModelAttribute("question") QuestionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Channel channel = channel(me, id);
		question(me, id, questionId);
		Optional<QuestionForm.Checked> checked = form.check(errors);
		if (checked.isEmpty()) {
			model.addAttribute("refusedOptions", QuestionForm.refusedOptions(errors));
			return form(channel, questionId, form, model);
		}
		this.changes.updateQuestion(me.organisationId(), id, questionId, checked.get());
		return saved(id, redirect);
	}

	@PostMapping("/{questionId}/move")
	String move(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, @PathVariable long questionId,
			@RequestParam(required = false) String direction, RedirectAttributes redirect) {
		channel(me, id);
		question(me, id, questionId);
		if (("up".equals(direction) || "down".equals(direction))
				&& this.changes.moveQuestion(me.organisationId(), id, questionId, "up".equals(direction))) {
			return saved(id, redirect);
		}
		return "redirect:/admin/voice/channels/" + id + "#questions";
	}

	@PostMapping("/{questionId}/remove")
	String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, @PathVariable long questionId,
			RedirectAttributes redirect) {
		channel(me, id);
		question(me, id, questionId);
		if (!this.changes.removeQuestion(me.organisationId(), id, questionId)) {
			redirect.addFlashAttribute("lastQuestion", true);
			return "redirect:/admin/voice/channels/" + id + "#questions";
		}
		return saved(id, redirect);
	}

	private String saved(long channelId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/voice/channels/" + channelId + "#questions";
	}

	private String form(Channel channel, Long questionId, QuestionForm form, Model model) {
		model.addAttribute("channel", channel);
		model.addAttribute("questionId", questionId);
		model.addAttribute("question", form);
		model.addAttribute("types", Question.Type.values());
		if (!model.containsAttribute("refusedOptions")) {
			model.addAttribute("refusedOptions", Set.of());
		}
		return "voice/question-form";
	}

	private Channel channel(CurrentAccount me, long id) {
		return this.channels.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Question question(CurrentAccount me, long channelId, long questionId) {
		return this.questions.find(me.organisationId(), channelId, questionId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
