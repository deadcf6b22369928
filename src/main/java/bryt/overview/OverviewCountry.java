package bryt.overview;

import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The reader's organisation's country ({@code se} or {@code dk}) in the model of the
 * overview's pages, so that a figure's definition names the laws of the organisation's
 * country whatever language the reader reads it in: the templates ask for
 * {@code overview.<key>.definition.<country>} first (ovtrust; as
 * {@link OverviewPages#definition} does for the committee report).
 */
@ControllerAdvice(
		assignableTypes = { OverviewController.class, SnapshotController.class, OverviewHelpController.class })
class OverviewCountry {

	private final Organisations organisations;

	OverviewCountry(Organisations organisations) {
		this.organisations = organisations;
	}

	@ModelAttribute("country")
	String country(@AuthenticationPrincipal CurrentAccount me) {
		if (me == null) {
			return "";
		}
		return this.organisations.find(me.organisationId())
			.map(Organisation::country)
			.map((country) -> country.name().toLowerCase(Locale.ROOT))
			.orElse("");
	}

}
