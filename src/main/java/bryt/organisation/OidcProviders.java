package bryt.organisation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import bryt.shared.security.OidcLogin;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;

/**
 * An organisation's identity providers and its local passwords, with the checks a form
 * cannot make (issue 16).
 */
@Service
class OidcProviders {

	private final OidcProviderRepository providers;

	private final OidcSecretKey secretKey;

	private final ApplicationEventPublisher events;

	OidcProviders(OidcProviderRepository providers, OidcSecretKey secretKey, ApplicationEventPublisher events) {
		this.providers = providers;
		this.secretKey = secretKey;
		this.events = events;
	}

	/**
	 * Adds or changes a provider of one side: the employer's administrator saves the
	 * {@link Side#EMPLOYER}'s, the employee side's administrator the
	 * {@link Side#EMPLOYEE_SIDE}'s. Another side's provider is not found (404), and
	 * nothing changes. An employee side's provider has no group mapping and no
	 * employee-number claim: whatever a forged form sends for them is dropped. Nothing
	 * when the form has errors.
	 */
	@Transactional
	void save(long organisationId, Side side, Long id, OidcProviderForm form, Errors errors) {
		if (id != null && this.providers.find(organisationId, side, id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		boolean employers = side == Side.EMPLOYER;
		if (form.registrationId() != null && this.providers.registrationIdTaken(form.registrationId(), id)) {
			errors.rejectValue("registrationId", "ssoRegistrationTaken");
		}
		if (form.issuer() != null && !form.issuer().isBlank() && !issuerAllowed(form.issuer().strip())) {
			errors.rejectValue("issuer", "ssoIssuer");
		}
		else if (form.issuer() != null && this.providers.issuerTaken(organisationId, form.issuer().strip(), id)) {
			// One provider per issuer in an organisation: an identity (issuer and
			// subject)
			// belongs to one provider, so a second one, of either side, would only refuse
			// or pre-empt the first one's logins.
			errors.rejectValue("issuer", "ssoIssuerTaken");
		}
		if (employers) {
			checkGroupRoles(form.groupRoles(), errors);
		}
		String claim = OidcProviderForm.blankToNull(form.requiredClaim());
		String claimValue = OidcProviderForm.blankToNull(form.requiredClaimValue());
		if (claim != null && claimValue == null) {
			errors.rejectValue("requiredClaimValue", "ssoRequiredClaimValue");
		}
		else if (claim == null && claimValue != null) {
			errors.rejectValue("requiredClaim", "ssoRequiredClaim");
		}
		if (errors.hasErrors()) {
			return;
		}
		String registrationId = form.registrationId();
		String secret = OidcProviderForm.blankToNull(form.clientSecret());
		OidcProvider provider = new OidcProvider(0, organisationId, registrationId, form.label().strip(),
				form.issuer().strip(), form.clientId().strip(),
				(secret != null && !form.isDropSecret()) ? this.secretKey.encrypt(secret, registrationId) : null,
				form.usernameClaim().strip(),
				employers ? OidcProviderForm.blankToNull(form.employeeNumberClaim()) : null,
				employers ? OidcProviderForm.blankToNull(form.groupClaim()) : null,
				(employers && form.groupRoles() != null) ? form.groupRoles().strip() : "",
				OidcProviderForm.tokens(form.requiredAcr()), OidcProviderForm.tokens(form.requiredAmr()), claim,
				claimValue, side);
		if (id == null) {
			this.providers.create(organisationId, provider);
			return;
		}
		OidcProvider before = this.providers.find(organisationId, side, id).orElseThrow();
		if (secret == null && !form.isDropSecret() && before.confidential()
				&& !before.registrationId().equals(registrationId)) {
			// The stored secret is bound to the old registration id: carry it over.
			provider = withSecret(provider, this.secretKey
				.encrypt(this.secretKey.decrypt(before.clientSecret(), before.registrationId()), registrationId));
		}
		this.providers.update(organisationId, id, provider, form.isDropSecret());
	}

	/** Removes a provider of that side; another side's is not found (404). */
	@Transactional
	void delete(long organisationId, Side side, long id) {
		if (this.providers.find(organisationId, side, id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.providers.delete(organisationId, side, id);
		if (this.providers.list(organisationId, Side.EMPLOYER).isEmpty()) {
			// Without the employer's provider the employer's staff could not log in at
			// all (a union's provider logs in the employee side only).
			this.providers.localPasswords(organisationId, true);
		}
	}

	/**
	 * Switches local passwords on or off. Off only while the organisation has a provider
	 * of the employer's: otherwise the employer's staff could not log in any more.
	 * @return whether the change was made
	 */
	@Transactional
	boolean localPasswords(long organisationId, boolean on) {
		if (!on && this.providers.list(organisationId, Side.EMPLOYER).isEmpty()) {
			return false;
		}
		this.providers.localPasswords(organisationId, on);
		if (!on) {
			// The sessions begun with a password end too (after the commit).
			this.events.publishEvent(new LocalPasswordSessions.LocalPasswordsSwitchedOff(organisationId));
		}
		return true;
	}

	/**
	 * Whether the session logged in through an employer's provider (or one removed since,
	 * which nobody can tell apart any more), whose login the employer's IT controls: a
	 * password login and a login through an employee side's provider are not.
	 */
	boolean throughEmployer(Authentication login) {
		return throughEmployer(login, this.providers);
	}

	static boolean throughEmployer(Authentication login, OidcProviderRepository providers) {
		return login instanceof OidcLogin oidc
				&& providers.findByRegistrationId(oidc.registrationId()).map(OidcProvider::employers).orElse(true);
	}

	/**
	 * HTTPS, or plain HTTP to this machine only (a provider on the loopback address, as
	 * in a test or a broker beside Bryt).
	 */
	static boolean issuerAllowed(String issuer) {
		try {
			URI uri = new URI(issuer);
			if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
					|| uri.getUserInfo() != null) {
				return false;
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return scheme.equals("https") || (scheme.equals("http")
					&& Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost().toLowerCase(Locale.ROOT)));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Each line {@code group=ROLE} with an employer role; the first wrong line is named.
	 */
	private static void checkGroupRoles(String lines, Errors errors) {
		if (lines == null) {
			return;
		}
		String[] all = lines.split("\\R");
		for (int i = 0; i < all.length; i++) {
			String line = all[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			int equals = line.lastIndexOf('=');
			if (equals <= 0) {
				errors.rejectValue("groupRoles", "ssoGroupRolesFormat", new Object[] { i + 1 }, null);
				return;
			}
			String role = line.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
			if (OidcProvider.EMPLOYER_ROLES.stream().noneMatch((employer) -> employer.name().equals(role))) {
				errors.rejectValue("groupRoles", "ssoGroupRolesRole", new Object[] { i + 1, role }, null);
				return;
			}
		}
	}

	private static OidcProvider withSecret(OidcProvider p, byte[] secret) {
		return new OidcProvider(p.id(), p.organisationId(), p.registrationId(), p.label(), p.issuer(), p.clientId(),
				secret, p.usernameClaim(), p.employeeNumberClaim(), p.groupClaim(), p.groupRoles(), p.requiredAcr(),
				p.requiredAmr(), p.requiredClaim(), p.requiredClaimValue(), p.side());
	}

}
