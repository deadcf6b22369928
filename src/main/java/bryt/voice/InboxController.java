package bryt.voice;

import java.util.ArrayList;
import java.util.List;
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

	/**
	 * One page of the inbox, filtered by status, channel and overdue; every link works
	 * without JavaScript. A filter value that makes no sense is ignored.
	 */
	@GetMapping
	String inbox(@AuthenticationPrincipal CurrentAccount me, HttpSession session,
			@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String overdue, @RequestParam(required = false) String page, Model model) {
		Reports.InboxFilter filter = new Reports.InboxFilter(parse(ReportStatus.class, status).orElse(null),
				number(channel).orElse(null), "true".equals(overdue));
		Reports.InboxPage shown = this.reports.inbox(me.organisationId(), me.accountId(), filter,
				number(page).map(Long::intValue).orElse(1));
		model.addAttribute("hasKey", this.keys.hasKey(me.accountId()));
		// Issue 16: with single sign-on a passphrase protects the key.
		model.addAttribute("keySecret", this.directory.keySecret(me.accountId()).name());
		model.addAttribute("isRecipient", this.channels.isRecipient(me.organisationId(), me.accountId()));
		model.addAttribute("unlocked", this.unlocked.get(session.getId(), me.accountId()).isPresent());
		model.addAttribute("inbox", shown);
		model.addAttribute("reports", shown.rows());
		model.addAttribute("filter", filter);
		model.addAttribute("filterQuery", query(filter));
		model.addAttribute("pageLinks", pageLinks(shown.page(), shown.pages()));
		model.addAttribute("statuses", ReportStatus.values());
		model.addAttribute("channels", this.channels.findAll(me.organisationId()));
		model.addAttribute("reminderAddress", this.reminders.find(me.accountId()).orElse(""));
		return "voice/inbox";
	}

	/**
	 * Closes the ticked reports as not substantiated, each written to its access log; all
	 * or nothing when one of them is not the account's to read.
	 */
	@PostMapping("/close-unfounded")
	String closeUnfounded(@AuthenticationPrincipal CurrentAccount me,
			@RequestParam(name = "report", required = false) List<String> chosen,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		List<Long> numbers = (chosen != null)
				? chosen.stream().map(InboxController::number).map((number) -> number.orElse(-1L)).toList() : List.of();
		if (numbers.isEmpty()) {
			redirect.addFlashAttribute("noneChosen", true);
		}
		else {
			try {
				redirect.addFlashAttribute("closedUnfounded",
						this.reports.closeUnfounded(me.organisationId(), me.accountId(), numbers));
			}
			catch (Reports.ReportNotFoundException ex) {
				redirect.addFlashAttribute("closeRefused", true);
			}
		}
		// Back to the same page and filter, but only ever within the inbox.
		return "redirect:/voice" + ((back != null && back.matches("\\?[A-Za-z0-9=&_]{1,200}")) ? back : "");
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

	/** Reports are addressed by their number in the organisation, never by their id. */
	@GetMapping("/reports/{id}")
	String report(@AuthenticationPrincipal CurrentAccount me, HttpSession session, @PathVariable("id") long number,
			Model model) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		if (key.isEmpty()) {
			return "redirect:/voice";
		}
		long id = this.reports.idOf(me.organisationId(), me.accountId(), number);
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
	String write(@AuthenticationPrincipal CurrentAccount me, HttpSession session, @PathVariable("id") long number,
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
			this.reports.write(me.organisationId(), me.accountId(),
					this.reports.idOf(me.organisationId(), me.accountId(), number), key.get(), text.strip(),
					"note".equals(kind));
			redirect.addFlashAttribute("saved", true);
		}
		return "redirect:/voice/reports/" + number;
	}

	@PostMapping("/reports/{id}/status")
	String status(@AuthenticationPrincipal CurrentAccount me, @PathVariable("id") long number,
			@RequestParam(required = false) String status, @RequestParam(required = false) String outcome,
			RedirectAttributes redirect) {
		Optional<ReportStatus> target = parse(ReportStatus.class, status);
		Optional<Outcome> result = parse(Outcome.class, outcome);
		long id = this.reports.idOf(me.organisationId(), me.accountId(), number);
		try {
			this.reports.changeStatus(me.organisationId(), me.accountId(), id,
					target.orElseThrow(() -> new Report.Refused("No such status")), result.orElse(null));
			redirect.addFlashAttribute("saved", true);
		}
		catch (Report.Refused ex) {
			redirect.addFlashAttribute("statusRefused", true);
		}
		return "redirect:/voice/reports/" + number;
	}

	@GetMapping("/reports/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal CurrentAccount me, HttpSession session,
			@PathVariable("id") long number, @PathVariable long fileId) {
		Optional<KeysetHandle> key = this.unlocked.get(session.getId(), me.accountId());
		if (key.isEmpty()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/voice").build();
		}
		long id = this.reports.idOf(me.organisationId(), me.accountId(), number);
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

	/** The filter as the start of a query string, each part followed by {@code &}. */
	private static String query(Reports.InboxFilter filter) {
		StringBuilder query = new StringBuilder();
		if (filter.status() != null) {
			query.append("status=").append(filter.status().name()).append('&');
		}
		if (filter.channelId() != null) {
			query.append("channel=").append(filter.channelId()).append('&');
		}
		if (filter.overdue()) {
			query.append("overdue=true&");
		}
		return query.toString();
	}

	/** The first, the last and those near the current one: a short list of links. */
	static List<Integer> pageLinks(int page, int pages) {
		List<Integer> links = new ArrayList<>();
		for (int p = 1; p <= pages; p++) {
			if (p == 1 || p == pages || Math.abs(p - page) <= 3) {
				links.add(p);
			}
		}
		return links;
	}

	private static Optional<Long> number(String value) {
		try {
			return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
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
