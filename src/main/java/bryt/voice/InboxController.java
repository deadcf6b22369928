package bryt.voice;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.shared.PersonalIdentityNumbers;
import bryt.shared.security.PasswordAttempts;
import bryt.shared.security.TooManyPasswordAttempts;
import com.google.crypto.tink.KeysetHandle;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recipients' side: an inbox of the reports they hold a key for, each report
 * decrypted, the dialogue with the reporter, internal notes, status and the access log.
 * Any logged-in account may open the inbox; it shows only the reports the account can
 * decrypt, and a report it cannot is answered with 404.
 */
@Controller
@RequestMapping("/voice")
@PreAuthorize("isAuthenticated()")
class InboxController {

	/** Enough to catch a typing mistake; the mail server has the last word. */
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,63}");

	private final Reports reports;

	private final RecipientKeys keys;

	private final UnlockedKeys unlocked;

	private final Organisations directory;

	private final ReminderAddresses reminders;

	private final ChannelRepository channels;

	private final PasswordAttempts passwordAttempts;

	InboxController(Reports reports, RecipientKeys keys, UnlockedKeys unlocked, Organisations directory,
			ReminderAddresses reminders, ChannelRepository channels, PasswordAttempts passwordAttempts) {
		this.passwordAttempts = passwordAttempts;
		this.channels = channels;
		this.reminders = reminders;
		this.reports = reports;
		this.keys = keys;
		this.unlocked = unlocked;
		this.directory = directory;
	}

	@GetMapping
	String inbox(@AuthenticationPrincipal CurrentAccount me, HttpSession session, Model model) {
		model.addAttribute("hasKey", this.keys.hasKey(me.accountId()));
		model.addAttribute("isRecipient", this.channels.isRecipient(me.organisationId(), me.accountId()));
		model.addAttribute("unlocked", this.unlocked.get(session.getId(), me.accountId()).isPresent());
		model.addAttribute("reports", this.reports.inbox(me.organisationId(), me.accountId()));
		model.addAttribute("reminderAddress", this.reminders.find(me.accountId()).orElse(""));
		return "voice/inbox";
	}

	/** Where to send reminders of due reports; empty for none. */
	@PostMapping("/reminders")
	String reminders(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) String email,
			RedirectAttributes redirect) {
		String address = (email == null || email.isBlank()) ? null : email.strip();
		if (address != null && !EMAIL.matcher(address).matches()) {
			redirect.addFlashAttribute("reminderInvalid", true);
		}
		else {
			this.reminders.save(me.organisationId(), me.accountId(), address);
			redirect.addFlashAttribute("reminderSaved", true);
		}
		return "redirect:/voice";
	}

	/**
	 * Unlocks the private key with the password, or creates the key pair the first time.
	 */
	@PostMapping("/unlock")
	String unlock(@AuthenticationPrincipal CurrentAccount me, HttpSession session,
			@RequestParam(required = false) String password, RedirectAttributes redirect) {
		// The password is the login's: the same limit on guessing.
		Optional<KeysetHandle> key = limited(me, redirect,
				() -> this.keys.hasKey(me.accountId()) ? this.keys.unlock(me.accountId(), password)
						: this.keys.create(me.organisationId(), me.accountId(), password));
		key.ifPresentOrElse((handle) -> this.unlocked.put(session.getId(), me.accountId(), handle), () -> redirect
			.addFlashAttribute("wrongPassword", !redirect.getFlashAttributes().containsKey("tooManyPasswordAttempts")));
		return "redirect:/voice";
	}

	@PostMapping("/restore")
	String restore(@AuthenticationPrincipal CurrentAccount me, HttpSession session,
			@RequestParam(required = false) String recoveryKey, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		limited(me, redirect, () -> this.keys.restore(me.accountId(), recoveryKey, password)).ifPresentOrElse(
				(handle) -> this.unlocked.put(session.getId(), me.accountId(), handle),
				() -> redirect.addFlashAttribute("restoreFailed",
						!redirect.getFlashAttributes().containsKey("tooManyPasswordAttempts")));
		return "redirect:/voice";
	}

	/** A check of the account's password under the login's limit on guessing. */
	private Optional<KeysetHandle> limited(CurrentAccount me, RedirectAttributes redirect,
			Supplier<Optional<KeysetHandle>> check) {
		AtomicReference<Optional<KeysetHandle>> key = new AtomicReference<>(Optional.empty());
		try {
			this.passwordAttempts.check(me.getUsername(), () -> {
				key.set(check.get());
				return key.get().isPresent();
			});
		}
		catch (TooManyPasswordAttempts ex) {
			redirect.addFlashAttribute("tooManyPasswordAttempts", ex.waitMinutes());
		}
		return key.get();
	}

	@GetMapping("/reports/{id}")
	String report(@AuthenticationPrincipal CurrentAccount me, HttpSession session, @PathVariable long id, Model model) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		if (key.isEmpty()) {
			return "redirect:/voice";
		}
		Reports.RecipientView report = this.reports.read(me.organisationId(), me.accountId(), id, key.get());
		model.addAttribute("report", report);
		model.addAttribute("names", this.directory.accounts(me.organisationId())
			.stream()
			.collect(Collectors.toMap(Organisations.AccountSummary::id, Organisations.AccountSummary::displayName)));
		model.addAttribute("units",
				this.directory.units(me.organisationId())
					.stream()
					.collect(Collectors.toMap(Unit::id, Function.identity())));
		model.addAttribute("outcomes", Outcome.values());
		return "voice/report";
	}

	@PostMapping("/reports/{id}/messages")
	String write(@AuthenticationPrincipal CurrentAccount me, HttpSession session, @PathVariable long id,
			@RequestParam(required = false) String text, @RequestParam(required = false) String kind,
			RedirectAttributes redirect) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		if (key.isEmpty()) {
			return "redirect:/voice";
		}
		if (PersonalIdentityNumbers.containsOne(text)) {
			// Neither kept nor shown again: a client's number has no place in Bryt.
			redirect.addFlashAttribute("personalIdentityNumber", true);
		}
		else if (text == null || text.isBlank() || text.length() > Question.MAX_LENGTH) {
			redirect.addFlashAttribute("emptyMessage", true);
		}
		else {
			this.reports.write(me.organisationId(), me.accountId(), id, key.get(), text.strip(), "note".equals(kind));
			redirect.addFlashAttribute("saved", true);
		}
		return "redirect:/voice/reports/" + id;
	}

	@PostMapping("/reports/{id}/status")
	String status(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@RequestParam(required = false) String status, @RequestParam(required = false) String outcome,
			RedirectAttributes redirect) {
		Optional<ReportStatus> target = parse(ReportStatus.class, status);
		Optional<Outcome> result = parse(Outcome.class, outcome);
		if (target.isPresent() && this.reports.changeStatus(me.organisationId(), me.accountId(), id, target.get(),
				result.orElse(null))) {
			redirect.addFlashAttribute("saved", true);
		}
		else {
			redirect.addFlashAttribute("statusRefused", true);
		}
		return "redirect:/voice/reports/" + id;
	}

	@GetMapping("/reports/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentAccount me, HttpSession session, @PathVariable long id,
			@PathVariable long fileId) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		if (key.isEmpty()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/voice").build();
		}
		return this.reports.download(me.organisationId(), me.accountId(), id, fileId, key.get())
			.map((download) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(download.name(), java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(download.bytes()))
			.orElseThrow(Reports.ReportNotFoundException::new);
	}

	@ExceptionHandler(Reports.ReportNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", 404);
		return "error";
	}

	private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		try {
			return (value == null) ? Optional.empty() : Optional.of(Enum.valueOf(type, value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
