package bryt.workload;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.tables.FigureTable;
import bryt.shared.tables.TableExports;
import bryt.shared.tables.TableRequest;
import bryt.shared.tables.TableView;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workload pages: the organisation with its units, and a drill-down per unit to its
 * teams and workers, each on any date. Each page's tables can be downloaded as CSV or
 * Excel from the page's own address ({@code ?export=workers&format=xlsx}): the same
 * handler builds the same tables under the same authorization, so a download holds
 * exactly what the page shows to the same reader.
 */
@Controller
@RequestMapping("/workload")
@PreAuthorize("isAuthenticated()")
class WorkloadController {

	/** The flash attribute that says the address's date was malformed. */
	private static final String BAD_DATE = "badDate";

	private final Workload workload;

	private final Organisations organisations;

	private final WorkloadCharts charts;

	private final WorkloadTables tables;

	private final MessageSource messages;

	WorkloadController(Workload workload, Organisations organisations, WorkloadCharts charts, WorkloadTables tables,
			MessageSource messages) {
		this.workload = workload;
		this.organisations = organisations;
		this.charts = charts;
		this.tables = tables;
		this.messages = messages;
	}

	@GetMapping
	String overview(@RequestParam(required = false) String at, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) String page,
			Authentication authentication, Locale locale, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (malformed(at)) {
			return withoutTheDate(request, redirect);
		}
		Page figures = page(authentication, at, model);
		Map<String, FigureTable> tables = overviewTables(figures, locale, model);
		view(tables, new TableRequest(sort, dir, page), request, locale, model);
		return "workload/overview";
	}

	@GetMapping(params = "export")
	ResponseEntity<byte[]> overviewExport(@RequestParam(required = false) String at, @RequestParam String export,
			@RequestParam(required = false) String format, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Authentication authentication, Locale locale,
			HttpServletRequest request) {
		if (malformed(at)) {
			return backToThePage(request);
		}
		Page figures = page(authentication, at, null);
		return export(overviewTables(figures, locale, null), export, format, new TableRequest(sort, dir, null),
				figures.figures().at(), locale);
	}

	@GetMapping("/units/{id}")
	String unit(@PathVariable long id, @RequestParam(required = false) String at,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String page, Authentication authentication, Locale locale, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (malformed(at)) {
			return withoutTheDate(request, redirect);
		}
		Page figures = page(authentication, at, model);
		Map<String, FigureTable> tables = unitTables(figures, id, locale, model);
		view(tables, new TableRequest(sort, dir, page), request, locale, model);
		return "workload/unit";
	}

	@GetMapping(path = "/units/{id}", params = "export")
	ResponseEntity<byte[]> unitExport(@PathVariable long id, @RequestParam(required = false) String at,
			@RequestParam String export, @RequestParam(required = false) String format,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			Authentication authentication, Locale locale, HttpServletRequest request) {
		if (malformed(at)) {
			return backToThePage(request);
		}
		Page figures = page(authentication, at, null);
		return export(unitTables(figures, id, locale, null), export, format, new TableRequest(sort, dir, null),
				figures.figures().at(), locale);
	}

	/**
	 * The bottom of the drill-down: one worker's cases on the date, with their points.
	 */
	@GetMapping("/workers/{id}")
	String worker(@PathVariable("id") long staffId, @RequestParam(required = false) String at,
			Authentication authentication, Locale locale, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (malformed(at)) {
			return withoutTheDate(request, redirect);
		}
		Page figures = page(authentication, at, model);
		view(workerTables(figures, staffId, locale, model), TableRequest.NONE, request, locale, model);
		return "workload/worker";
	}

	@GetMapping(path = "/workers/{id}", params = "export")
	ResponseEntity<byte[]> workerExport(@PathVariable("id") long staffId, @RequestParam(required = false) String at,
			@RequestParam String export, @RequestParam(required = false) String format, Authentication authentication,
			Locale locale, HttpServletRequest request) {
		if (malformed(at)) {
			return backToThePage(request);
		}
		Page figures = page(authentication, at, null);
		return export(workerTables(figures, staffId, locale, null), export, format, TableRequest.NONE,
				figures.figures().at(), locale);
	}

	/**
	 * The overview's tables (and, with a model, its other figures and charts): the units
	 * and workers the viewer sees, and the organisation's trend where they see the total.
	 */
	private Map<String, FigureTable> overviewTables(Page page, Locale locale, Model model) {
		LocalDate at = page.figures().at();
		List<UnitFigures> units = page.viewer().units(page.figures());
		List<WorkerFigures> workers = page.viewer().workers(page.figures());
		UnitFigures total = page.viewer().organisationTotal() ? page.figures().organisation() : null;
		Map<String, FigureTable> tables = new LinkedHashMap<>();
		tables.put("units",
				this.tables.units("units", units, message("workload.units.caption", locale, at), at, locale));
		tables.put("workers", this.tables.workers(workers, unitNames(page),
				message("workload.workers.caption", locale, at), at, locale));
		Trend trend = (total != null) ? this.workload.trend(page.organisation(), at) : null;
		if (trend != null) {
			tables.put("trend", this.tables.trend(trend.weeks(), trend.of(0),
					message("workload.trend.caption", locale, total.name()), locale));
		}
		if (model != null) {
			model.addAttribute("units", units);
			model.addAttribute("workers", workers);
			model.addAttribute("total", total);
			// The charts compare the units at the top of what the viewer sees.
			List<UnitFigures> top = units.stream()
				.filter((unit) -> unit.parentId() == null || !page.viewer().seesUnit(unit.parentId()))
				.toList();
			model.addAttribute("staffingChart", this.charts.staffing(top, locale));
			model.addAttribute("forecastChart", this.charts.forecast(top, locale));
			if (trend != null) {
				model.addAttribute("loadChart", this.charts.load(trend, 0, locale));
				model.addAttribute("trendChart", this.charts.trend(trend, 0, locale));
			}
		}
		return tables;
	}

	private Map<String, FigureTable> unitTables(Page page, long id, Locale locale, Model model) {
		if (!page.viewer().seesUnit(id)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		LocalDate at = page.figures().at();
		UnitFigures unit = page.figures().unit(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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
		Trend trend = this.workload.trend(page.organisation(), at);
		Map<String, FigureTable> tables = new LinkedHashMap<>();
		tables.put("units", this.tables.units("units", children,
				message("workload.children.caption", locale, unit.name(), at), at, locale));
		tables.put("workers", this.tables.workers(workers, unitNames(page),
				message("workload.workers.caption", locale, at), at, locale));
		tables.put("trend", this.tables.trend(trend.weeks(), trend.of(id),
				message("workload.trend.caption", locale, unit.name()), locale));
		if (model != null) {
			model.addAttribute("unit", unit);
			model.addAttribute("parent",
					(unit.parentId() != null) ? page.figures()
						.unit(unit.parentId())
						.filter((parent) -> page.viewer().seesUnit(parent.unitId()))
						.orElse(null) : null);
			model.addAttribute("children", children);
			model.addAttribute("workers", workers);
			model.addAttribute("workersChart", this.charts.workers(workers, locale));
			model.addAttribute("staffingChart", this.charts.staffing(children, locale));
			model.addAttribute("forecastChart", this.charts.forecast(children, locale));
			model.addAttribute("loadChart", this.charts.load(trend, id, locale));
			model.addAttribute("trendChart", this.charts.trend(trend, id, locale));
		}
		return tables;
	}

	private Map<String, FigureTable> workerTables(Page page, long staffId, Locale locale, Model model) {
		WorkerFigures worker = page.figures()
			.workers()
			.stream()
			.filter((candidate) -> candidate.staffId() == staffId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!page.viewer().seesWorker(worker)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		LocalDate at = page.figures().at();
		List<WorkerCase> cases = this.workload.casesOf(page.organisation(), staffId, at);
		List<WorkerWeek> history = WorkerWeek.shownTo(this.workload.workerTrend(page.organisation(), staffId, at),
				staffId, page.viewer().visibility());
		if (model != null) {
			model.addAttribute("worker", worker);
			model.addAttribute("unit",
					page.figures()
						.unit(worker.unitId())
						.filter((unit) -> page.viewer().seesUnit(unit.unitId()))
						.orElse(null));
			model.addAttribute("cases", cases);
			model.addAttribute("historyChart", this.charts.workerLoad(history, locale));
		}
		Map<String, FigureTable> tables = new LinkedHashMap<>();
		tables.put("cases",
				this.tables.cases(cases, message("workload.worker.caption", locale, worker.name(), at), locale));
		tables.put("history", this.tables.workerTrend(history, unitNames(page),
				message("workload.history.caption", locale, worker.name()), locale));
		return tables;
	}

	/**
	 * Puts each table on the page as {@code <name>Table}; the long one, the workers, in
	 * the order and on the page the address asks for.
	 */
	private static void view(Map<String, FigureTable> tables, TableRequest asked, HttpServletRequest request,
			Locale locale, Model model) {
		tables.forEach((name, table) -> {
			boolean workers = name.equals("workers");
			model.addAttribute(name + "Table",
					TableView.of(table, workers ? asked : TableRequest.NONE, workers, request, locale));
		});
	}

	private static ResponseEntity<byte[]> export(Map<String, FigureTable> tables, String name, String format,
			TableRequest asked, LocalDate at, Locale locale) {
		FigureTable table = tables.get(name);
		if (table == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		// A download holds every row, in the order the page shows them.
		return TableExports.download(asked.sorted(table, locale),
				TableExports.Format.of(format).orElse(TableExports.Format.CSV), at, locale);
	}

	/**
	 * Whether the address's date is malformed (a date that does not exist, another
	 * format, a day outside the years Bryt covers, anything else). Such a date is no
	 * error page: the reader is sent to the page without it, which shows today's figures
	 * and a message by the date field (a flash attribute, kept in the session for that
	 * one request). The value itself goes into no link and no page: it might be anything,
	 * an identity number too.
	 */
	private static boolean malformed(String at) {
		if (at == null || at.isEmpty()) {
			return false;
		}
		try {
			return !Workload.covers(LocalDate.parse(at));
		}
		catch (DateTimeParseException ex) {
			return true;
		}
	}

	private static String withoutTheDate(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute(BAD_DATE, true);
		return "redirect:" + TableView.link(request, Map.of(), List.of("at"));
	}

	/** A download asked for with a malformed date goes to the page, which says why. */
	private static ResponseEntity<byte[]> backToThePage(HttpServletRequest request) {
		String page = request.getContextPath() + TableView.link(request, Map.of(), List.of("at", "export", "format"));
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(page)).build();
	}

	/** The figures of the date the address asks for (well-formed), or of today. */
	private Page page(Authentication authentication, String at, Model model) {
		CurrentAccount me = (CurrentAccount) authentication.getPrincipal();
		Organisation organisation = this.organisations.find(me.organisationId()).orElseThrow();
		Viewer viewer = Viewer.of(authentication, organisation.id(), this.organisations)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		LocalDate date = (at != null && !at.isEmpty()) ? LocalDate.parse(at) : this.workload.today();
		WorkloadFigures figures = this.workload.figures(organisation, date);
		if (model != null) {
			model.addAttribute("organisation", organisation);
			model.addAttribute("at", date);
			model.addAttribute(BAD_DATE, model.containsAttribute(BAD_DATE));
			model.addAttribute("today", this.workload.today());
		}
		return new Page(organisation, viewer, figures);
	}

	/** Each unit's name by id, for the unit column of a list of workers. */
	private static Map<Long, String> unitNames(Page page) {
		Map<Long, String> names = new java.util.HashMap<>();
		page.figures().units().forEach((unit) -> names.put(unit.unitId(), unit.name()));
		return names;
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private record Page(Organisation organisation, Viewer viewer, WorkloadFigures figures) {
	}

}
