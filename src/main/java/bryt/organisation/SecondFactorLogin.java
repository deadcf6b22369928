package bryt.organisation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.shared.security.OidcLogin;
import bryt.shared.security.SecondFactorPending;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a right password: an account with a second factor, or one that must set one up,
 * is held at the second-factor form with a {@link SecondFactorPending} login, which has
 * no roles; everyone else goes to the landing page. {@link SecondFactorController}
 * completes the login.
 */
@Component
class SecondFactorLogin implements AuthenticationSuccessHandler {

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final AuthenticationSuccessHandler landingPage;

	private final SecondFactors secondFactors;

	private final Accounts accounts;

	SecondFactorLogin(SecondFactors secondFactors, Accounts accounts) {
		this.secondFactors = secondFactors;
		this.accounts = accounts;
		SimpleUrlAuthenticationSuccessHandler landing = new SimpleUrlAuthenticationSuccessHandler("/");
		landing.setAlwaysUseDefaultTargetUrl(true);
		this.landingPage = landing;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		if (authentication.getPrincipal() instanceof CurrentAccount used) {
			// a right password: the account is in use from now (no provider takes it
			// over)
			this.accounts.used(used.accountId());
		}
		if (authentication.getPrincipal() instanceof CurrentAccount account
				&& this.secondFactors.stepAfterPassword(account) != SecondFactors.Step.NONE) {
			save(new SecondFactorPending(authentication), request, response);
			response.sendRedirect(request.getContextPath() + SecondFactorPending.PATH);
			return;
		}
		this.landingPage.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * After a provider's login (issue 16): held at Bryt's own second factor like a
	 * password login, unless the provider's {@code amr} shows it asked for more than a
	 * password itself, in which case the login carries the authority of a passed second
	 * factor ({@link SecondFactorStepUp#PASSED}) as one completed at Bryt's form does.
	 */
	void afterProvider(OidcLogin login, boolean multiFactor, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		CurrentAccount account = (CurrentAccount) login.getPrincipal();
		if (multiFactor) {
			save(passed(login), request, response);
		}
		else if (this.secondFactors.stepAfterPassword(account) != SecondFactors.Step.NONE) {
			save(new SecondFactorPending(login), request, response);
			response.sendRedirect(request.getContextPath() + SecondFactorPending.PATH);
			return;
		}
		else {
			save(login, request, response);
		}
		response.sendRedirect(request.getContextPath() + "/");
	}

	/**
	 * Puts the login the form has completed in place of the pending one, with the
	 * authority of a passed second factor ({@link SecondFactorStepUp#PASSED}); a
	 * provider's login stays one (its logout needs the provider's ID token).
	 */
	void complete(SecondFactorPending pending, HttpServletRequest request, HttpServletResponse response) {
		// A new session id for the full login, as for the password step.
		request.changeSessionId();
		save(passed(pending.passwordLogin()), request, response);
	}

	/** The same login with the authority of a passed second factor added. */
	private static Authentication passed(Authentication login) {
		List<GrantedAuthority> authorities = new ArrayList<>(login.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(SecondFactorStepUp.PASSED));
		if (login instanceof OidcLogin provider) {
			return new OidcLogin(provider.getPrincipal(), authorities, provider.registrationId(), provider.idToken());
		}
		UsernamePasswordAuthenticationToken passed = UsernamePasswordAuthenticationToken
			.authenticated(login.getPrincipal(), null, authorities);
		passed.setDetails(login.getDetails());
		return passed;
	}

	/**
	 * Where a completed login goes: back to the page a step-up came from, else the
	 * landing page.
	 */
	String landing(HttpServletRequest request) {
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		Object returnTo = (session != null) ? session.getAttribute(SecondFactorStepUp.RETURN_TO) : null;
		if (session != null) {
			session.removeAttribute(SecondFactorStepUp.RETURN_TO);
		}
		// Only a path of this application, never another site.
		return (returnTo instanceof String path && path.startsWith("/") && !path.startsWith("//")) ? path : "/";
	}

	/**
	 * Holds a full login at the second-factor form again (a step-up: the page now needs
	 * one this session has not passed).
	 */
	void hold(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		save(new SecondFactorPending(authentication), request, response);
	}

	private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
