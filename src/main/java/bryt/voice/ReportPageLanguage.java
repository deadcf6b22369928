package bryt.voice;

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
 * On a reporter's page ({@code /report/{org}/...}) whose browser names no language: the
 * language of the organisation in the path, so a Danish municipality's channel opens in
 * Danish. Nobody is logged in there; the path is all there is.
 */
@Component
class ReportPageLanguage implements OrganisationLanguage {

	private static final PathPattern REPORT_PAGES = PathPatternParser.defaultInstance.parse("/report/{org}/**");

	private final Organisations organisations;

	ReportPageLanguage(Organisations organisations) {
		this.organisations = organisations;
	}

	@Override
	public Optional<Language> of(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathPattern.PathMatchInfo match = REPORT_PAGES.matchAndExtract(PathContainer.parsePath(path));
		if (match == null) {
			return Optional.empty();
		}
		return this.organisations.findByCode(match.getUriVariables().get("org"))
			.map((organisation) -> organisation.country().language());
	}

}
