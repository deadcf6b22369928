package bryt.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.Visibility;
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
 * The figures page ({@code /safety/figures}): one quarter (picked with a plain GET form),
 * each unit the reader may see ({@link Visibility}) and the organisation's total for
 * those who see it. Whoever handles a unit's incidents (HR, a manager or safety
 * representative covering it) sees its figures in full; every other reader (a committee
 * member, a union representative) sees the committee's view, a count under 3 as "< 3"
 * ({@link SafetyFigures#view}). The tables download as CSV and Excel, cell for cell.
 */
@Controller
@RequestMapping("/safety/figures")
class SafetyFiguresController {

	static final String READERS = "hasAnyRole('HR', 'MANAGER', 'SAFETY_REPRESENTATIVE', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	/** How many quarters the picker offers, the current one included. */
	static final int QUARTERS = 8;

	private final SafetyFigures figures;

	private final SafetyFiguresTables tables;

	private final Organisations organisations;

	private final Clock clock;

	SafetyFiguresController(SafetyFigures figures, SafetyFiguresTables tables, Organisations organisations,
			Clock clock) {
		this.figures = figures;
		this.tables = tables;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam(name = "quarter", required = false) String quarter, Locale locale, Model model,
			HttpServletRequest request) {
		Quarter chosen = quarter(quarter);
		if (chosen == null) {
			model.addAttribute("quarterError", true);
			chosen = Quarter.of(LocalDate.now(this.clock));
		}
		List<TableView> views = new ArrayList<>();
		for (FigureTable table : this.tables.tables(chosen, shown(me, authentication, chosen), locale)) {
			views.add(TableView.of(table, TableRequest.NONE, false, request, locale));
		}
		model.addAttribute("quarter", chosen);
		model.addAttribute("quarters", quarters());
		model.addAttribute("tables", views);
		return "safety/figures";
	}

	@GetMapping(params = "export")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@RequestParam(name = "quarter", required = false) String quarter, @RequestParam("export") String export,
			@RequestParam(name = "format", required = false) String format, Locale locale) {
		Quarter chosen = quarter(quarter);
		if (chosen == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The quarter is written yyyy-Qn, e.g. 2026-Q3.");
		}
		FigureTable table = this.tables.tables(chosen, shown(me, authentication, chosen), locale)
			.stream()
			.filter((candidate) -> candidate.name().equals(export))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		LocalDate today = LocalDate.now(this.clock);
		return TableExports.download(table, TableExports.Format.of(format).orElse(TableExports.Format.CSV),
				chosen.last().isAfter(today) ? today : chosen.last(), locale);
	}

	/**
	 * The rows the reader may see, each in the view the reader gets of it: in full for
	 * the units whose incidents they handle (the total for HR), else the committee's.
	 */
	private List<SafetyFigures.Shown> shown(CurrentAccount me, Authentication authentication, Quarter quarter) {
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		List<SafetyFigures.Shown> shown = new ArrayList<>();
		// Hidden across every unit of the organisation (the units the reader handles
		// stand in full), then cut to the reader's rows.
		for (SafetyFigures.Shown row : SafetyFigures.view(this.figures.figures(me.organisationId(), quarter, quarter),
				(unit) -> (unit == SafetyFigures.ORGANISATION) ? !me.has(Role.HR)
						: !IncidentAccess.handles(me, visibility, unit))) {
			if ((row.unitId() == SafetyFigures.ORGANISATION) ? visibility.seesOrganisationFigures()
					: visibility.seesUnitFigures(row.unitId())) {
				shown.add(row);
			}
		}
		return shown;
	}

	/** The asked quarter, this quarter without one; {@code null} when malformed. */
	private Quarter quarter(String quarter) {
		return Quarter.asked(quarter, Quarter.of(LocalDate.now(this.clock)));
	}

	/** The quarters the picker offers, newest first. */
	private List<Quarter> quarters() {
		return Quarter.of(LocalDate.now(this.clock)).endingHere(QUARTERS).reversed();
	}

}
