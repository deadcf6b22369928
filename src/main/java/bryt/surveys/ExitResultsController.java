package bryt.surveys;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.shared.tables.FigureTable;
import bryt.shared.tables.TableExports;
import bryt.shared.tables.TableRequest;
import bryt.shared.tables.Cell;
import bryt.shared.tables.FigureTable;
import bryt.shared.tables.TableView;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
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
 * The exit survey's results: for a month (picked with a plain GET form), each stage's
 * figures pooled over the 12 months ending with it, the same for every party and cut to
 * the units each viewer's {@link Visibility} allows. The tables download as CSV, Excel or
 * PDF from the page's own address ({@code ?export=exit-first&format=pdf}), cell for cell.
 */
@Controller
@RequestMapping("/surveys/exits")
class ExitResultsController {

	private static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	/** The earliest month asked for that is not taken as malformed. */
	private static final YearMonth EARLIEST = YearMonth.of(2000, 1);

	/** How many months the picker offers, the current one included. */
	static final int MONTHS = 24;

	private final ExitResultsTables tables;

	private final Organisations organisations;

	private final MessageSource messages;

	private final Clock clock;

	ExitResultsController(ExitResultsTables tables, Organisations organisations, MessageSource messages, Clock clock) {
		this.tables = tables;
		this.organisations = organisations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam(name = "month", required = false) String month,
			@RequestParam(name = "unit", required = false) String unit, Locale locale, Model model,
			HttpServletRequest request) {
		YearMonth chosen = month(me, month);
		if (chosen == null) {
			model.addAttribute("monthError", true);
			chosen = YearMonth.now(this.clock);
		}
		List<ExitResultsTables.Stage> stages = this.tables.stages(me.organisationId(), chosen,
				this.organisations.visibility(authentication, me.organisationId()), unit, locale);
		List<StageView> views = new ArrayList<>();
		String hidden = message("surveys.results.hidden", locale);
		for (ExitResultsTables.Stage stage : stages) {
			views.add(new StageView(stage,
					TableView.of(shortened(stage.units(), hidden), TableRequest.NONE, false, request, locale),
					(stage.reasons() != null) ? TableView.of(shortened(stage.reasons().table(), hidden),
							TableRequest.NONE, false, request, locale) : null,
					whyHidden(stage.units())));
		}
		model.addAttribute("month", chosen);
		model.addAttribute("months", months());
		model.addAttribute("stages", views);
		model.addAttribute("pdf",
				TableView.link(request, java.util.Map.of("export", "exits", "format", "pdf"), List.of("page")));
		return "surveys/exit-results";
	}

	@GetMapping(params = "export")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam(name = "month", required = false) String month,
			@RequestParam(name = "unit", required = false) String unit, @RequestParam("export") String export,
			@RequestParam(name = "format", required = false) String format, Locale locale) {
		YearMonth chosen = month(me, month);
		if (chosen == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The month is written yyyy-mm.");
		}
		List<ExitResultsTables.Stage> stages = this.tables.stages(me.organisationId(), chosen,
				this.organisations.visibility(authentication, me.organisationId()), unit, locale);
		if ("pdf".equals(format)) {
			return SurveysPdf.download(pdf(stages, chosen, locale), "exit-results-" + chosen);
		}
		FigureTable table = null;
		for (ExitResultsTables.Stage stage : stages) {
			if (stage.units().name().equals(export)) {
				table = stage.units();
			}
			if (stage.reasons() != null && stage.reasons().table().name().equals(export)) {
				// the page shows the first unit's reasons for a unit the viewer does not
				// see, under a heading that names it; a file has no such heading, so a
				// unit asked for is the unit given, or nothing
				if (unit != null && !unit.isBlank() && !String.valueOf(stage.unit().unitId()).equals(unit.strip())) {
					throw new ResponseStatusException(HttpStatus.NOT_FOUND);
				}
				table = stage.reasons().table();
			}
		}
		if (table == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return TableExports.download(table, TableExports.Format.of(format).orElse(TableExports.Format.CSV),
				chosen.atEndOfMonth(), locale);
	}

	/** The exit results of a month as a PDF: both stages' tables, as on the page. */
	byte[] pdf(List<ExitResultsTables.Stage> stages, YearMonth month, Locale locale) {
		List<FigureTable> tables = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		lines.add(message("surveys.exits.window", locale, month.minusMonths(Results.EXIT_WINDOW_MONTHS - 1), month));
		for (ExitResultsTables.Stage stage : stages) {
			if (!stage.counted()) {
				lines.add(message("surveys.exits.none", locale, stage.name()));
				continue;
			}
			tables.add(stage.units());
			if (stage.reasons() != null && stage.reasons().answered()) {
				tables.add(stage.reasons().table());
			}
		}
		return SurveysPdf.of(message("surveys.exits.title", locale), lines, tables);
	}

	/**
	 * The asked month; without one, the newest with a final window (the page's review,
	 * issue 13: the current month's window never has figures); {@code null} when
	 * malformed.
	 */
	private YearMonth month(CurrentAccount me, String month) {
		if (month == null || month.isBlank()) {
			return this.tables.defaultMonth(me.organisationId(), YearMonth.now(this.clock));
		}
		try {
			YearMonth parsed = YearMonth.parse(month.strip());
			// a month the picker could offer, or earlier back to 2000: a year like
			// -999999999 is as malformed as a typo (and broke the window's arithmetic)
			return (parsed.isBefore(EARLIEST) || parsed.isAfter(YearMonth.now(this.clock))) ? null : parsed;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The months the picker offers, newest first. */
	private List<YearMonth> months() {
		YearMonth now = YearMonth.now(this.clock);
		List<YearMonth> months = new ArrayList<>();
		for (int i = 0; i < MONTHS; i++) {
			months.add(now.minusMonths(i));
		}
		return months;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * The table as the page shows it: a hidden cell says "Hidden", and the engine's words
	 * stand once above the table ({@link #whyHidden}) rather than in each cell, which at
	 * a phone's width made a row of five long sentences. The downloads keep the words in
	 * each cell (a spreadsheet has no text above its table).
	 */
	static FigureTable shortened(FigureTable table, String hidden) {
		List<List<Cell>> rows = table.rows()
			.stream()
			.map((row) -> row.stream()
				.map((cell) -> ExitResultsTables.HIDDEN.equals(cell.css()) ? Cell.text(hidden).withClass(cell.css())
						: cell)
				.toList())
			.toList();
		return new FigureTable(table.name(), table.caption(), table.columns(), rows);
	}

	/** Each row with hidden figures: its unit and the engine's words, once. */
	static List<String[]> whyHidden(FigureTable table) {
		List<String[]> why = new ArrayList<>();
		for (List<Cell> row : table.rows()) {
			List<String> reasons = row.stream()
				.filter((cell) -> ExitResultsTables.HIDDEN.equals(cell.css()))
				.map(Cell::text)
				.distinct()
				.toList();
			if (!reasons.isEmpty()) {
				why.add(new String[] { row.getFirst().text(), String.join(" ", reasons) });
			}
		}
		return why;
	}

	/**
	 * A stage with its tables as the page shows them.
	 *
	 * @param whyHidden per unit with hidden figures, its name and why
	 */
	record StageView(ExitResultsTables.Stage stage, TableView units, TableView reasons, List<String[]> whyHidden) {

	}

}
