package bryt.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;

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
 * Administrators set up the channels: kind, name, recipients, deadlines, retention, the
 * questionnaire (edited through {@link QuestionController}, a new channel starts with its
 * kind's); and who holds the shares of the organisation's recovery key. They never see a
 * report, nor a share.
 */
@Controller
@RequestMapping("/admin/voice")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ChannelController {

	private final ChannelRepository channels;

	private final Organisations directory;

	private final KeyRepository keys;

	private final RecipientKeys recipientKeys;

	private final QuestionRepository questions;

	private final DefaultQuestionnaire defaults;

	private final Channels changes;

	ChannelController(ChannelRepository channels, Organisations directory, KeyRepository keys,
			RecipientKeys recipientKeys, QuestionRepository questions, DefaultQuestionnaire defaults,
			Channels changes) {
		this.channels = channels;
		this.changes = changes;
		this.questions = questions;
		this.defaults = defaults;
		this.directory = directory;
		this.keys = keys;
		this.recipientKeys = recipientKeys;
	}

	@GetMapping("/channels")
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("channels", this.channels.findAll(me.organisationId()));
		model.addAttribute("names", this.directory.accounts(me.organisationId())
			.stream()
			.collect(Collectors.toMap(Organisations.AccountSummary::id, Organisations.AccountSummary::displayName)));
		model.addAttribute("withKeys", withKeys(me));
		model.addAttribute("recovery", this.recipientKeys.recovery(me.organisationId()).orElse(null));
		model.addAttribute("shareHolders",
				this.recipientKeys.shares(me.organisationId()).stream().map(KeyRepository.Share::accountId).toList());
		model.addAttribute("eligibleHolders",
				this.recipientKeys.eligibleHolders(me.organisationId())
					.stream()
					.map(KeyRepository.PublicKey::accountId)
					.toList());
		model.addAttribute("minThreshold", RecipientKeys.MIN_THRESHOLD);
		return "voice/channels";
	}

	@GetMapping("/channels/new")
	String newChannel(@AuthenticationPrincipal CurrentAccount me, Model model) {
		return form(me, null, ChannelForm.empty(), model);
	}

	@PostMapping("/channels")
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") ChannelForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return save(me, null, form, errors, model, redirect);
	}

	@GetMapping("/channels/{id}")
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		return form(me, id, ChannelForm.of(channel(me, id)), model);
	}

	@PostMapping("/channels/{id}")
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") ChannelForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		channel(me, id);
		return save(me, id, form, errors, model, redirect);
	}

	/**
	 * Makes a new recovery key split among the chosen holders, or rotates it: the old
	 * shares stop opening anything. The administrator sees neither the key nor a share.
	 */
	@PostMapping("/recovery")
	String splitRecoveryKey(@AuthenticationPrincipal CurrentAccount me,
			@RequestParam(required = false) List<String> holders, @RequestParam(required = false) String threshold,
			RedirectAttributes redirect) {
		List<Long> holderIds = new ArrayList<>();
		int k;
		try {
			for (String holder : (holders != null) ? holders : List.<String>of()) {
				holderIds.add(Long.parseLong(holder.strip()));
			}
			k = Integer.parseInt((threshold != null) ? threshold.strip() : "");
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("recoveryProblem", RecipientKeys.SplitProblem.THRESHOLD);
			return "redirect:/admin/voice/channels";
		}
		this.recipientKeys.splitRecoveryKey(me.organisationId(), holderIds, k)
			.ifPresentOrElse((problem) -> redirect.addFlashAttribute("recoveryProblem", problem),
					() -> redirect.addFlashAttribute("recoverySplit", true));
		return "redirect:/admin/voice/channels";
	}

	private String save(CurrentAccount me, Long id, ChannelForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Set<Long> accountIds = candidates(me).stream()
			.map(Organisations.AccountSummary::id)
			.collect(Collectors.toSet());
		if (!accountIds.containsAll(form.recipients())) {
			errors.rejectValue("recipients", "voice.unknownRecipient");
		}
		if (errors.hasErrors()) {
			return form(me, id, form, model);
		}
		if (id == null) {
			this.changes.create(me.organisationId(), form, this.defaults.of(form.kind()));
		}
		else {
			this.changes.update(me.organisationId(), id, form);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/voice/channels";
	}

	private String form(CurrentAccount me, Long id, ChannelForm form, Model model) {
		model.addAttribute("channelId", id);
		model.addAttribute("form", form);
		model.addAttribute("kinds", ChannelKind.values());
		model.addAttribute("accounts", candidates(me));
		model.addAttribute("withKeys", withKeys(me));
		model.addAttribute("questions", (id != null) ? this.questions.questionnaire(me.organisationId(), id) : null);
		return "voice/channel-form";
	}

	/**
	 * The accounts that may receive a channel's reports: not administrators, who could
	 * otherwise reset a co-recipient's password and grant themselves its reports.
	 */
	private List<Organisations.AccountSummary> candidates(CurrentAccount me) {
		return this.directory.accounts(me.organisationId())
			.stream()
			.filter((account) -> !account.roles().contains(Role.ADMINISTRATOR))
			.toList();
	}

	private Set<Long> withKeys(CurrentAccount me) {
		return this.keys.publicKeys(me.organisationId(),
				this.directory.accounts(me.organisationId()).stream().map(Organisations.AccountSummary::id).toList())
			.stream()
			.map(KeyRepository.PublicKey::accountId)
			.collect(Collectors.toSet());
	}

	private Channel channel(CurrentAccount me, long id) {
		return this.channels.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
