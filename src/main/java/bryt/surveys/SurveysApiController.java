package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
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
 * The surveys' figures as JSON, described in {@code /api/v1/openapi.json}: what
 * {@link SurveyFigures#figures(long, LocalDate, LocalDate)} gives (the anonymity engine
 * has decided every figure once for the whole organisation), cut to the units the caller
 * may see ({@link Visibility}: HR, administrators and tokens everything, the committee
 * every unit, a manager or union representative the covered units). A login or a token of
 * the organisation; staff see no unit's figures and are refused.
 */
@RestController
@RequestMapping("/api/v1/organisations/{org}/surveys")
class SurveysApiController {

	private final SurveyFigures figures;

	private final Organisations organisations;

	private final Clock clock;

	SurveysApiController(SurveyFigures figures, Organisations organisations, Clock clock) {
		this.figures = figures;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping(path = "/figures", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	SurveysApiJson figures(@PathVariable String org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Authentication authentication) {
		Organisations.FiguresReader reader = this.organisations.figuresReader(org, authentication);
		Organisation organisation = reader.organisation();
		Visibility visibility = reader.visibility();
		ApiPeriod period = ApiPeriod.of(from, to, LocalDate.now(this.clock),
				(last) -> YearMonth.from(last).minusMonths(11).atDay(1));
		LocalDate first = period.first();
		LocalDate last = period.last();
		List<SurveyFigures.Figure> shown = this.figures.figures(organisation.id(), first, last)
			.stream()
			.filter((figure) -> visibility.seesUnitFigures(figure.unitId()))
			.toList();
		return new SurveysApiJson(organisation.code(), first, last, shown);
	}

	/** A malformed date or period: 400 with what was expected, as the workload API. */
	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail badRequest(Exception ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail((ex instanceof IllegalArgumentException) ? ex.getMessage()
				: "A parameter has the wrong format; dates are yyyy-mm-dd.");
		return problem;
	}

	/**
	 * The answer: the organisation, the period asked for, and each visible unit's figures
	 * per program and period; a hidden figure is {@code null} and listed in
	 * {@code hidden}.
	 */
	record SurveysApiJson(String organisation, LocalDate from, LocalDate to, List<SurveyFigures.Figure> figures) {

	}

}
