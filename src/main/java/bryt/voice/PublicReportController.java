package bryt.voice;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.organisation.Organisations;
import bryt.organisation.Organisation;
import bryt.organisation.Unit;
import bryt.shared.PersonalIdentityNumbers;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reporter's pages: no login, no session, no cookie, no JavaScript. Nothing about the
 * request (address, browser, referrer) is read or kept; the forms carry no CSRF token,
 * because a forged submission gains an attacker nothing and a forged follow-up needs the
 * receipt, which only the reporter has.
 */
@Controller
@RequestMapping("/report")
class PublicReportController {

	private final Organisations directory;

	private final MessageSource messages;

	private final ChannelRepository channels;

	private final KeyRepository keys;

	private final Reports reports;

	private final VoiceConfiguration.Throttles throttles;

	private final QuestionRepository questions;

	private final SubmissionValidator validator;

	private final Uploads uploads;

	private final Submissions submissions;

	private final KeptFiles keptFiles;

	private final Clock clock;

	PublicReportController(Organisations directory, ChannelRepository channels, KeyRepository keys, Reports reports,
			VoiceConfiguration.Throttles throttles, QuestionRepository questions, SubmissionValidator validator,
			Uploads uploads, Submissions submissions, KeptFiles keptFiles, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.submissions = submissions;
		this.keptFiles = keptFiles;
		this.clock = clock;
		this.questions = questions;
		this.validator = validator;
		this.uploads = uploads;
		this.directory = directory;
		this.channels = channels;
		this.keys = keys;
		this.reports = reports;
		this.throttles = throttles;
	}

	@GetMapping
	String organisations(Model model) {
		List<Organisation> organisations = this.directory.all();
		if (organisations.size() == 1) {
			return "redirect:/report/" + organisations.get(0).code();
		}
		model.addAttribute("organisations", organisations);
		return "voice/organisations";
	}

	@GetMapping("/{org}")
	String channels(@PathVariable String org, Model model) {
		Organisation organisation = organisation(org);
		model.addAttribute("organisation", organisation);
		model.addAttribute("channels", openChannels(organisation.id()));
		return "voice/channels-public";
	}

	@GetMapping("/{org}/channel/{channelId}")
	String form(@PathVariable String org, @PathVariable long channelId, Model model) {
		Organisation organisation = organisation(org);
		return form(organisation, channel(organisation, channelId), Map.of(), List.of(), FormOnce.generate(),
				KeptFiles.Kept.NONE, model);
	}

	@PostMapping("/{org}/channel/{channelId}")
	String submit(@PathVariable String org, @PathVariable long channelId, @RequestParam Map<String, String> params,
			@RequestParam(name = "exclude", required = false) List<String> exclude,
			@RequestParam(name = "kept", required = false) List<String> kept,
			@RequestParam(name = "kept-offered", required = false) List<String> offered,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		Organisation organisation = organisation(org);
		Channel channel = channel(organisation, channelId);
		SubmissionForm form = SubmissionForm.of(params, exclude);
		SubmissionValidator.Checked checked = this.validator.check(organisation, channel, form, files);
		Map<String, String> errors = new LinkedHashMap<>(checked.errors());
		// The files kept from an error before are taken back (and forgotten here)
		// whatever
		// happens next: kept again on another error, sent otherwise.
		List<String> wanted = (kept != null) ? kept : List.of();
		List<String> dropped = (offered != null)
				? offered.stream().filter((handle) -> !wanted.contains(handle)).toList() : List.of();
		KeptFiles.Taken taken = this.keptFiles.take(params.get("kept-key"), wanted, dropped);
		List<Reports.Upload> allFiles = new ArrayList<>(taken.files());
		allFiles.addAll(checked.submission().files());
		if (taken.lost()) {
			errors.putIfAbsent("files", "voice.error.keptFilesLost");
		}
		if (allFiles.size() > Uploads.MAX_FILES) {
			errors.put("files", "voice.error.files");
		}
		String once = form.once();
		if (!FormOnce.valid(once)) {
			// A form from before one-time ids, or a crafted value: a fresh id, and the
			// reporter sends again.
			once = FormOnce.generate();
			errors.putIfAbsent("once", "voice.error.formOutdated");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			return form(organisation, channel, checked.values(), form.exclude(), once, this.keptFiles.keep(allFiles),
					model);
		}
		if (!this.throttles.submissions().tryAcquire(String.valueOf(organisation.id()))) {
			// Nothing was stored; the answers stay in the form to send again.
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("errors", Map.of("busy", "voice.error.busy"));
			return form(organisation, channel, checked.values(), form.exclude(), once, this.keptFiles.keep(allFiles),
					model);
		}
		Reports.Submission submission = checked.submission();
		submission = new Reports.Submission(submission.answers(), submission.unitId(), submission.name(),
				submission.contact(), submission.excluded(), List.copyOf(allFiles));
		try {
			Receipt receipt = this.submissions.submit(channel, submission, once);
			model.addAttribute("organisation", organisation);
			model.addAttribute("receipt", receipt.grouped());
			model.addAttribute("files", allFiles);
			model.addAttribute("keepOnPage", true);
			return "voice/receipt";
		}
		catch (Submissions.AlreadySentException ex) {
			// No receipt here: whoever holds the form page (a shared computer's back
			// button) must not get one.
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("organisation", organisation);
			return "voice/already-sent";
		}
		catch (Reports.NoRecipientException ex) {
			model.addAttribute("errors", Map.of("exclude", "voice.error.exclude"));
			return form(organisation, channel, checked.values(), form.exclude(), once, this.keptFiles.keep(allFiles),
					model);
		}
	}

	/**
	 * The receipt page's two forms: "save" downloads the receipt as a text file; the
	 * language buttons show the page again in another language (a link would load the
	 * address without the receipt). A POST, so that the receipt travels in the body and
	 * never in an address (history, proxies' logs). The receipt is not looked up or
	 * stored, only echoed when it is well-formed. One handler rather than a
	 * {@code params = "download"} mapping: such a condition is checked for every POST
	 * before its path, and reading a parameter there makes Tomcat parse (and, for an
	 * undecodable body, log) every form body.
	 */
	@PostMapping("/{org}/receipt")
	Object receipt(@PathVariable String org, @RequestParam(required = false) String receipt,
			@RequestParam(required = false) String download, HttpServletRequest request, Locale locale, Model model) {
		Organisation organisation = organisation(org);
		Optional<Receipt> parsed = Receipt.parse(fromTheFormOnly(receipt, request));
		if (parsed.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (download != null) {
			String text = this.messages.getMessage("voice.receipt.file",
					new Object[] { organisation.name(), parsed.get().grouped() }, locale) + "\r\n";
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(this.messages.getMessage("voice.receipt.fileName", null, locale) + ".txt")
							.build()
							.toString())
				.body(text.getBytes(StandardCharsets.UTF_8));
		}
		model.addAttribute("organisation", organisation);
		model.addAttribute("receipt", parsed.get().grouped());
		model.addAttribute("files", List.of());
		model.addAttribute("keepOnPage", true);
		return "voice/receipt";
	}

	@GetMapping("/{org}/follow-up")
	String followUpForm(@PathVariable String org, Model model) {
		model.addAttribute("organisation", organisation(org));
		return "voice/follow-up";
	}

	@PostMapping("/{org}/follow-up")
	String followUp(@PathVariable String org, @RequestParam(required = false) String receipt, Model model,
			HttpServletRequest request) {
		Organisation organisation = organisation(org);
		return showReport(organisation, fromTheFormOnly(receipt, request), model);
	}

	@PostMapping("/{org}/follow-up/message")
	String addMessage(@PathVariable String org, @RequestParam(required = false) String receipt,
			@RequestParam(required = false) String text,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		receipt = fromTheFormOnly(receipt, request);
		Organisation organisation = organisation(org);
		String message = SubmissionForm.trimmed(text);
		Map<String, String> errors = new LinkedHashMap<>();
		if (PersonalIdentityNumbers.containsOne(message)) {
			errors.put("text", SubmissionValidator.PERSONAL_IDENTITY_NUMBER);
		}
		else if (message == null || message.length() > Question.MAX_LENGTH) {
			errors.put("text", "voice.error.text");
		}
		List<Reports.Upload> uploads = this.uploads.read(files, errors);
		String budget = String.valueOf(organisation.id());
		// Counted once sent, so that wrong receipts do not use up the organisation's
		// budget of messages (they have their own).
		if (errors.isEmpty() && allowed(organisation, receipt) && this.throttles.submissions().exhausted(budget)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			errors.put("text", "voice.error.busy");
		}
		else if (errors.isEmpty() && allowed(organisation, receipt)
				&& this.reports.addReporterMessage(organisation.id(), receipt, message, uploads)) {
			this.throttles.submissions().tryAcquire(budget);
			model.addAttribute("sent", true);
			model.addAttribute("sentFiles", uploads);
		}
		else if (errors.isEmpty()) {
			return refused(organisation, receipt, model);
		}
		model.addAttribute("errors", errors);
		return showReport(organisation, receipt, model);
	}

	/**
	 * The receipt as the form posted it, never from the address: an address ends up in
	 * browser histories and proxies' logs, so a receipt that came that way is not taken.
	 */
	private static String fromTheFormOnly(String receipt, HttpServletRequest request) {
		String query = request.getQueryString();
		boolean inAddress = query != null
				&& UriComponentsBuilder.newInstance().query(query).build().getQueryParams().containsKey("receipt");
		return inAddress ? null : receipt;
	}

	private String showReport(Organisation organisation, String receipt, Model model) {
		model.addAttribute("organisation", organisation);
		Optional<Reports.ReporterView> report = allowed(organisation, receipt)
				? this.reports.followUp(organisation.id(), receipt) : Optional.empty();
		if (report.isEmpty()) {
			return refused(organisation, receipt, model);
		}
		model.addAttribute("report", report.get());
		this.channels.find(organisation.id(), report.get().channelId()).ifPresent((channel) -> {
			model.addAttribute("channel", channel);
			model.addAttribute("deadlines",
					Deadlines.of(report.get().receivedOn(), null, channel.acknowledgeDays(), channel.feedbackMonths()));
		});
		model.addAttribute("receipt", Receipt.parse(receipt).orElseThrow().grouped());
		model.addAttribute("maxMegapixels", this.uploads.maxMegapixels());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "voice/follow-up-report";
	}

	/** One answer for a wrong, a malformed and a throttled receipt alike. */
	private String refused(Organisation organisation, String receipt, Model model) {
		Receipt.parse(receipt).ifPresent((parsed) -> this.throttles.followUp().tryAcquire(parsed.selector()));
		this.throttles.wrongReceipts().tryAcquire(String.valueOf(organisation.id()));
		model.addAttribute("organisation", organisation);
		model.addAttribute("refused", true);
		return "voice/follow-up";
	}

	/**
	 * Whether a receipt may be looked up: neither its selector nor the organisation has
	 * met too many wrong receipts. No address is read: the budgets are per selector (in
	 * memory) and per organisation.
	 */
	private boolean allowed(Organisation organisation, String receipt) {
		if (this.throttles.wrongReceipts().exhausted(String.valueOf(organisation.id()))) {
			return false;
		}
		return Receipt.parse(receipt)
			.map((parsed) -> !this.throttles.followUp().exhausted(parsed.selector()))
			.orElse(true);
	}

	private String form(Organisation organisation, Channel channel, Map<String, String> values, List<Long> excluded,
			String once, KeptFiles.Kept kept, Model model) {
		List<Question> questionnaire = this.questions.questionnaire(organisation.id(), channel.id());
		model.addAttribute("organisation", organisation);
		model.addAttribute("channel", channel);
		model.addAttribute("questions", questionnaire);
		model.addAttribute("values", values);
		model.addAttribute("excluded", excluded);
		model.addAttribute("once", once);
		model.addAttribute("kept", kept);
		List<Unit> units = this.directory.units(organisation.id());
		model.addAttribute("units", units);
		Set<Long> smallUnits = SmallUnits.of(units, this.directory.staff(organisation.id()), LocalDate.now(this.clock));
		model.addAttribute("smallUnits", smallUnits);
		// Without JavaScript the warning can only follow a post: shown when the form
		// comes
		// back (an error) with a small unit chosen; the list marks them beforehand.
		String unit = values.get("unit");
		model.addAttribute("smallUnitChosen", unit != null && unit.strip().matches("[0-9]{1,18}")
				&& smallUnits.contains(Long.parseLong(unit.strip())));
		Set<Long> withKeys = new HashSet<>();
		this.keys.publicKeys(organisation.id(), channel.recipientIds()).forEach((key) -> withKeys.add(key.accountId()));
		List<Organisations.AccountSummary> recipients = this.directory.accounts(organisation.id())
			.stream()
			.filter((account) -> withKeys.contains(account.id()))
			.toList();
		model.addAttribute("recipients", recipients);
		model.addAttribute("maxFiles", Uploads.MAX_FILES);
		model.addAttribute("maxMegapixels", this.uploads.maxMegapixels());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		@SuppressWarnings("unchecked")
		Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
		model.addAttribute("errorLinks", ErrorLinks.of(errors, questionnaire, recipients));
		return "voice/report-form";
	}

	private List<Channel> openChannels(long organisationId) {
		return this.channels.findAll(organisationId)
			.stream()
			.filter(Channel::enabled)
			.filter((channel) -> !this.keys.publicKeys(organisationId, channel.recipientIds()).isEmpty())
			.toList();
	}

	/**
	 * A form body that cannot be decoded (never sent by a browser) makes Tomcat throw an
	 * exception whose message quotes the parameter's value; unhandled, the container
	 * would log it. It is answered here, with no log at all.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String undecodable(Model model) {
		model.addAttribute("status", 400);
		return "error";
	}

	private Organisation organisation(String code) {
		return this.directory.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Channel channel(Organisation organisation, long channelId) {
		return this.channels.find(organisation.id(), channelId)
			.filter(Channel::enabled)
			.filter((channel) -> !this.keys.publicKeys(organisation.id(), channel.recipientIds()).isEmpty())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
