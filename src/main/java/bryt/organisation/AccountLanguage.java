package bryt.organisation;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import bryt.shared.web.Language;
import bryt.shared.web.OrganisationLanguage;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * On a logged-in page whose browser names no language: the language of the account's
 * organisation (Swedish for a Swedish one, Danish for a Danish one).
 */
@Component
class AccountLanguage implements OrganisationLanguage {

	private final Organisations organisations;

	AccountLanguage(Organisations organisations) {
		this.organisations = organisations;
	}

	@Override
	public Optional<Language> of(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentAccount account)) {
			return Optional.empty();
		}
		return this.organisations.find(account.organisationId())
			.map((organisation) -> organisation.country().language());
	}

}
