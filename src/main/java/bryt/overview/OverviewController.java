package bryt.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.overview.Snapshot.SnapshotUnit;
import bryt.shared.tables.FigureTable;
import bryt.shared.tables.TableExports;
import bryt.shared.tables.TableRequest;
import bryt.shared.tables.TableView;
import bryt.shared.time.Quarter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The joint overview ({@code /overview?unit=&quarter=}): one quarter's figures of every
 * source, per unit the reader sees and for the organisation to those who see it all
 * ({@link Visibility}), and each figure's trend over {@value #QUARTERS} quarters for the
 * chosen unit. The same page for the employer's side (HR, administrators, managers), the
 * unions' (union and safety representatives) and the committee; only the snapshots page
 * differs by side. The running quarter is live; an ended one is its newest snapshot, else
 * live ({@link QuarterFigures}).
 */
@Controller
@RequestMapping("/overview")
class OverviewController {

	static final String READERS = "hasAnyRole('HR', 'ADMINISTRATOR', 'MANAGER', 'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	/** The quarters of a trend, and of the quarter picker. */
	static final int QUARTERS = 8;

	private final Organisations organisations;

	private final QuarterFigures figures;

	private final OverviewPages pages;

	private final Clock clock;

	private final Snapshots snapshots;

	OverviewController(Organisations organisations, QuarterFigures figures, OverviewPages pages, Clock clock,
			Snapshots snapshots) {
		this.snapshots = snapshots;
		this.organisations = organisations;
		this.figures = figures;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam(name = "unit", required = false) String unit,
			@RequestParam(name = "quarter", required = false) String quarter, Locale locale, Model model,
			HttpServletRequest request) {
		Chosen chosen = choose(me, authentication, unit, quarter);
		QuarterFigures.Read read = chosen.read();
		List<TableView> unitTables = new ArrayList<>();
		for (FigureTable table : this.pages.unitTables(read, true, locale)) {
			unitTables.add(TableView.of(table, TableRequest.NONE, false, request, locale));
		}
		List<QuarterFigures.Read> trend = trend(chosen);
		String unitName = this.pages.unitName(chosen.unit(), locale);
		List<SourceView> sources = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, List<FigureDefinition>> source : OverviewPages.bySource(read.definitions()).entrySet()) {
			List<FigureView> views = new ArrayList<>();
			for (FigureDefinition definition : source.getValue()) {
				views.add(new FigureView(definition, this.pages.name(definition.key(), locale),
						FigureFormat
							.cell(read.figure(definition.key(), chosen.unit().id()).orElse(null), definition.format(),
									locale, this.pages.messages())
							.text(),
						this.pages.trendChart(definition, chosen.unit().id(), trend, unitName, locale),
						TableView.of(this.pages.trendTable(definition, chosen.unit().id(), trend, unitName, locale),
								TableRequest.NONE, false, request, locale)));
			}
			sources.add(new SourceView(source.getKey(), views, unitTables.get(index++)));
		}
		model.addAttribute("read", read);
		model.addAttribute("extractedAt",
				read.live() ? null : Times.format(read.snapshot().extractedAt(), this.clock.getZone()));
		model.addAttribute("quarter", read.quarter());
		// ovtrust: a recalculation waiting for both sides' review is named beside the
		// version the page shows
		model.addAttribute("waitingAt",
				(read.waiting() != null) ? Times.format(read.waiting().extractedAt(), this.clock.getZone()) : null);
		model.addAttribute("waitingBy",
				(read.waiting() != null) ? "overview.takenBy."
						+ TakenBy.of(this.snapshots, this.organisations, me.organisationId(), read.waiting().id())
						: null);
		model.addAttribute("quarters", quarters());
		model.addAttribute("quarterError", chosen.quarterError());
		model.addAttribute("unitError", chosen.unitError());
		model.addAttribute("units", read.units());
		model.addAttribute("unit", chosen.unit());
		model.addAttribute("unitName", unitName);
		model.addAttribute("sources", sources);
		model.addAttribute("first", trend.getFirst().quarter());
		return "overview/overview";
	}

	@GetMapping(params = "export")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam(name = "unit", required = false) String unit,
			@RequestParam(name = "quarter", required = false) String quarter, @RequestParam("export") String export,
			@RequestParam(name = "format", required = false) String format, Locale locale) {
		Chosen chosen = choose(me, authentication, unit, quarter);
		List<FigureTable> tables = new ArrayList<>(this.pages.unitTables(chosen.read(), locale));
		if (export.startsWith("trend-")) {
			List<QuarterFigures.Read> trend = trend(chosen);
			String unitName = this.pages.unitName(chosen.unit(), locale);
			for (FigureDefinition definition : chosen.read().definitions()) {
				if (OverviewPages.trendName(definition).equals(export)) {
					tables.add(this.pages.trendTable(definition, chosen.unit().id(), trend, unitName, locale));
				}
			}
		}
		FigureTable table = tables.stream()
			.filter((candidate) -> candidate.name().equals(export))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return TableExports.download(table, TableExports.Format.of(format).orElse(TableExports.Format.CSV),
				chosen.read().asOf(), locale);
	}

	/**
	 * The quarter and unit asked for, the reader's own default for a missing or malformed
	 * one (never an error page): this quarter, and the organisation for those who see it,
	 * else the first unit they see.
	 */
	private Chosen choose(CurrentAccount me, Authentication authentication, String unit, String quarter) {
		LocalDate today = LocalDate.now(this.clock);
		Quarter now = Quarter.of(today);
		Quarter asked = Quarter.asked(quarter, now);
		boolean quarterError = asked == null;
		Organisation organisation = this.organisations.find(me.organisationId()).orElseThrow();
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		QuarterFigures.Read read = this.figures.read(organisation, quarterError ? now : asked, today)
			.visibleTo(visibility);
		if (read.units().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		SnapshotUnit chosen = read.units().getFirst();
		boolean unitError = false;
		if (unit != null && !unit.isBlank()) {
			SnapshotUnit found = read.units()
				.stream()
				.filter((candidate) -> String.valueOf(candidate.id()).equals(unit.strip()))
				.findFirst()
				.orElse(null);
			unitError = found == null;
			chosen = (found != null) ? found : chosen;
		}
		return new Chosen(organisation, visibility, read, chosen, quarterError, unitError, today);
	}

	/** The quarters of the trend, oldest first, the chosen one last. */
	private List<QuarterFigures.Read> trend(Chosen chosen) {
		Quarter last = chosen.read().quarter();
		List<QuarterFigures.Read> reads = new ArrayList<>();
		for (Quarter quarter : last.endingHere(QUARTERS)) {
			reads.add(quarter.equals(last) ? chosen.read()
					: this.figures.read(chosen.organisation(), quarter, chosen.today()).visibleTo(chosen.visibility()));
		}
		return reads;
	}

	/** The quarters the picker offers, newest first. */
	private List<Quarter> quarters() {
		return Quarter.of(LocalDate.now(this.clock)).endingHere(QUARTERS).reversed();
	}

	private record Chosen(Organisation organisation, Visibility visibility, QuarterFigures.Read read, SnapshotUnit unit,
			boolean quarterError, boolean unitError, LocalDate today) {
	}

	/**
	 * One source's part of the page: its figures and the table of every visible unit.
	 *
	 * @param source the source's name
	 * @param figures its figures for the chosen unit
	 * @param units the units' table
	 */
	record SourceView(String source, List<FigureView> figures, TableView units) {
	}

	/**
	 * One figure for the chosen unit: its definition, name, value as the reader reads it,
	 * trend chart and the chart's table.
	 */
	record FigureView(FigureDefinition definition, String name, String value, String chart, TableView trend) {

		public String id() {
			return OverviewPages.trendName(this.definition).substring("trend-".length());
		}

	}

}
