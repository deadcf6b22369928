package bryt.surveys;

import java.util.List;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.shared.tables.FigureTable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A closed annual or pulse cycle's results as a PDF: the heatmap the results page shows
 * (participation, each area's index, the recommend score), from the same
 * {@link ResultsPage} decision and the same {@link ResultsTables} cells, cut to the
 * viewer's units; a hidden cell says "Hidden" and its row why. An open cycle has no PDF:
 * no running scores.
 */
@Controller
class SurveysPdfController {

	private static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	private final ResultsPage results;

	private final ResultsTables tables;

	private final Instruments instruments;

	private final Organisations organisations;

	private final MessageSource messages;

	SurveysPdfController(ResultsPage results, ResultsTables tables, Instruments instruments,
			Organisations organisations, MessageSource messages) {
		this.results = results;
		this.tables = tables;
		this.instruments = instruments;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/surveys/results/{id}/pdf")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> cycle(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, Locale locale) {
		ResultsPage.Figures figures = this.results.figures(me.organisationId(), id)
			.filter(ResultsPage.Figures::closed)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		List<ResultUnit> units = figures.units(visibility);
		Instrument instrument = this.instruments.find(figures.cycle().instrumentId(), locale.getLanguage())
			.orElseThrow();
		FigureTable heatmap = this.tables.heatmap(figures, units, instrument, locale);
		Cycle cycle = figures.cycle();
		String program = message("surveys.program." + cycle.program().key(), locale);
		String title = message("surveys.results.title", locale, program, cycle.opensOn());
		List<String> lines = List.of(message("surveys.results.intro", locale, cycle.instrumentName(locale),
				cycle.opensOn(), cycle.closesOn()), message("surveys.results.heatmap.hint", locale));
		byte[] pdf = SurveysPdf.of(title, lines, List.of(heatmap), message("surveys.results.hidden", locale));
		return SurveysPdf.download(pdf, "survey-results-" + cycle.id() + "-" + cycle.opensOn());
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
