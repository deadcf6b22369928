package bryt.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.shared.security.SecondFactorPending;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The second factor checked on a request rather than at login, for pages whose readers
 * may need one only since their session began (surveys: comments that began to wait for
 * review, docs/surveys/comments.md F4). A login that passed the second factor carries the
 * authority {@value #PASSED} ({@link SecondFactorLogin#complete}); a page asks
 * {@link #passed} on every request and, if not, {@link #stepUp} holds the login at the
 * second-factor form as the login would have, and brings it back to the page (a GET) once
 * the code is right.
 */
@Component
public class SecondFactorStepUp {

	/** The authority of a login that passed the second factor. */
	public static final String PASSED = "SECOND_FACTOR_PASSED";

	/** The session attribute: the page to go back to after a step-up. */
	static final String RETURN_TO = "bryt.secondFactor.returnTo";

	private final SecondFactors secondFactors;

	private final SecondFactorLogin login;

	SecondFactorStepUp(SecondFactors secondFactors, SecondFactorLogin login) {
		this.secondFactors = secondFactors;
		this.login = login;
	}

	/**
	 * Whether the request may go on: the account needs no second factor now (asked again
	 * on each request, of every module's requirement), or its login passed one.
	 */
	public boolean passed(CurrentAccount account, Authentication authentication) {
		if (!this.secondFactors.required(account)) {
			return true;
		}
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((granted) -> PASSED.equals(granted.getAuthority()));
	}

	/**
	 * Holds the login at the second-factor form (set-up or code, as at login) and returns
	 * the redirect there; after the code, a GET comes back to its page.
	 */
	public String stepUp(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if ("GET".equals(request.getMethod())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			request.getSession()
				.setAttribute(RETURN_TO,
						(request.getQueryString() != null) ? path + "?" + request.getQueryString() : path);
		}
		this.login.hold(authentication, request, response);
		return "redirect:" + SecondFactorPending.PATH;
	}

}
