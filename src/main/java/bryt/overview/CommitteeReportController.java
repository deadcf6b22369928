package bryt.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The committee report of a snapshot ({@code /overview/reports/{id}}): the page, and with
 * {@code format} the same report as PDF, HTML, CSV or Excel. In the organisation's
 * language, or English with {@code language=en}. A public document: the whole
 * organisation's figures with every minimum-group rule applied, for the parties and the
 * committee.
 */
@Controller
@RequestMapping("/overview/reports/{id}")
class CommitteeReportController {

	/** The parties and the committee: those who read the joint overview. */
	static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	private static final List<String> FORMATS = List.of("pdf", "html", "csv", "xlsx");

	private final CommitteeReports reports;

	private final CommitteeReportRenderer renderer;

	private final Organisations organisations;

	private final Snapshots snapshots;

	CommitteeReportController(CommitteeReports reports, CommitteeReportRenderer renderer, Organisations organisations,
			Snapshots snapshots) {
		this.snapshots = snapshots;
		this.reports = reports;
		this.renderer = renderer;
		this.organisations = organisations;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, @PathVariable("id") long snapshotId,
			@RequestParam(name = "language", required = false) String language, Model model) {
		boolean english = "en".equals(language);
		CommitteeReport report = report(me, snapshotId, english);
		String base = "/overview/reports/" + snapshotId;
		Map<String, String> links = new LinkedHashMap<>();
		for (String format : FORMATS) {
			links.put(format, base + "?format=" + format + (english ? "&language=en" : ""));
		}
		model.addAttribute("report", report);
		model.addAttribute("formats", FORMATS);
		model.addAttribute("links", links);
		model.addAttribute("english", base + "?language=en");
		model.addAttribute("own", base);
		// A recalculation of the quarter after this version: the reader is told that this
		// report is not the quarter's last word (the page only; the files are the
		// version's)
		int newest = this.snapshots.newestVersion(me.organisationId(), Quarter.parse(report.quarter()));
		model.addAttribute("newer", (newest > report.version()) ? newest : null);
		return "overview/report";
	}

	@GetMapping(params = "format")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentAccount me, @PathVariable("id") long snapshotId,
			@RequestParam("format") String format, @RequestParam(name = "language", required = false) String language) {
		CommitteeReportRenderer.Format chosen = CommitteeReportRenderer.Format.of(format)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is pdf, html, csv or xlsx"));
		CommitteeReport report = report(me, snapshotId, "en".equals(language));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(chosen.mediaType))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(report.fileName() + "." + chosen.extension)
						.build()
						.toString())
			.body(this.renderer.render(report, chosen));
	}

	private CommitteeReport report(CurrentAccount me, long snapshotId, boolean english) {
		Organisation organisation = this.organisations.find(me.organisationId()).orElseThrow();
		return this.reports.report(organisation.id(), snapshotId, CommitteeReports.language(organisation, english))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
