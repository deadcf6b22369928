package bryt.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The workload pages: the organisation with its units, and a drill-down per unit to its
 * teams and workers, each on any date.
 */
@Controller
@RequestMapping("/workload")
@PreAuthorize("isAuthenticated()")
class WorkloadController {

	private final Workload workload;

	private final Organisations organisations;

	private final WorkloadCharts charts;

	WorkloadController(Workload workload, Organisations organisations, WorkloadCharts charts) {
		this.workload = workload;
		this.organisations = organisations;
		this.charts = charts;
	}

	@GetMapping
	String overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			Authentication authentication, Locale locale, Model model) {
		Page page = page(authentication, at, model);
		List<UnitFigures> units = page.viewer().units(page.figures());
		model.addAttribute("units", units);
		model.addAttribute("workers", page.viewer().workers(page.figures()));
		model.addAttribute("total", page.viewer().organisationTotal() ? page.figures().organisation() : null);
		// The charts compare the units at the top of what the viewer sees.
		List<UnitFigures> top = units.stream()
			.filter((unit) -> unit.parentId() == null || !page.viewer().seesUnit(unit.parentId()))
			.toList();
		model.addAttribute("staffingChart", this.charts.staffing(top, locale));
		model.addAttribute("forecastChart", this.charts.forecast(top, locale));
		if (page.viewer().organisationTotal()) {
			trend(page, 0, locale, model);
		}
		return "workload/overview";
	}

	@GetMapping("/units/{id}")
	String unit(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			Authentication authentication, Locale locale, Model model) {
		Page page = page(authentication, at, model);
		if (!page.viewer().seesUnit(id)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		UnitFigures unit = page.figures().unit(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("unit", unit);
		model.addAttribute("parent",
				(unit.parentId() != null) ? page.figures()
					.unit(unit.parentId())
					.filter((parent) -> page.viewer().seesUnit(parent.unitId()))
					.orElse(null) : null);
		List<UnitFigures> children = page.figures()
			.units()
			.stream()
			.filter((child) -> Long.valueOf(id).equals(child.parentId()))
			.toList();
		List<WorkerFigures> workers = page.viewer()
			.workers(page.figures())
			.stream()
			.filter((worker) -> worker.unitId() == id)
			.toList();
		model.addAttribute("children", children);
		model.addAttribute("workers", workers);
		model.addAttribute("workersChart", this.charts.workers(workers, locale));
		model.addAttribute("staffingChart", this.charts.staffing(children, locale));
		model.addAttribute("forecastChart", this.charts.forecast(children, locale));
		trend(page, id, locale, model);
		return "workload/unit";
	}

	/**
	 * The bottom of the drill-down: one worker's cases on the date, with their points.
	 */
	@GetMapping("/workers/{id}")
	String worker(@PathVariable("id") long staffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			Authentication authentication, Model model) {
		Page page = page(authentication, at, model);
		WorkerFigures worker = page.figures()
			.workers()
			.stream()
			.filter((candidate) -> candidate.staffId() == staffId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!page.viewer().seesWorker(worker)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("worker", worker);
		model.addAttribute("unit",
				page.figures()
					.unit(worker.unitId())
					.filter((unit) -> page.viewer().seesUnit(unit.unitId()))
					.orElse(null));
		model.addAttribute("cases", this.workload.casesOf(page.organisation(), staffId, page.figures().at()));
		return "workload/worker";
	}

	@GetMapping("/case-types")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')")
	String caseTypes(Authentication authentication, Locale locale, Model model) {
		CurrentAccount me = (CurrentAccount) authentication.getPrincipal();
		model.addAttribute("caseTypes", this.workload.caseTypes(me.organisationId()));
		model.addAttribute("loadModel", WorkloadHelpController.loadModel(this.workload, me.organisationId()));
		model.addAttribute("language", locale.getLanguage());
		return "workload/case-types";
	}

	/**
	 * The weekly trend of a unit (or with {@code 0} the organisation), as chart and
	 * table.
	 */
	private void trend(Page page, long unitId, Locale locale, Model model) {
		Trend trend = this.workload.trend(page.organisation(), page.figures().at());
		model.addAttribute("trendChart", this.charts.trend(trend, unitId, locale));
		model.addAttribute("trendWeeks", trend.weeks());
		model.addAttribute("trend", trend.of(unitId));
	}

	private Page page(Authentication authentication, LocalDate at, Model model) {
		CurrentAccount me = (CurrentAccount) authentication.getPrincipal();
		Organisation organisation = this.organisations.find(me.organisationId()).orElseThrow();
		Viewer viewer = Viewer.of(authentication, organisation.id(), this.organisations)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		LocalDate date = (at != null) ? at : this.workload.today();
		WorkloadFigures figures = this.workload.figures(organisation, date);
		model.addAttribute("organisation", organisation);
		model.addAttribute("at", date);
		model.addAttribute("today", this.workload.today());
		return new Page(organisation, viewer, figures);
	}

	private record Page(Organisation organisation, Viewer viewer, WorkloadFigures figures) {
	}

}
