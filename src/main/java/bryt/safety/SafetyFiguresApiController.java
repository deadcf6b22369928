package bryt.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.shared.time.Quarter;
import bryt.shared.web.ApiPeriod;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The safety figures as JSON for the joint overview, per unit and quarter, cut to the
 * units the caller may see ({@link Visibility}). Every caller gets the committee's view
 * ({@link SafetyFigures#view} with {@code committee} true): the overview shows the
 * figures to the committee and both parties, and a client (a token above all) cannot be
 * told apart from the audience it passes them on to; those who handle a unit's incidents
 * read them in full on the page. Staff and administrators are refused, as on the page.
 */
@RestController
@RequestMapping("/api/v1/organisations/{org}/safety")
class SafetyFiguresApiController {

	private final SafetyFigures figures;

	private final Organisations organisations;

	private final Clock clock;

	SafetyFiguresApiController(SafetyFigures figures, Organisations organisations, Clock clock) {
		this.figures = figures;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping(path = "/figures", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('API_CLIENT', 'HR', 'MANAGER', 'SAFETY_REPRESENTATIVE', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')")
	SafetyApiJson figures(@PathVariable String org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Authentication authentication) {
		Organisations.FiguresReader reader = this.organisations.figuresReader(org, authentication);
		Organisation organisation = reader.organisation();
		Visibility visibility = reader.visibility();
		ApiPeriod period = ApiPeriod.of(from, to, LocalDate.now(this.clock),
				(last) -> Quarter.of(last).previous().previous().previous().first());
		LocalDate first = period.first();
		LocalDate last = period.last();
		// Hidden across every unit of the organisation, then cut to the caller's units:
		// fewer rows shown never give more away.
		List<SafetyFigures.Shown> shown = SafetyFigures
			.view(this.figures.figures(organisation.id(), Quarter.of(first), Quarter.of(last)), (unit) -> true)
			.stream()
			.filter((row) -> (row.unitId() == SafetyFigures.ORGANISATION) ? visibility.seesOrganisationFigures()
					: visibility.seesUnitFigures(row.unitId()))
			.toList();
		return new SafetyApiJson(organisation.code(), Quarter.of(first).toString(), Quarter.of(last).toString(),
				"COMMITTEE", shown);
	}

	/** A malformed date or period: 400 with what was expected, as the surveys API. */
	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail badRequest(Exception ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail((ex instanceof IllegalArgumentException) ? ex.getMessage()
				: "A parameter has the wrong format; dates are yyyy-mm-dd.");
		return problem;
	}

	/**
	 * The answer: the organisation, the quarters the dates asked for lie in, the view
	 * every API client gets, and each visible unit's figures per quarter (the total, unit
	 * 0, first in each quarter, when the caller sees it).
	 */
	record SafetyApiJson(String organisation, String fromQuarter, String toQuarter, String view,
			List<SafetyFigures.Shown> figures) {

	}

}
