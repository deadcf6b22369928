package bryt.surveys;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import bryt.organisation.Organisations;
import bryt.shared.web.Language;
import bryt.shared.web.OrganisationLanguage;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * On a respondent's page whose browser names no language: the language of the
 * organisation whose survey the code opens ({@code /s/{code}}, or the code posted to
 * {@code /s} or {@code /s/answer}). Only an unused code of an open or closed cycle is
 * looked up, whose page shows the survey or says it is closed anyway; an unknown or used
 * code gets the default language, as it would without this bean, so the language tells
 * nothing the page does not.
 */
@Component
class AnswerPageLanguage implements OrganisationLanguage {

	private static final PathPattern LINKED = PathPatternParser.defaultInstance.parse("/s/{code}");

	private final AnswerRepository answers;

	private final CycleRepository cycles;

	private final InvitationKey key;

	private final Organisations organisations;

	AnswerPageLanguage(AnswerRepository answers, CycleRepository cycles, InvitationKey key,
			Organisations organisations) {
		this.answers = answers;
		this.cycles = cycles;
		this.key = key;
		this.organisations = organisations;
	}

	@Override
	public Optional<Language> of(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String code = null;
		PathPattern.PathMatchInfo linked = LINKED.matchAndExtract(PathContainer.parsePath(path));
		if (linked != null && !"answer".equals(linked.getUriVariables().get("code"))) {
			code = linked.getUriVariables().get("code");
		}
		else if ("POST".equals(request.getMethod()) && ("/s".equals(path) || "/s/answer".equals(path))
				&& request.getContentType() != null
				&& request.getContentType().startsWith("application/x-www-form-urlencoded")) {
			// A form of these pages only (never a multipart body, which would be parsed
			// here).
			code = request.getParameter("code");
		}
		return InvitationCode.parse(code)
			.flatMap((parsed) -> this.answers.unusedInvitationCycle(this.key.hmac(parsed), this.key.usedMark(parsed)))
			.flatMap(this.cycles::cycle)
			.flatMap((cycle) -> this.organisations.find(cycle.organisationId()))
			.map((organisation) -> organisation.country().language());
	}

}
