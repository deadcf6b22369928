package bryt.voice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import com.google.crypto.tink.KeysetHandle;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Access to reports after a discarded key: what the account itself lost, the colleagues a
 * recipient can re-grant reports to, and the recoveries a holder of the recovery key can
 * approve. Acting needs the unlocked key, since re-granting and approving both open
 * something with it.
 */
@Controller
@RequestMapping("/voice/access")
@PreAuthorize("isAuthenticated()")
class AccessController {

	private final AccessGrants grants;

	private final RecipientKeys keys;

	private final UnlockedKeys unlocked;

	private final Organisations directory;

	AccessController(AccessGrants grants, RecipientKeys keys, UnlockedKeys unlocked, Organisations directory) {
		this.grants = grants;
		this.keys = keys;
		this.unlocked = unlocked;
		this.directory = directory;
	}

	@GetMapping
	String access(@AuthenticationPrincipal CurrentAccount me, HttpSession session, Model model) {
		long org = me.organisationId();
		List<ReportRepository.LostCount> lost = this.grants.lost(org);
		model.addAttribute("unlocked", this.unlocked.get(session.getId(), me.accountId()).isPresent());
		model.addAttribute("hasKey", this.keys.hasKey(me.accountId()));
		model.addAttribute("ownLost",
				lost.stream()
					.filter((count) -> count.accountId() == me.accountId())
					.mapToInt(ReportRepository.LostCount::reports)
					.sum());
		model.addAttribute("regrantable", this.grants.regrantable(org, me.accountId()));
		Optional<KeyRepository.Recovery> recovery = this.keys.recovery(org);
		List<KeyRepository.Share> shares = this.keys.shares(org);
		boolean holder = shares.stream().anyMatch((share) -> share.accountId() == me.accountId());
		model.addAttribute("recovery", recovery.orElse(null));
		model.addAttribute("holders", shares.stream().map(KeyRepository.Share::accountId).toList());
		model.addAttribute("holder", holder);
		model.addAttribute("entrusted", this.keys.entrusted(me.accountId()));
		List<ReportRepository.LostCount> recoverable = holder
				? lost.stream().filter((count) -> count.accountId() != me.accountId()).toList() : List.of();
		model.addAttribute("recoverable", recoverable);
		model.addAttribute("approvers",
				recoverable.stream()
					.collect(Collectors.toMap(ReportRepository.LostCount::accountId,
							(count) -> this.grants.approvers(org, count.accountId()))));
		model.addAttribute("names", names(org));
		// Display names can repeat: the holders are shown by their usernames too, which
		// cannot, so that a recipient sees who they really are before entrusting them.
		model.addAttribute("usernames", this.directory.accounts(org)
			.stream()
			.collect(Collectors.toMap(Organisations.AccountSummary::id, Organisations.AccountSummary::username)));
		return "voice/access";
	}

	@PostMapping("/regrant")
	String regrant(@AuthenticationPrincipal CurrentAccount me, HttpSession session,
			@RequestParam(required = false) String account, RedirectAttributes redirect) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		Optional<Long> target = parse(account);
		if (key.isEmpty()) {
			return "redirect:/voice";
		}
		int count = target.isEmpty() ? 0
				: this.grants.regrant(me.organisationId(), me.accountId(), key.get(), target.get());
		if (count > 0) {
			redirect.addFlashAttribute("regranted", count);
		}
		else {
			redirect.addFlashAttribute("regrantRefused", true);
		}
		return "redirect:/voice/access";
	}

	/** The recipient lets the recovery key's current holders recover its reports. */
	@PostMapping("/entrust")
	String entrust(@AuthenticationPrincipal CurrentAccount me, HttpSession session, RedirectAttributes redirect) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		if (key.isEmpty()) {
			return "redirect:/voice";
		}
		if (this.keys.entrust(me.organisationId(), me.accountId(), key.get())) {
			redirect.addFlashAttribute("entrustedNow", true);
		}
		return "redirect:/voice/access";
	}

	@PostMapping("/recovery")
	String approve(@AuthenticationPrincipal CurrentAccount me, HttpSession session,
			@RequestParam(required = false) String account, RedirectAttributes redirect) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		Optional<Long> target = parse(account);
		if (key.isEmpty()) {
			return "redirect:/voice";
		}
		AccessGrants.Approval approval = target.isEmpty()
				? AccessGrants.Approval.of(AccessGrants.Approval.Outcome.NOTHING_LOST)
				: this.grants.approveRecovery(me.organisationId(), me.accountId(), key.get(), target.get());
		redirect.addFlashAttribute("approval", approval);
		return "redirect:/voice/access";
	}

	private Map<Long, String> names(long organisationId) {
		return this.directory.accounts(organisationId)
			.stream()
			.collect(Collectors.toMap(Organisations.AccountSummary::id, Organisations.AccountSummary::displayName));
	}

	private static Optional<Long> parse(String id) {
		try {
			return (id == null) ? Optional.empty() : Optional.of(Long.parseLong(id.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
