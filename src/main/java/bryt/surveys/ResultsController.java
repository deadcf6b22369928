package bryt.surveys;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.shared.tables.FigureTable;
import bryt.shared.tables.TableExports;
import bryt.shared.tables.TableRequest;
import bryt.shared.tables.TableView;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The results of a closed annual or pulse cycle, the same figures for both parties: the
 * engine decides once for the whole organisation ({@link ResultsPage}), each viewer sees
 * the units its {@link Visibility} allows. The heatmap and a unit's distribution download
 * as CSV or Excel from the page's own address ({@code ?export=heatmap&format=xlsx}), with
 * the same cells.
 */
@Controller
@RequestMapping("/surveys/results")
class ResultsController {

	private static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	private final ResultsPage results;

	private final ResultsTables tables;

	private final Instruments instruments;

	private final Organisations organisations;

	ResultsController(ResultsPage results, ResultsTables tables, Instruments instruments, Organisations organisations) {
		this.results = results;
		this.tables = tables;
		this.instruments = instruments;
		this.organisations = organisations;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("cycles", this.results.closedCycles(me.organisationId()));
		return "surveys/results-list";
	}

	@GetMapping("/{id}")
	@PreAuthorize(READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, Authentication authentication, @PathVariable("id") long id,
			@RequestParam(name = "unit", required = false) String unit,
			@RequestParam(name = "breakdown", required = false) String breakdown, Locale locale, Model model,
			HttpServletRequest request) {
		ResultsPage.Figures figures = figures(me, id, breakdown);
		model.addAttribute("cycle", figures.cycle());
		if (!figures.closed()) {
			return "surveys/results-open";
		}
		View view = view(figures, authentication, me, unit, true, locale);
		model.addAttribute("instrument", view.instrument());
		model.addAttribute("heatmap", TableView.of(view.heatmap(), TableRequest.NONE, false, request, locale));
		model.addAttribute("trend",
				(view.trend() != null) ? TableView.of(view.trend(), TableRequest.NONE, false, request, locale) : null);
		model.addAttribute("unit", view.unit());
		if (view.unit() != null) {
			AnonymityDecision decision = figures.decision(view.unit().unitId());
			model.addAttribute("unitShown", decision.shown());
			model.addAttribute("unitHiddenBecause", decision.hiddenBecause().map(AnonymityReason::messageKey));
			model.addAttribute("bars",
					decision.shown() ? this.tables.bars(figures, view.unit(), view.instrument(), locale) : List.of());
			model.addAttribute("distribution",
					TableView.of(view.distribution(), TableRequest.NONE, false, request, locale));
			model.addAttribute("breakdown",
					(figures.bands() != null) ? ResultsTables.dimension(figures.bands().dimension()) : "");
			if (view.breakdown() != null) {
				boolean any = view.breakdown().rows().stream().anyMatch((row) -> row.getLast().text().isEmpty());
				model.addAttribute("bandsShown", any && !figures.bands().bands().isEmpty());
				// Not shown: the sentence why, the first area's reason (all areas' when
				// none is shown), or that no answer carries a band of this kind.
				model.addAttribute("bandsWhy",
						view.breakdown()
							.rows()
							.stream()
							.map((row) -> row.getLast().text())
							.filter((text) -> !text.isEmpty())
							.findFirst()
							.orElse(""));
				model.addAttribute("bandsNone", !figures.bands().recorded());
				model.addAttribute("bandsTable",
						TableView.of(view.breakdown(), TableRequest.NONE, false, request, locale));
			}
		}
		else {
			model.addAttribute("breakdown", "");
		}
		model.addAttribute("units", view.units());
		model.addAttribute("allUnits", view.allUnits());
		return "surveys/results";
	}

	@GetMapping(path = "/{id}", params = "export")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit,
			@RequestParam("export") String export, @RequestParam(name = "format", required = false) String format,
			@RequestParam(name = "breakdown", required = false) String breakdown, Locale locale) {
		ResultsPage.Figures figures = figures(me, id, breakdown);
		if (!figures.closed()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		View view = view(figures, authentication, me, unit, false, locale);
		FigureTable table = switch (export) {
			case "heatmap" -> view.heatmap();
			case "distribution" -> view.distribution();
			case "trend" -> view.trend();
			case "breakdown" -> view.breakdown();
			default -> null;
		};
		if (table == null && "trend".equals(export)) {
			// The first closed survey of its kind has no trend yet: the page says so (an
			// address to the trend's download of such a survey is no error).
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(java.net.URI.create("/surveys/results/" + id + "#no-trend"))
				.build();
		}
		if (table == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return TableExports.download(table, TableExports.Format.of(format).orElse(TableExports.Format.CSV),
				figures.cycle().closesOn(), locale);
	}

	private ResultsPage.Figures figures(CurrentAccount me, long id, String breakdown) {
		// An unknown breakdown is no breakdown: the page shows the select again.
		ResultBreakdown bands = switch ((breakdown != null) ? breakdown : "") {
			case "tenure" -> ResultBreakdown.TENURE_BAND;
			case "age" -> ResultBreakdown.AGE_BAND;
			default -> ResultBreakdown.NONE;
		};
		return this.results.figures(me.organisationId(), id, bands)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * What the viewer sees: its units, the heatmap of them, and the distribution of the
	 * unit asked for (one of its own; the first otherwise). On the page, a viewer with
	 * more than {@value #PAGE_UNITS} units sees the chosen unit's surroundings only
	 * ({@link #around}); the downloads hold every unit.
	 */
	private View view(ResultsPage.Figures figures, Authentication authentication, CurrentAccount me, String unit,
			boolean page, Locale locale) {
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		List<ResultUnit> all = figures.units(visibility);
		Instrument instrument = this.instruments.find(figures.cycle().instrumentId(), locale.getLanguage())
			.orElseThrow();
		ResultUnit chosen = all.stream()
			.filter((candidate) -> String.valueOf(candidate.unitId()).equals(unit))
			.findFirst()
			.orElse(all.isEmpty() ? null : all.getFirst());
		List<ResultUnit> units = (page && all.size() > PAGE_UNITS) ? around(all, chosen) : all;
		FigureTable heatmap = this.tables.heatmap(figures, units, instrument, locale);
		FigureTable distribution = (chosen != null) ? this.tables.distribution(figures, chosen, instrument, locale)
				: null;
		FigureTable trend = figures.trend().isEmpty() ? null : this.tables.trend(figures, units, instrument, locale);
		FigureTable breakdown = (chosen != null && figures.bands() != null)
				? this.tables.breakdown(figures, chosen, instrument, locale) : null;
		return new View(units, all.size(), instrument, heatmap, trend, chosen, distribution, breakdown);
	}

	/**
	 * The most units the page's heatmap and trend list; a larger organisation's page
	 * shows one unit's surroundings, so that the page stays readable (and small: 2,000
	 * units made a page of megabytes, docs/benchmarks.md).
	 */
	static final int PAGE_UNITS = 60;

	/**
	 * The chosen unit, the units above it and those directly below it, in the order of
	 * {@code units} (parents before their children).
	 */
	static List<ResultUnit> around(List<ResultUnit> units, ResultUnit chosen) {
		Map<Long, ResultUnit> byId = new HashMap<>();
		units.forEach((unit) -> byId.put(unit.unitId(), unit));
		Set<Long> shown = new HashSet<>();
		ResultUnit at = chosen;
		while (at != null && shown.add(at.unitId())) {
			at = byId.get(at.parentUnitId());
		}
		return units.stream()
			.filter((unit) -> shown.contains(unit.unitId()) || Objects.equals(unit.parentUnitId(), chosen.unitId()))
			.toList();
	}

	private record View(List<ResultUnit> units, int allUnits, Instrument instrument, FigureTable heatmap,
			FigureTable trend, ResultUnit unit, FigureTable distribution, FigureTable breakdown) {

	}

}
