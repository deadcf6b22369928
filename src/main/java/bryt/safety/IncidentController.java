package bryt.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import bryt.voice.Sealing;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the people handling incidents ({@link IncidentAccess}): the list of their
 * units' incidents and an incident's page, with its description and evidence when the
 * handler's key opens them, and every {@link IncidentSection}. An incident the account
 * does not handle is answered as one that does not exist.
 */
@Controller
class IncidentController {

	static final String HANDLERS = "hasAnyRole('HR', 'MANAGER', 'SAFETY_REPRESENTATIVE')";

	private final IncidentRepository repository;

	private final Incidents incidents;

	private final Organisations organisations;

	private final Sealing sealing;

	private final List<IncidentSection> sections;

	private final ClosedIncidents closed;

	IncidentController(IncidentRepository repository, Incidents incidents, Organisations organisations, Sealing sealing,
			List<IncidentSection> sections, ClosedIncidents closed) {
		this.closed = closed;
		this.repository = repository;
		this.incidents = incidents;
		this.organisations = organisations;
		this.sealing = sealing;
		this.sections = sections;
	}

	@GetMapping("/safety/incidents")
	@PreAuthorize(HANDLERS)
	String list(@AuthenticationPrincipal CurrentAccount me, Authentication authentication, Model model) {
		model.addAttribute("incidents",
				this.incidents.handled(me, this.organisations.visibility(authentication, me.organisationId())));
		model.addAttribute("units", IncidentPages.unitNames(this.organisations.units(me.organisationId())));
		return "safety/incidents";
	}

	@GetMapping("/safety/incidents/{id}")
	@PreAuthorize(HANDLERS)
	String incident(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			HttpSession session, Model model) {
		long unitId = handled(me, authentication, id);
		Incidents.HandlerView view = this.incidents.open(me, id, session.getId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
		Map<String, String> contents = new LinkedHashMap<>();
		for (IncidentSection section : this.sections) {
			shown.put(section.template(), section.model(me.organisationId(), id, me));
			section.heading().ifPresent((heading) -> contents.put(heading.id(), heading.title()));
		}
		Map<Long, String> staffNames = new LinkedHashMap<>();
		for (StaffMember member : this.organisations.staff(me.organisationId())) {
			staffNames.put(member.id(), member.name());
		}
		Map<Long, String> accountNames = new LinkedHashMap<>();
		this.organisations.accounts(me.organisationId())
			.forEach((account) -> accountNames.put(account.id(), account.displayName()));
		model.addAttribute("incidentId", id);
		model.addAttribute("unitId", unitId);
		model.addAttribute("view", view);
		model.addAttribute("incident", view.incident());
		// read-only once closed: the page and its sections show no forms
		model.addAttribute("incidentClosed", "CLOSED".equals(view.incident().status()));
		model.addAttribute("unitName",
				IncidentPages.unitNames(this.organisations.units(me.organisationId())).get(unitId));
		model.addAttribute("affectedName",
				(view.incident().affectedStaffId() != null) ? staffNames.get(view.incident().affectedStaffId()) : null);
		model.addAttribute("reporterName",
				(view.incident().reportedBy() != null) ? accountNames.get(view.incident().reportedBy()) : null);
		model.addAttribute("sections", shown);
		model.addAttribute("contents", contents);
		model.addAttribute("maxFiles", Sealing.MAX_FILES);
		model.addAttribute("maxMegapixels", this.sealing.maxMegapixels());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "safety/incident";
	}

	/** Evidence added by a handler: files (cleaned as a reporter's) and links. */
	@PostMapping("/safety/incidents/{id}/evidence")
	@PreAuthorize(HANDLERS)
	String addEvidence(@PathVariable long id, @AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			HttpSession session, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String links, RedirectAttributes redirect) {
		handled(me, authentication, id);
		this.closed.refuseChanges(me.organisationId(), id);
		Map<String, String> errors = new LinkedHashMap<>();
		List<Sealing.CleanFile> cleaned = this.sealing.readFiles(files, errors);
		if (errors.isEmpty()) {
			errors.putAll(this.incidents.addEvidence(me, id, session.getId(), cleaned, links));
		}
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("evidenceAdded", true);
		}
		else {
			redirect.addFlashAttribute("errors", errors);
		}
		return "redirect:/safety/incidents/" + id + "#evidence";
	}

	@GetMapping("/safety/incidents/{id}/evidence/{fileId}")
	@PreAuthorize(HANDLERS)
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable("fileId") long evidenceId,
			@AuthenticationPrincipal CurrentAccount me, Authentication authentication, HttpSession session) {
		handled(me, authentication, id);
		Incidents.Download download = this.incidents.download(me, id, evidenceId, session.getId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		MediaType type;
		try {
			type = MediaType.parseMediaType(download.mediaType());
		}
		catch (org.springframework.util.InvalidMimeTypeException ex) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		// Always a download, never shown inline: a file from outside must not run as a
		// page of Bryt.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(type)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.name(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(download.bytes());
	}

	/** The incident's unit, when the account handles it; else 404, as for none. */
	private long handled(CurrentAccount me, Authentication authentication, long id) {
		return this.repository.unitOf(me.organisationId(), id)
			.filter((unit) -> IncidentAccess.handles(me,
					this.organisations.visibility(authentication, me.organisationId()), unit))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
