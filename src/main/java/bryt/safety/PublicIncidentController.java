package bryt.safety;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.voice.Sealing;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The anonymous report form and its status page, as Voice's reporter pages: no login, no
 * session, no cookie, no JavaScript; nothing about the request (address, browser,
 * referrer) is read or kept. No CSRF token: a forged report gains an attacker nothing
 * that the open form does not, and the status needs the receipt.
 */
@Controller
@RequestMapping("/safety/r/{org}")
class PublicIncidentController {

	private final Organisations organisations;

	private final Incidents incidents;

	private final Sealing sealing;

	private final IncidentConfiguration.PublicLimits limits;

	private final java.time.Clock clock;

	private final MessageSource messages;

	private final ReceiptChecks receiptChecks;

	PublicIncidentController(Organisations organisations, Incidents incidents, Sealing sealing,
			IncidentConfiguration.PublicLimits limits, java.time.Clock clock, MessageSource messages,
			ReceiptChecks receiptChecks) {
		this.receiptChecks = receiptChecks;
		this.messages = messages;
		this.organisations = organisations;
		this.incidents = incidents;
		this.sealing = sealing;
		this.limits = limits;
		this.clock = clock;
	}

	@GetMapping
	String form(@PathVariable String org, Model model) {
		return form(organisation(org), IncidentReportController.defaults(this.clock), Map.of(), Sealing.newFormId(),
				model);
	}

	@PostMapping
	String report(@PathVariable String org, @RequestParam Map<String, String> params,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		Organisation organisation = organisation(org);
		String once = params.get("once");
		Map<String, String> fileErrors = new LinkedHashMap<>();
		List<Sealing.CleanFile> cleaned = this.sealing.readFiles(files, fileErrors);
		if (!Sealing.validFormId(once)) {
			// A crafted value: a fresh id, and the reporter sends again.
			fileErrors.put("once", "safety.error.once");
			once = Sealing.newFormId();
		}
		IncidentForm form = new IncidentForm(params);
		if (!fileErrors.isEmpty()) {
			Incidents.Reported checked = this.incidents.reportAnonymously(organisation, form, List.of(), fileErrors,
					once);
			return form(organisation, checked.values(), checked.errors(), once, model);
		}
		if (!this.limits.submissions().tryAcquire(String.valueOf(organisation.id()))) {
			// Nothing was stored; the answers stay in the form to send again.
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return form(organisation, IncidentValidator.echo(form), Map.of("busy", "safety.error.busy"), once, model);
		}
		try {
			Incidents.Reported reported = this.incidents.reportAnonymously(organisation, form, cleaned, Map.of(), once);
			if (!reported.stored()) {
				return form(organisation, reported.values(), reported.errors(), once, model);
			}
			model.addAttribute("organisation", organisation);
			model.addAttribute("receipt", reported.receipt());
			model.addAttribute("files", cleaned);
			model.addAttribute("keepOnPage", true);
			return "safety/public-receipt";
		}
		catch (Incidents.AlreadySentException ex) {
			// No receipt here: whoever holds the form page (a shared computer's back
			// button) must not get one.
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("organisation", organisation);
			return "safety/public-already-sent";
		}
	}

	/**
	 * The receipt page's forms, as Voice's ({@code docs/pages/reporter.md}): "save"
	 * downloads the receipt as a text file; the language buttons show the page again in
	 * another language (a link would load the address without the receipt). A POST, so
	 * that the receipt travels in the body and never in an address; one that comes in the
	 * address is refused. The receipt is not looked up or stored, only echoed when it is
	 * well-formed.
	 */
	@PostMapping("/receipt")
	Object receipt(@PathVariable String org, @RequestParam(required = false) String receipt,
			@RequestParam(required = false) String download, HttpServletRequest request, Locale locale, Model model) {
		Organisation organisation = organisation(org);
		String grouped = Sealing.grouped(fromTheFormOnly(receipt, request))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		if (download != null) {
			String text = this.messages.getMessage("safety.receipt.file", new Object[] { organisation.name(), grouped },
					locale) + "\r\n";
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(this.messages.getMessage("safety.receipt.fileName", null, locale) + ".txt")
							.build()
							.toString())
				.body(text.getBytes(StandardCharsets.UTF_8));
		}
		model.addAttribute("organisation", organisation);
		model.addAttribute("receipt", grouped);
		model.addAttribute("files", List.of());
		model.addAttribute("keepOnPage", true);
		return "safety/public-receipt";
	}

	@GetMapping("/status")
	String statusForm(@PathVariable String org, Model model) {
		model.addAttribute("organisation", organisation(org));
		return "safety/public-status";
	}

	/**
	 * The status for a receipt. A receipt whose public half names one of the
	 * organisation's reports draws on that report's budget ({@link ReceiptChecks}); any
	 * other draws on the organisation's budget for receipts that match nothing. A spent
	 * budget is answered "busy, try again in a minute" (429), never "no report found", so
	 * that a genuine reporter does not think the receipt is lost.
	 */
	@PostMapping("/status")
	String status(@PathVariable String org, @RequestParam(required = false) String receipt, HttpServletRequest request,
			Model model, HttpServletResponse response) {
		Organisation organisation = organisation(org);
		model.addAttribute("organisation", organisation);
		String typed = fromTheFormOnly(receipt, request);
		Optional<Long> holder = this.incidents.receiptHolder(organisation, typed);
		boolean allowed = holder.isPresent() ? this.receiptChecks.tryAcquire(holder.get())
				: this.limits.wrongReceipts().tryAcquire(String.valueOf(organisation.id()));
		if (!allowed) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("busy", true);
			return "safety/public-status";
		}
		Optional<Incidents.ReporterView> view = holder.isPresent() ? this.incidents.status(organisation, typed)
				: Optional.empty();
		if (view.isEmpty()) {
			model.addAttribute("refused", true);
			return "safety/public-status";
		}
		model.addAttribute("view", view.get());
		// for the language buttons, which show the status again with the receipt in the
		// body
		model.addAttribute("receipt", Sealing.grouped(typed).orElseThrow());
		model.addAttribute("receivedOn",
				java.time.LocalDate.ofInstant(view.get().incident().receivedAt(), this.clock.getZone()));
		model.addAttribute("unitName", IncidentPages.unitNames(this.organisations.units(organisation.id()))
			.get(view.get().incident().unitId()));
		model.addAttribute("keepOnPage", true);
		return "safety/public-status-shown";
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

	/** The receipt as the form posted it, never from the address (histories, logs). */
	private static String fromTheFormOnly(String receipt, HttpServletRequest request) {
		String query = request.getQueryString();
		boolean inAddress = query != null
				&& UriComponentsBuilder.newInstance().query(query).build().getQueryParams().containsKey("receipt");
		return inAddress ? null : receipt;
	}

	private String form(Organisation organisation, Map<String, String> values, Map<String, String> errors, String once,
			Model model) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("units", this.organisations.units(organisation.id()));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("once", once);
		model.addAttribute("maxFiles", Sealing.MAX_FILES);
		model.addAttribute("maxMegapixels", this.sealing.maxMegapixels());
		IncidentPages.addOptions(model);
		return "safety/public-report";
	}

	private Organisation organisation(String code) {
		return this.organisations.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
